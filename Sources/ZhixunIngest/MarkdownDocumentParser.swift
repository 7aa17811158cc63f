import Foundation

/// Markdown (`.md`) and plain text (`.txt`) policy documents.
///
/// An optional front matter block (`---` lines around `key: value` pairs: id, title, number,
/// issuer, published, effective, status, region, category, tags, supersedes) sets metadata and
/// wins over extraction. The title is the front matter's, else the first `#` heading, else the
/// first line. HTML comments (`<!-- INFO END -->`) are dropped. Headings (`#`, `第一章`, `一、`)
/// become the passage structure (see ``PassageChunker``).
public struct MarkdownDocumentParser: DocumentParser {
    public init() {}

    public var extensions: Set<String> { ["md", "markdown", "txt"] }

    public func parse(_ data: Data, file: String) throws -> ParseOutcome {
        let text = try TextDecoding.decode(data, file: file).text
        try ParsingSupport.requireText(text, file: file)
        let (fields, rest) = Self.frontMatter(text)
        let body = Self.stripComments(rest)
        var lines = body.components(separatedBy: .newlines)
        var title = fields["title"] ?? ""
        if title.isEmpty, let i = lines.firstIndex(where: { !$0.trimmedWhitespace().isEmpty }) {
            let first = lines[i].trimmedWhitespace()
            if first.hasPrefix("# ") {
                title = String(first.dropFirst(2)).trimmedWhitespace()
                lines.remove(at: i)
            } else if first.hasPrefix("#") || PassageChunker.classify(Substring(first)) != .text {
                // The text starts with structure (an excerpt): the file name is the title.
                title = ParsingSupport.documentID(forFile: file)
            } else {
                title = first
                lines.remove(at: i)
            }
        } else if let i = lines.firstIndex(where: { $0.hasPrefix("# ") }),
                  lines[i].dropFirst(2).trimmedWhitespace() == title {
            lines.remove(at: i)
        }
        let document = try ParsingSupport.policy(title: title, body: lines.joined(separator: "\n"), file: file, fields: fields)
        return ParseOutcome(records: [.success(document)])
    }

    /// Splits a leading `---` front matter block into fields and the remaining text.
    static func frontMatter(_ text: String) -> ([String: String], String) {
        let lines = text.components(separatedBy: .newlines)
        guard lines.first?.trimmedWhitespace() == "---",
              let end = lines.dropFirst().firstIndex(where: { $0.trimmedWhitespace() == "---" }) else {
            return ([:], text)
        }
        var fields: [String: String] = [:]
        for line in lines[1..<end] {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let key = line[..<colon].trimmedWhitespace().lowercased()
            var value = line[line.index(after: colon)...].trimmedWhitespace()
            if value.count >= 2, let f = value.first, f == value.last, f == "\"" || f == "'" {
                value = String(value.dropFirst().dropLast())
            }
            if value.hasPrefix("["), value.hasSuffix("]") { value = String(value.dropFirst().dropLast()) }
            if !key.isEmpty { fields[key] = value }
        }
        return (fields, lines[(end + 1)...].joined(separator: "\n"))
    }

    /// Removes `<!-- … -->` comments.
    static func stripComments(_ text: String) -> String {
        var out = ""
        var rest = Substring(text)
        while let start = rest.range(of: "<!--") {
            out += rest[..<start.lowerBound]
            guard let end = rest[start.upperBound...].range(of: "-->") else { return out }
            rest = rest[end.upperBound...]
        }
        return out + rest
    }
}
