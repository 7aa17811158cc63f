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

    /// Characters that only ever do grammar in a question (particles, question words). A bigram
    /// holding one spans a word boundary (`游艇的车船税` gives `艇的` and `的车`): it names no topic,
    /// yet matches every passage with `的车船` in it.
    public static let defaultFunctionCharacters = "的了吗呢吧啊呀么怎咋哪嘛些啥呗"

    /// Scalars of ``defaultFunctionCharacters`` (or the ones given).
    public let functionCharacters: Set<UInt32>

    public init(analyzer: Analyzer, phrases: [String] = QueryFiller.defaultPhrases,
                functionCharacters: String = QueryFiller.defaultFunctionCharacters) {
        var terms = Set<Term>()
        for p in phrases { terms.formUnion(analyzer.terms(p)) }
        self.terms = terms
        self.functionCharacters = Set(functionCharacters.unicodeScalars.map(\.value))
    }

    /// Whether `term` is filler or a bigram across a function character.
    public func isFiller(_ term: Term) -> Bool {
        if terms.contains(term) { return true }
        guard term.isCJK else { return false }
        let first = UInt32(truncatingIfNeeded: term.rawValue >> 21) & 0x1F_FFFF
        let second = UInt32(truncatingIfNeeded: term.rawValue) & 0x1F_FFFF
        return functionCharacters.contains(first) || functionCharacters.contains(second)
    }

    /// `query` without filler terms, unless nothing else would remain.
    public func strip(_ query: [Term]) -> [Term] {
        let content = query.filter { !isFiller($0) }
        return content.isEmpty ? query : content
    }
}
