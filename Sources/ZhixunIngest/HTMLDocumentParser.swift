import CLibXML2
import Foundation

/// Policy notices saved as HTML pages, parsed with libxml2's lenient HTML parser.
///
/// The main text is kept with its structure: headings become heading lines, paragraphs and list
/// items lines, table rows `cell | cell | …` lines. Scripts, styles, navigation, page headers and
/// footers, asides, forms and comments are dropped. Anchors become the document's action links.
/// Metadata comes from `<meta name="zhixun:…">` tags (id, title, number, issuer, published,
/// effective, status, region, category, tags, supersedes), then from the text.
public struct HTMLDocumentParser: DocumentParser {
    public init() {}

    public var extensions: Set<String> { ["html", "htm", "xhtml"] }

    static let dropped: Set<String> = ["script", "style", "noscript", "nav", "header", "footer", "aside",
                                       "template", "iframe", "svg", "form", "button", "select", "head", "object"]
    static let blocks: Set<String> = ["p", "div", "section", "article", "main", "li", "ul", "ol", "br", "table",
                                      "tbody", "thead", "blockquote", "pre", "dd", "dt", "dl", "body", "center", "hr"]
    static let headings: [String: Int] = ["h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6]

    public func parse(_ data: Data, file: String) throws -> ParseOutcome {
        var text = try TextDecoding.decode(data, file: file).text
        try ParsingSupport.requireText(text, file: file)
        text = Self.declareUTF8(text)
        let (parsed, error) = LibXML.parseHTML(text, file: file)
        guard let doc = parsed, let root = doc.root else {
            throw IngestError.unsupportedFormat(file: file, detail: "no HTML content could be parsed (\(error?.message ?? "empty"))")
        }
        var outcome = ParseOutcome()
        if let error { outcome.warnings.append("\(file):\(error.line): HTML recovered from: \(error.message)") }
        var extractor = Extractor()
        extractor.collectMeta(root)
        extractor.walk(root, depth: 0)
        extractor.flush()
        let h1 = extractor.firstH1
        let title = extractor.meta["title"] ?? h1 ?? extractor.pageTitle ?? ParsingSupport.documentID(forFile: file)
        // Drop the heading line that repeats the title.
        var lines = extractor.lines
        if let i = lines.firstIndex(where: { $0 == "# " + title }) { lines.remove(at: i) }
        let document = try ParsingSupport.policy(title: title, body: lines.joined(separator: "\n"), file: file,
                                                 fields: extractor.meta, links: extractor.links)
        outcome.records.append(.success(document))
        return outcome
    }

    /// Rewrites a declared non-UTF-8 charset, since the text handed to libxml2 is UTF-8 by now.
    static func declareUTF8(_ text: String) -> String {
        guard let range = text.range(of: "charset=", options: .caseInsensitive),
              text.distance(from: text.startIndex, to: range.lowerBound) < 4096 else { return text }
        let valueStart = text[range.upperBound...].firstIndex(where: { $0 != "\"" && $0 != "'" }) ?? range.upperBound
        let valueEnd = text[valueStart...].firstIndex(where: { !($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }) ?? valueStart
        return text.replacingCharacters(in: valueStart..<valueEnd, with: "utf-8")
    }

    /// Walks the tree and produces structured lines, metadata and links.
    struct Extractor {
        var lines: [String] = []
        var meta: [String: String] = [:]
        var links: [ActionLink] = []
        var firstH1: String?
        var pageTitle: String?
        private var current = ""

        mutating func collectMeta(_ node: xmlNodePtr) {
            var stack = [node]
            while let n = stack.popLast() {
                guard n.pointee.type == XML_ELEMENT_NODE else { continue }
                let name = LibXML.name(n)
                if name == "meta", let key = LibXML.attribute(n, "name")?.lowercased(), key.hasPrefix("zhixun:"),
                   let value = LibXML.attribute(n, "content") {
                    meta[String(key.dropFirst("zhixun:".count))] = value.trimmedWhitespace()
                } else if name == "title", pageTitle == nil {
                    pageTitle = Self.text(of: n).trimmedWhitespace()
                }
                stack.append(contentsOf: LibXML.children(n).reversed())
            }
        }

        mutating func flush() {
            let line = current.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" })
                .joined(separator: " ").trimmedWhitespace()
            if !line.isEmpty { lines.append(line) }
            current = ""
        }

        mutating func walk(_ node: xmlNodePtr, depth: Int) {
            guard depth < 512 else { return }
            switch node.pointee.type {
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                current += LibXML.content(node).replacingOccurrences(of: "\u{A0}", with: " ")
            case XML_ELEMENT_NODE:
                let name = LibXML.name(node)
                if HTMLDocumentParser.dropped.contains(name) { return }
                if let level = HTMLDocumentParser.headings[name] {
                    flush()
                    let text = Self.text(of: node).split(whereSeparator: \.isWhitespace).joined(separator: " ")
                    if !text.isEmpty {
                        if level == 1 && firstH1 == nil { firstH1 = text }
                        lines.append(String(repeating: "#", count: level) + " " + text)
                    }
                    return
                }
                if name == "tr" {
                    flush()
                    let cells = LibXML.children(node).filter {
                        $0.pointee.type == XML_ELEMENT_NODE && ["td", "th"].contains(LibXML.name($0))
                    }.map { Self.text(of: $0).split(whereSeparator: \.isWhitespace).joined(separator: " ") }
                    if cells.contains(where: { !$0.isEmpty }) { lines.append(cells.joined(separator: " | ")) }
                    collectLinks(node)
                    return
                }
                if name == "a", let href = LibXML.attribute(node, "href")?.trimmedWhitespace(),
                   !href.isEmpty, !href.lowercased().hasPrefix("javascript:"), !href.hasPrefix("#") {
                    let text = Self.text(of: node).split(whereSeparator: \.isWhitespace).joined(separator: " ")
                    if !text.isEmpty { links.append(ActionLink(title: text, url: href)) }
                }
                let isBlock = HTMLDocumentParser.blocks.contains(name)
                if isBlock { flush() }
                for child in LibXML.children(node) { walk(child, depth: depth + 1) }
                if isBlock { flush() }
            default:
                return  // comments, processing instructions, entity references
            }
        }

        private mutating func collectLinks(_ node: xmlNodePtr) {
            var stack = [node]
            while let n = stack.popLast() {
                if n.pointee.type == XML_ELEMENT_NODE, LibXML.name(n) == "a",
                   let href = LibXML.attribute(n, "href"), !href.isEmpty, !href.lowercased().hasPrefix("javascript:") {
                    let text = Self.text(of: n).split(whereSeparator: \.isWhitespace).joined(separator: " ")
                    if !text.isEmpty { links.append(ActionLink(title: text, url: href)) }
                }
                stack.append(contentsOf: LibXML.children(n))
            }
        }

        /// All text below a node (dropped elements excluded).
        static func text(of node: xmlNodePtr) -> String {
            var out = ""
            var stack = [node]
            while let n = stack.popLast() {
                switch n.pointee.type {
                case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                    out += LibXML.content(n)
                case XML_ELEMENT_NODE where !HTMLDocumentParser.dropped.contains(LibXML.name(n)) || n == node:
                    stack.append(contentsOf: LibXML.children(n).reversed())
                default:
                    break
                }
            }
            return out.replacingOccurrences(of: "\u{A0}", with: " ")
        }
    }
}
