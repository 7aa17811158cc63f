import Foundation

/// Finds policy metadata in a document's text when no explicit field (front matter, XML element,
/// HTML meta tag) gives it: document number (文号), issuer, publish and effective dates, status.
///
/// Only the preamble (the text before the first chapter or article) is searched for dates and
/// status words, so an article that mentions "失效" does not repeal its own law.
public enum MetadataExtractor {
    /// What was found; empty strings and `nil` where nothing was.
    public struct Found: Equatable, Sendable {
        /// Document number (文号).
        public var number = ""
        /// Issuing authority, from a line such as `发布机关：…`.
        public var issuer = ""
        /// Version date `YYYY-MM-DD`: the file name's date, else the preamble's latest date.
        public var published = ""
        /// Effective date `YYYY-MM-DD`, from `自…起施行`.
        public var effective = ""
        /// `partlyRepealed` or `repealed` when the title or preamble says so.
        public var status: DocumentStatus?
    }

    private static let numberPatterns = [
        #"国家税务总局公告\s*\d{4}\s*年第\s*\d+\s*号"#,
        #"[\p{Han}]{1,12}〔\d{4}〕\d+号"#,
        #"[\p{Han}]{1,12}\[\d{4}\]\d+号"#,
        #"[\p{Han}]{1,12}［\d{4}］\d+号"#,
        #"[\p{Han}]{2,20}公告\d{4}年第\d+号"#,
        #"[\p{Han}]{2,12}令第\d+号"#,
    ].map { try! NSRegularExpression(pattern: $0) }
    private static let date = try! NSRegularExpression(pattern: #"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日"#)
    private static let isoDate = try! NSRegularExpression(pattern: #"(\d{4})-(\d{2})-(\d{2})"#)
    private static let effective = try! NSRegularExpression(
        pattern: #"自\s*(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*起\s*(施行|执行|生效|实施)"#)
    private static let issuer = try! NSRegularExpression(pattern: #"(发布机关|发文机关|发文单位|印发机关)\s*[:：]\s*([^\s，。；]+)"#)

    /// Extracts metadata from `body` (and `fileName`, whose `(YYYY-MM-DD)` is taken as the version date).
    public static func extract(title: String, body: String, fileName: String = "") -> Found {
        var found = Found()
        let preamble = Self.preamble(of: body)
        let head = String(body.prefix(3000))
        for pattern in numberPatterns {
            if let m = pattern.firstMatch(in: head, range: NSRange(head.startIndex..., in: head)),
               let r = Range(m.range, in: head) {
                found.number = String(head[r]).replacingOccurrences(of: " ", with: "")
                break
            }
        }
        if let m = issuer.firstMatch(in: head, range: NSRange(head.startIndex..., in: head)),
           let r = Range(m.range(at: 2), in: head) {
            found.issuer = String(head[r])
        }
        // Version date: the file name's date, else the latest date of the preamble.
        if let m = isoDate.firstMatch(in: fileName, range: NSRange(fileName.startIndex..., in: fileName)) {
            found.published = isoString(m, in: fileName)
        } else {
            // Dates inside "自…起施行" are effective dates, not version dates.
            let effectiveRanges = effective.matches(in: preamble, range: NSRange(preamble.startIndex..., in: preamble)).map(\.range)
            let dates = date.matches(in: preamble, range: NSRange(preamble.startIndex..., in: preamble))
                .filter { m in !effectiveRanges.contains { NSIntersectionRange($0, m.range).length > 0 } }
                .map { isoString($0, in: preamble) }.filter { !$0.isEmpty }
            found.published = dates.max() ?? ""
        }
        let searchable = String(body.prefix(20_000))
        if let m = effective.firstMatch(in: searchable, range: NSRange(searchable.startIndex..., in: searchable)) {
            found.effective = isoString(m, in: searchable)
        }
        let statusText = title + "\n" + preamble
        if statusText.contains("部分条款失效") || statusText.contains("部分失效") || statusText.contains("部分条款废止") {
            found.status = .partlyRepealed
        } else if statusText.contains("全文废止") || statusText.contains("已废止") || statusText.contains("全文失效")
                    || statusText.contains("已失效") {
            found.status = .repealed
        }
        return found
    }

    /// The text before the first chapter, section or article heading (at most 3,000 characters).
    public static func preamble(of body: String) -> String {
        var lines: [Substring] = []
        for line in body.split(whereSeparator: \.isNewline) {
            let trimmed = line.drop(while: { $0 == " " || $0 == "\u{3000}" || $0 == "#" })
            switch PassageChunker.classify(trimmed) {
            case .part, .chapter, .section, .article: return String(lines.joined(separator: "\n").prefix(3000))
            default: lines.append(line)
            }
        }
        return String(lines.joined(separator: "\n").prefix(3000))
    }

    private static func isoString(_ m: NSTextCheckingResult, in text: String) -> String {
        guard m.numberOfRanges >= 4,
              let y = Range(m.range(at: 1), in: text).flatMap({ Int(text[$0]) }),
              let mo = Range(m.range(at: 2), in: text).flatMap({ Int(text[$0]) }),
              let d = Range(m.range(at: 3), in: text).flatMap({ Int(text[$0]) }),
              (1...12).contains(mo), (1...31).contains(d) else { return "" }
        return String(format: "%04d-%02d-%02d", y, mo, d)
    }

    /// Applies found metadata to the fields of `document` that are still empty.
    public static func fill(_ document: inout KnowledgeDocument, fileName: String, explicitStatus: Bool) {
        let found = extract(title: document.title, body: document.body, fileName: fileName)
        if document.number.isEmpty { document.number = found.number }
        if document.issuer.isEmpty { document.issuer = found.issuer }
        if document.published.isEmpty { document.published = found.published }
        if document.effective.isEmpty { document.effective = found.effective }
        if !explicitStatus, let status = found.status { document.status = status }
    }
}
