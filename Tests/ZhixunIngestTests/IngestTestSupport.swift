import Foundation
@testable import ZhixunIngest

enum IngestTestSupport {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/ingest").path
    /// The real tax laws beside the clone (`../shared/corpora/tax-law/laws`).
    static let taxLaw = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared/corpora/tax-law/laws").path

    static func parse(_ path: String) throws -> ParseOutcome {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        guard let parser = IngestFormats.standard.parser(for: path) else { throw IngestError.unsupportedFormat(file: path, detail: "none") }
        return try parser.parse(data, file: path)
    }

    static func documents(_ path: String) throws -> [KnowledgeDocument] {
        try parse(path).records.map { try $0.get() }
    }

    static func parse(_ text: String, as ext: String, encoding: String.Encoding = .utf8) throws -> ParseOutcome {
        let file = "inline." + ext
        let parser = IngestFormats.standard.parser(for: file)!
        return try parser.parse(text.data(using: encoding)!, file: file)
    }
}
