import CSV
import Foundation

/// FAQ spreadsheets saved as CSV with a header row: `question` and `answer` are required;
/// `id`, `similar` (separated by `|`), `category`, `tags` (separated by `|`) and `region` are
/// optional. A row without an id gets `<file stem>-<row>`. A bad row is reported with its line
/// number; the other rows are kept.
public struct CSVFAQParser: DocumentParser {
    public init() {}

    public var extensions: Set<String> { ["csv"] }

    public func parse(_ data: Data, file: String) throws -> ParseOutcome {
        let text = try TextDecoding.decode(data, file: file).text
        try ParsingSupport.requireText(text, file: file)
        let reader: CSVReader
        do {
            reader = try CSVReader(string: text, hasHeaderRow: true)
        } catch {
            throw IngestError.unsupportedFormat(file: file, detail: "not a CSV table: \(error)")
        }
        let header = (reader.headerRow ?? []).map { $0.trimmedWhitespace().lowercased() }
        for required in ["question", "answer"] where !header.contains(required) {
            throw IngestError.missingField(file: file, line: 1, field: required)
        }
        var outcome = ParseOutcome()
        var row = 1
        while let values = reader.next() {
            row += 1
            if values.allSatisfy({ $0.trimmedWhitespace().isEmpty }) { continue }
            guard values.count == header.count else {
                outcome.records.append(.failure(.invalidValue(
                    file: file, line: row, field: "row", reason: "\(values.count) columns, the header has \(header.count)")))
                continue
            }
            var dict: [String: Any] = ["kind": "faq"]
            for (key, value) in zip(header, values) {
                let v = value.trimmedWhitespace()
                switch key {
                case "similar", "tags":
                    dict[key] = v.split(separator: "|").map { $0.trimmedWhitespace() }.filter { !$0.isEmpty }
                default:
                    dict[key] = v
                }
            }
            if (dict["id"] as? String ?? "").isEmpty { dict["id"] = "\(ParsingSupport.documentID(forFile: file))-\(row)" }
            do {
                outcome.records.append(.success(try BulkJSONLParser.document(from: dict, file: file, line: row)))
            } catch let error as IngestError {
                outcome.records.append(.failure(error))
            }
        }
        if let error = reader.error {
            outcome.records.append(.failure(.malformedCSV(file: file, line: row + 1, reason: "\(error)")))
        }
        return outcome
    }
}
