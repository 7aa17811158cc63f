import ZhixunIndex

/// A kind of question whose answer must state a particular thing: a penalty for `会被罚多少`, a time
/// limit for `多少天内要交`.
///
/// Bigram scores match the question's topic, not what it asks: `把发票借给别的公司用会受什么处罚`
/// matches every passage on lending invoices, and the one that sets the fine says `处…罚款`, not the
/// question's `处罚`. When a question shows an intent's cues, passages that do not state what it asks
/// have their score multiplied by ``factor``.
public struct QuestionIntent: Sendable {
    /// For reports: `penalty`, `deadline`.
    public let name: String
    /// Words that make a question ask this.
    public let questionCues: [String]
    /// Whether a passage's text states what the question asks.
    let statedBy: @Sendable (String) -> Bool
    /// Score multiplier for a passage that does not state it (1 turns the intent off).
    public let factor: Double

    public init(name: String, questionCues: [String], factor: Double, statedBy: @escaping @Sendable (String) -> Bool) {
        self.name = name
        self.questionCues = questionCues
        self.factor = factor
        self.statedBy = statedBy
    }

    /// Whether `question` asks this.
    public func asks(_ question: String) -> Bool {
        questionCues.contains { question.contains($0) }
    }

    /// Whether `text` states what this intent asks.
    public func states(_ text: String) -> Bool {
        statedBy(text)
    }

    /// `hits` and their `results`, rescored and reordered (ties keep passage order).
    func rerank(question: String, hits: [SearchHit], results: [SearchResult]) -> ([SearchHit], [SearchResult]) {
        guard factor != 1, !hits.isEmpty, asks(question) else { return (hits, results) }
        return Rescoring.apply(hits, results) { states(Rescoring.judgedText($0)) ? 1 : factor }
    }
}

extension QuestionIntent {
    /// Questions about consequences (`罚`, `判刑`, `坐牢`, `后果`); stated by `罚款`, `有期徒刑`,
    /// `刑事责任` and the like.
    public static func penalty(factor: Double) -> QuestionIntent {
        let stating = ["罚款", "罚金", "处罚", "有期徒刑", "拘役", "刑事责任", "没收", "滞纳金", "加收"]
        return QuestionIntent(
            name: "penalty",
            questionCues: ["罚", "判刑", "坐牢", "犯罪", "刑事", "后果", "判几年", "追究", "什么罪"],
            factor: factor) { text in stating.contains { text.contains($0) } }
    }

    /// Questions for a time limit (`多久`, `多少天`, `截止`, `什么时候`); stated by a number before a
    /// unit of time (`十五日内`, `3个月`, `5个工作日`) or by `期限` / `截止`.
    public static func deadline(factor: Double) -> QuestionIntent {
        QuestionIntent(
            name: "deadline",
            questionCues: ["多久", "多少天", "几天", "几号", "截止", "期限", "什么时候", "何时", "最晚", "最长",
                           "多长时间", "几个月", "期满", "哪天"],
            factor: factor, statedBy: statesTimeLimit)
    }

    /// Questions for a rate (`税率`, `征收率`, `几个点`, `交多少`; not `交了多少税`, which asks for a
    /// record); stated by a percentage
    /// (`%`, `百分之`, `千分之`) or `税率为` / `征收率为` / `税额为`.
    public static func rate(factor: Double) -> QuestionIntent {
        let stating = ["%", "％", "百分之", "千分之", "‰", "税率为", "征收率为", "税额为", "税率表"]
        return QuestionIntent(
            name: "rate",
            questionCues: ["税率", "征收率", "几个点", "百分之几", "交多少", "缴多少", "缴纳多少"],
            factor: factor) { text in stating.contains { text.contains($0) } }
    }

    static let numerals: Set<Character> = Set("0123456789０１２３４５６７８９一二三四五六七八九十百两")
    static let timeUnits: Set<Character> = Set("日天月年号周时")

    @Sendable static func statesTimeLimit(_ text: String) -> Bool {
        if text.contains("期限") || text.contains("截止") { return true }
        var previous: Character = " "
        for c in text {
            if timeUnits.contains(c), numerals.contains(previous) { return true }
            if c == "个" || c == "工" || c == "作" { continue }  // 3个月, 5个工作日
            previous = c
        }
        return false
    }
}
