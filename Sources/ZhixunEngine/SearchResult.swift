import ZhixunIndex
import ZhixunIngest

/// A ranked passage as the CLI and the API show it (DESIGN.md, "Interfaces").
public struct SearchResult: Codable, Equatable, Sendable {
    /// Passage id (`<doc>#<ordinal>`).
    public var id: String
    /// Document id as ingested.
    public var doc: String
    /// BM25F relevance score; higher ranks first.
    public var score: Double
    /// `faq` or `policy`.
    public var kind: String
    /// Document title (an FAQ's question).
    public var title: String
    /// Heading path ending with the article, e.g. `第四章 发票的开具和使用 › 第三十四条`.
    public var heading: String
    /// The passage text.
    public var text: String
    /// Publish or version date (policies).
    public var version: String?
    /// Document status (policies).
    public var status: String?
    /// Document category (empty when none).
    public var category: String
    /// Region the document applies to (`全国` nationwide).
    public var region: String
    /// Document number (文号), when known.
    public var number: String?
    /// Action links of the passage ("go to the invoice issuing page").
    public var links: [ActionLink]?
    /// Sanitized HTML of the text with its action links as anchors (answers only).
    public var rich: String?
}

/// What the index stores per passage and hands back with each hit (JSON in `stored.bin`).
struct StoredPassage: Codable, Sendable {
    var id: String
    var doc: String
    var kind: String
    var title: String
    var heading: String
    var text: String
    var version: String
    var status: String
    var category: String
    var region: String
    var number: String
    var links: [ActionLink]?
    /// FAQ similar phrasings (for suggestions).
    var similar: [String]?
    var tags: [String]?

    func result(score: Double) -> SearchResult {
        SearchResult(id: id, doc: doc, score: score, kind: kind, title: title, heading: heading, text: text,
                     version: kind == "policy" && !version.isEmpty ? version : nil,
                     status: kind == "policy" ? status : nil,
                     category: category, region: region, number: number.isEmpty ? nil : number,
                     links: links?.isEmpty == false ? links : nil)
    }
}
