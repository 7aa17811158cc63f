import ZhixunText

/// Question filler that carries no topic (`请问`, `怎么办`, `吗`): its terms are dropped from a
/// query when the query has other terms, so they never outweigh the content bigrams.
///
/// Works on analyzed terms, not on text, so `怎么办理` keeps `办理` while `怎么` and `么办` go.
public struct QueryFiller: Sendable {
    /// The filler terms.
    public let terms: Set<Term>

    /// Filler phrases; each is analyzed into the terms it drops.
    public static let defaultPhrases = [
        "请问", "请问一下", "问一下", "我想问", "想问", "怎么办", "怎么", "咋办", "咋", "如何", "怎样", "怎么样",
        "可以", "能否", "能不能", "是否", "是不是", "什么", "为什么", "哪里", "在哪", "在哪里", "哪儿",
        "吗", "呢", "吧", "啊", "呀", "了", "的", "要", "需要", "我", "我的", "你好", "您好", "谢谢",
    ]

    public init(analyzer: Analyzer, phrases: [String] = QueryFiller.defaultPhrases) {
        var terms = Set<Term>()
        for p in phrases { terms.formUnion(analyzer.terms(p)) }
        self.terms = terms
    }

    /// `query` without filler terms, unless nothing else would remain.
    public func strip(_ query: [Term]) -> [Term] {
        let content = query.filter { !terms.contains($0) }
        return content.isEmpty ? query : content
    }
}
