import Foundation

/// What parsing one file produced: documents (or per-record errors) and warnings.
public struct ParseOutcome: Sendable {
    /// One entry per record: a document, or the error that record had.
    public var records: [Result<KnowledgeDocument, IngestError>] = []
    /// Problems that did not stop the file (recovered HTML, unexpanded entities, …).
    public var warnings: [String] = []

    public init(records: [Result<KnowledgeDocument, IngestError>] = [], warnings: [String] = []) {
        self.records = records
        self.warnings = warnings
    }
}

/// A parser for one family of file formats.
public protocol DocumentParser: Sendable {
    /// Lowercased file extensions this parser reads.
    var extensions: Set<String> { get }
    /// Parses a file's bytes; throws for a file-level failure (unreadable, wrong encoding, empty).
    func parse(_ data: Data, file: String) throws -> ParseOutcome
}

/// The parsers of every supported format, chosen by file extension.
public struct IngestFormats: Sendable {
    public let parsers: [any DocumentParser]

    public static let standard = IngestFormats(parsers: [
        BulkJSONLParser(), HTMLDocumentParser(), XMLDocumentParser(), MarkdownDocumentParser(), CSVFAQParser(),
    ])

    public init(parsers: [any DocumentParser]) {
        self.parsers = parsers
    }

    /// Every extension a parser reads.
    public var extensions: Set<String> { parsers.reduce(into: []) { $0.formUnion($1.extensions) } }

    /// The parser for `file`, by its extension.
    public func parser(for file: String) -> (any DocumentParser)? {
        let ext = (file as NSString).pathExtension.lowercased()
        return parsers.first { $0.extensions.contains(ext) }
    }
}

/// Helpers shared by the text-based parsers.
enum ParsingSupport {
    /// A document id from a file name: its stem, without characters ids may not hold.
    static func documentID(forFile file: String) -> String {
        let stem = ((file as NSString).lastPathComponent as NSString).deletingPathExtension
        let cleaned = stem.replacingOccurrences(of: "#", with: "-").trimmedWhitespace()
        return String(cleaned.prefix(200))
    }

    /// Throws for a file with no text at all.
    static func requireText(_ text: String, file: String) throws {
        if text.allSatisfy({ $0.isWhitespace }) {
            throw IngestError.unsupportedFormat(file: file, detail: "the file is empty")
        }
    }

    /// A policy document from a title and body, with metadata filled from `fields` first and
    /// extracted from the text for whatever they leave empty.
    static func policy(title: String, body: String, file: String, fields: [String: String],
                       links: [ActionLink] = []) throws -> KnowledgeDocument {
        let statusText = fields["status"]?.lowercased() ?? ""
        var status = DocumentStatus.current
        if !statusText.isEmpty {
            guard let s = DocumentStatus(rawValue: statusText) else {
                throw IngestError.invalidValue(file: file, line: 1, field: "status",
                                               reason: "'\(statusText)' is not one of \(DocumentStatus.allCases.map(\.rawValue))")
            }
            status = s
        }
        let trimmedBody = body.trimmedWhitespace()
        let finalTitle = (fields["title"] ?? title).trimmedWhitespace()
        guard !finalTitle.isEmpty else { throw IngestError.missingField(file: file, line: 1, field: "title") }
        guard !trimmedBody.isEmpty else { throw IngestError.missingField(file: file, line: 1, field: "body") }
        let tags = (fields["tags"] ?? "").split(whereSeparator: { $0 == "," || $0 == "，" || $0 == "|" || $0 == "、" })
            .map { $0.trimmedWhitespace() }.filter { !$0.isEmpty }
        var doc = KnowledgeDocument(
            id: fields["id"].flatMap { $0.isEmpty ? nil : $0 } ?? documentID(forFile: file),
            kind: .policy, title: finalTitle, body: trimmedBody, category: fields["category"] ?? "", tags: tags,
            region: fields["region"].flatMap { $0.isEmpty ? nil : $0 } ?? "全国", number: fields["number"] ?? "",
            issuer: fields["issuer"] ?? "", published: fields["published"] ?? "", effective: fields["effective"] ?? "",
            status: status, supersedes: fields["supersedes"] ?? "", links: links)
        MetadataExtractor.fill(&doc, fileName: (file as NSString).lastPathComponent, explicitStatus: !statusText.isEmpty)
        return doc
    }
}
