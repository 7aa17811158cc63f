import Foundation

/// Parses the bulk JSONL form (DESIGN.md): one FAQ entry or policy document per line.
///
/// A bad line does not stop the file: each line yields either a document or an ``IngestError``
/// naming the file and line, so callers decide whether to keep the good lines.
public struct BulkJSONLParser: DocumentParser {
    public init() {}

    public var extensions: Set<String> { ["jsonl", "json"] }

    /// Parses a `.jsonl` file (one object a line) or a `.json` file (one object or an array).
    public func parse(_ data: Data, file: String) throws -> ParseOutcome {
        let text = try TextDecoding.decode(data, file: file).text
        try ParsingSupport.requireText(text, file: file)
        if (file as NSString).pathExtension.lowercased() == "json" {
            return ParseOutcome(records: try Self.parseJSONDocument(Data(text.utf8), file: file))
        }
        return ParseOutcome(records: Self.parse(Data(text.utf8), file: file))
    }

    /// A `.json` file holds one document object or an array of them.
    static func parseJSONDocument(_ data: Data, file: String) throws -> [LineResult] {
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: data)
        } catch {
            throw IngestError.malformedJSON(file: file, line: 1, reason: reason(error))
        }
        let items = (object as? [Any]) ?? [object]
        return items.enumerated().map { i, item in
            guard let dict = item as? [String: Any] else {
                return .failure(.malformedJSON(file: file, line: i + 1, reason: "item \(i + 1) is not an object"))
            }
            do {
                return .success(try document(from: dict, file: file, line: i + 1))
            } catch let e as IngestError {
                return .failure(e)
            } catch {
                return .failure(.malformedJSON(file: file, line: i + 1, reason: "\(error)"))
            }
        }
    }

    /// One parsed line.
    public typealias LineResult = Result<KnowledgeDocument, IngestError>

    /// Parses `data` (UTF-8, optional BOM); `file` names it in errors.
    public static func parse(_ data: Data, file: String) -> [LineResult] {
        var bytes = data[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        var results: [LineResult] = []
        var lineNumber = 0
        for line in bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            lineNumber += 1
            let trimmed = line.last == UInt8(ascii: "\r") ? line.dropLast() : line
            if trimmed.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { continue }
            results.append(parseLine(Data(trimmed), file: file, line: lineNumber))
        }
        return results
    }

    /// Parses one JSON object into a document.
    public static func parseLine(_ data: Data, file: String, line: Int) -> LineResult {
        guard String(data: data, encoding: .utf8) != nil else {
            return .failure(.invalidEncoding(file: file, detail: "line \(line) is not valid UTF-8"))
        }
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: data, options: [])
        } catch {
            return .failure(.malformedJSON(file: file, line: line, reason: Self.reason(error)))
        }
        guard let dict = object as? [String: Any] else {
            return .failure(.malformedJSON(file: file, line: line, reason: "expected a JSON object"))
        }
        do {
            return .success(try document(from: dict, file: file, line: line))
        } catch let error as IngestError {
            return .failure(error)
        } catch {
            return .failure(.malformedJSON(file: file, line: line, reason: "\(error)"))
        }
    }

    static func reason(_ error: Error) -> String {
        let ns = error as NSError
        return (ns.userInfo[NSDebugDescriptionErrorKey] as? String) ?? ns.localizedDescription
    }

    /// Builds a document from a decoded JSON object, checking required fields.
    public static func document(from dict: [String: Any], file: String, line: Int) throws -> KnowledgeDocument {
        func string(_ key: String, required: Bool = false) throws -> String {
            guard let value = dict[key], !(value is NSNull) else {
                if required { throw IngestError.missingField(file: file, line: line, field: key) }
                return ""
            }
            if let s = value as? String {
                let t = s.trimmedWhitespace()
                if required && t.isEmpty { throw IngestError.missingField(file: file, line: line, field: key) }
                return t
            }
            if let n = value as? NSNumber, !(value is Bool) { return n.stringValue }
            throw IngestError.invalidValue(file: file, line: line, field: key, reason: "expected a string")
        }
        func strings(_ key: String) throws -> [String] {
            guard let value = dict[key], !(value is NSNull) else { return [] }
            if let s = value as? String { return s.isEmpty ? [] : [s] }
            guard let array = value as? [Any] else {
                throw IngestError.invalidValue(file: file, line: line, field: key, reason: "expected an array of strings")
            }
            return try array.map {
                guard let s = $0 as? String else {
                    throw IngestError.invalidValue(file: file, line: line, field: key, reason: "expected an array of strings")
                }
                return s.trimmedWhitespace()
            }.filter { !$0.isEmpty }
        }
        let id = try string("id", required: true)
        guard id.count <= 200, !id.contains(where: { $0.isNewline || $0 == "#" }) else {
            throw IngestError.invalidValue(file: file, line: line, field: "id", reason: "at most 200 characters, no '#' or line breaks")
        }
        let kindText = try string("kind", required: true)
        guard let kind = DocumentKind(rawValue: kindText.lowercased()) else {
            throw IngestError.invalidValue(file: file, line: line, field: "kind", reason: "'\(kindText)' is not faq or policy")
        }
        let statusText = try string("status")
        guard let status = statusText.isEmpty ? .current : DocumentStatus(rawValue: statusText.lowercased()) else {
            throw IngestError.invalidValue(file: file, line: line, field: "status",
                                           reason: "'\(statusText)' is not one of \(DocumentStatus.allCases.map(\.rawValue))")
        }
        let region = try string("region")
        var links: [ActionLink] = []
        if let raw = dict["links"] as? [[String: Any]] {
            links = raw.compactMap { l in
                guard let url = l["url"] as? String else { return nil }
                return ActionLink(title: (l["title"] as? String) ?? url, url: url)
            }
        }
        switch kind {
        case .faq:
            return KnowledgeDocument(
                id: id, kind: .faq, title: try string("question", required: true), similar: try strings("similar"),
                body: try string("answer", required: true), category: try string("category"), tags: try strings("tags"),
                region: region.isEmpty ? "全国" : region, published: try string("published"),
                effective: try string("effective"), status: status, links: links)
        case .policy:
            return KnowledgeDocument(
                id: id, kind: .policy, title: try string("title", required: true), body: try string("body", required: true),
                category: try string("category"), tags: try strings("tags"), region: region.isEmpty ? "全国" : region,
                number: try string("number"), issuer: try string("issuer"), published: try string("published"),
                effective: try string("effective"), status: status, supersedes: try string("supersedes"), links: links)
        }
    }
}
