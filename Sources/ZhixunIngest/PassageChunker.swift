/// Splits documents into passages: an FAQ entry is one passage; a policy body is split at its
/// articles (`第X条`), keeping the chapter and section headings above each article as its path.
/// Items (`（一）…`) stay with their article; an article longer than ``maxPassageLength``
/// characters is split at line boundaries with its heading path repeated.
public struct PassageChunker: Sendable {
    /// Longest passage, in characters, before an article is split.
    public var maxPassageLength: Int

    public init(maxPassageLength: Int = 1200) {
        self.maxPassageLength = maxPassageLength
    }

    /// The passages of `document`.
    public func passages(of document: KnowledgeDocument) -> [Passage] {
        switch document.kind {
        case .faq:
            return [Passage(document: document.id, ordinal: 1, heading: [], text: document.body)]
        case .policy:
            return policyPassages(document)
        }
    }

    private enum Line {
        case chapter(String), section(String), markdownHeading(level: Int, String), article(label: String), text
    }

    private func classify(_ line: Substring) -> Line {
        if line.hasPrefix("#") {
            let level = line.prefix(while: { $0 == "#" }).count
            let title = line.dropFirst(level).trimmingCharacters(in: .whitespaces)
            return .markdownHeading(level: level, String(title))
        }
        guard line.hasPrefix("第") else { return .text }
        let rest = line.dropFirst()
        let numeral = rest.prefix(while: { Self.numerals.contains($0) })
        guard !numeral.isEmpty, let marker = rest.dropFirst(numeral.count).first else { return .text }
        let label = "第" + numeral + String(marker)
        switch marker {
        case "章", "编": return .chapter(String(line).trimmingCharacters(in: .whitespaces))
        case "节": return .section(String(line).trimmingCharacters(in: .whitespaces))
        case "条": return .article(label: label)
        default: return .text
        }
    }

    static let numerals: Set<Character> = Set("一二三四五六七八九十百千零〇两0123456789")

    private func policyPassages(_ document: KnowledgeDocument) -> [Passage] {
        var passages: [Passage] = []
        var chapter: String?
        var section: String?
        var current: (heading: [String], lines: [Substring])?

        func flush() {
            guard let (heading, lines) = current else { return }
            current = nil
            var chunk: [Substring] = []
            var length = 0
            func emit() {
                let text = chunk.joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
                if !text.isEmpty {
                    passages.append(Passage(document: document.id, ordinal: passages.count + 1, heading: heading, text: text))
                }
                chunk = []
                length = 0
            }
            for line in lines {
                if length > 0 && length + line.count > maxPassageLength { emit() }
                chunk.append(line)
                length += line.count
            }
            emit()
        }
        func path(_ tail: String?) -> [String] {
            [chapter, section, tail].compactMap { $0 }
        }

        for rawLine in document.body.split(whereSeparator: \.isNewline) {
            let line = rawLine.drop(while: { $0 == " " || $0 == "\t" || $0 == "\u{3000}" })
            if line.isEmpty { continue }
            switch classify(line) {
            case .chapter(let title):
                flush(); chapter = title; section = nil
            case .section(let title):
                flush(); section = title
            case .markdownHeading(let level, let title):
                flush()
                if level <= 2 { chapter = title; section = nil } else { section = title }
            case .article(let label):
                flush()
                current = (path(label), [line])
            case .text:
                if current == nil { current = (path(nil), []) }
                current!.lines.append(line)
            }
        }
        flush()
        return passages
    }
}
