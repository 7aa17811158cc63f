import ZhixunIndex

/// Prefers passages that state a penalty when the question asks about one.
///
/// `把发票借给别的公司用会受什么处罚` shares its topic words with every passage on lending invoices,
/// but only the one that sets the fine answers it; the question's `处罚` rarely appears as such in
/// the text, which says `处…罚款` or `有期徒刑`. When a question asks about consequences, a
/// passage that states none has its score multiplied by ``factor``.
public struct PenaltyIntent: Sendable {
    /// Words that make a question ask about a penalty.
    public static let questionCues = ["罚", "判刑", "坐牢", "犯罪", "刑事", "后果", "判几年", "追究", "构成什么罪", "什么罪"]
    /// Words with which a passage states a penalty.
    public static let passageCues = ["罚款", "罚金", "处罚", "有期徒刑", "拘役", "刑事责任", "没收", "滞纳金", "加收"]

    /// Score multiplier for a passage stating no penalty (1 turns this off).
    public let factor: Double

    public init(factor: Double) {
        self.factor = factor
    }

    /// Whether `question` asks about a penalty.
    public static func asks(_ question: String) -> Bool {
        questionCues.contains { question.contains($0) }
    }

    /// Whether `text` states a penalty.
    public static func states(_ text: String) -> Bool {
        passageCues.contains { text.contains($0) }
    }

    /// `hits` and their `results`, rescored and reordered (ties keep passage order).
    func rerank(question: String, hits: [SearchHit], results: [SearchResult]) -> ([SearchHit], [SearchResult]) {
        guard factor != 1, !hits.isEmpty, Self.asks(question) else { return (hits, results) }
        let rescored = zip(hits, results).map { hit, r -> (SearchHit, SearchResult) in
            guard !Self.states(r.title + "\n" + r.heading + "\n" + r.text) else { return (hit, r) }
            var h = hit, b = r
            h.score *= factor
            b.score = h.score
            return (h, b)
        }.sorted { ($0.0.score, $1.0.passage) > ($1.0.score, $0.0.passage) }
        return (rescored.map(\.0), rescored.map(\.1))
    }
}
