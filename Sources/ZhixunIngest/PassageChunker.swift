/// Splits documents into passages.
///
/// - An FAQ entry is one passage.
/// - A policy body is split at its articles (`第X条`), keeping the headings above each article
///   (`第X编`, `第X章`, `第X节`, Markdown `#` headings) as its heading path. Items (`（一）…`) stay
///   with their article.
/// - A body without articles (a notice or guide) is split at its numbered sections (`一、…`), with
///   the section line as the last heading.
/// - A passage longer than ``maxPassageLength`` characters is split at line boundaries with its
///   heading path repeated.
///
/// Each passage carries the document's action links whose text it contains.
public struct PassageChunker: Sendable {
    /// Longest passage, in characters, before it is split.
    public var maxPassageLength: Int

    public init(maxPassageLength: Int = 1200) {
        self.maxPassageLength = maxPassageLength
    }

    /// The passages of `document`.
    public func passages(of document: KnowledgeDocument) -> [Passage] {
        let passages: [Passage]
        switch document.kind {
        case .faq:
            passages = [Passage(document: document.id, ordinal: 1, heading: [], text: document.body)]
        case .policy:
            passages = policyPassages(document)
        }
        guard !document.links.isEmpty else { return passages }
        return passages.map { p in
            var p = p
            p.links = document.links.filter { !$0.title.isEmpty && p.text.contains($0.title) }
            return p
        }
    }

    enum Line: Equatable {
        case part(String), chapter(String), section(String), heading(level: Int, String)
        case article(label: String), numberedSection(String), text
    }

    static let numerals: Set<Character> = Set("一二三四五六七八九十百千零〇两0123456789０１２３４５６７８９")

    /// Classifies one (left-trimmed) line of a policy body.
    static func classify(_ line: Substring) -> Line {
        if line.hasPrefix("#") {
            let level = line.prefix(while: { $0 == "#" }).count
            let title = line.dropFirst(level).trimmedWhitespace()
            if case .text = classify(Substring(title)) {
                return .heading(level: level, title)
            }
            return classify(Substring(title))
        }
        if line.hasPrefix("第") {
            let rest = line.dropFirst()
            let numeral = rest.prefix(while: { numerals.contains($0) })
            if !numeral.isEmpty, let marker = rest.dropFirst(numeral.count).first {
                let whole = String(line).trimmedWhitespace()
                switch marker {
                case "编": return .part(whole)
                case "章": return .chapter(whole)
                case "节": return .section(whole)
                case "条":
                    // 第二百零五条之一 is an article of its own.
                    let after = rest.dropFirst(numeral.count + 1)
                    if after.first == "之", let n = after.dropFirst().first, numerals.contains(n) {
                        return .article(label: "第" + numeral + "条之" + String(n))
                    }
                    return .article(label: "第" + numeral + "条")
                default: break
                }
            }
        }
        // 一、总体要求 (a short line: a section title, not a sentence that happens to start so)
        let numeral = line.prefix(while: { "一二三四五六七八九十".contains($0) })
        if !numeral.isEmpty, line.dropFirst(numeral.count).first == "、", line.count <= 40 {
            return .numberedSection(String(line).trimmedWhitespace())
        }
        return .text
    }

    private func policyPassages(_ document: KnowledgeDocument) -> [Passage] {
        let lines = document.body.split(whereSeparator: \.isNewline)
            .map { $0.drop(while: { $0 == " " || $0 == "\t" || $0 == "\u{3000}" }) }
            .filter { !$0.isEmpty }
        let classified = lines.map(Self.classify)
        let hasArticles = classified.contains { if case .article = $0 { return true } else { return false } }

        var passages: [Passage] = []
        var path: [Int: String] = [:]  // heading level → title (part 1, chapter 2, section 3, numbered 4)
        var current: (heading: [String], lines: [Substring])?

        func headingPath(_ tail: String?) -> [String] {
            path.keys.sorted().compactMap { path[$0] } + (tail.map { [$0] } ?? [])
        }
        func setHeading(level: Int, _ title: String) {
            flush()
            path = path.filter { $0.key < level }
            path[level] = title
        }
        func flush() {
            guard let (heading, body) = current else { return }
            current = nil
            var chunk: [Substring] = []
            var length = 0
            func emit() {
                let text = chunk.joined(separator: "\n").trimmedWhitespace()
                if !text.isEmpty {
                    passages.append(Passage(document: document.id, ordinal: passages.count + 1, heading: heading, text: text))
                }
                chunk = []
                length = 0
            }
            for line in body {
                if length > 0 && length + line.count > maxPassageLength { emit() }
                chunk.append(line)
                length += line.count
            }
            emit()
        }

        for (line, kind) in zip(lines, classified) {
            switch kind {
            case .part(let title): setHeading(level: 1, title)
            case .chapter(let title): setHeading(level: 2, title)
            case .section(let title): setHeading(level: 3, title)
            case .heading(let level, let title):
                // A top-level heading repeating the document title is not structure.
                if level == 1 && title == document.title { continue }
                setHeading(level: min(max(level, 1), 3), title)
            case .article(let label):
                flush()
                current = (headingPath(label), [line])
            case .numberedSection(let title) where !hasArticles:
                flush()
                path = path.filter { $0.key < 4 }
                current = (headingPath(title), [line])
            case .numberedSection, .text:
                if current == nil { current = (headingPath(nil), []) }
                current!.lines.append(line)
            }
        }
        flush()
        return passages
    }
}
