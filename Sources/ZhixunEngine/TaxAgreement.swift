import ZhixunIndex

/// Demotes passages about a different tax than the one the question names.
///
/// Bigram scores cannot tell `契税税率是多少` from `经营所得的个人所得税税率是多少`: five of six bigrams
/// match. When a question names a tax, a passage whose title, heading and text name taxes, but none
/// of those asked about, has its score multiplied by ``factor``; questions that name no tax and
/// passages that name none are left as they are.
public struct TaxAgreement: Sendable {
    /// Tax names, matched on analyzed text.
    public let names: TaxNames
    /// Score multiplier for a passage that names none of the question's taxes (1 turns this off).
    public let factor: Double

    public init(names: TaxNames, factor: Double) {
        self.names = names
        self.factor = factor
    }

    /// `hits` and their `results`, rescored and reordered (ties keep passage order).
    func rerank(question: String, hits: [SearchHit], results: [SearchResult]) -> ([SearchHit], [SearchResult]) {
        guard factor != 1, !hits.isEmpty else { return (hits, results) }
        let asked = names.taxes(in: question)
        guard !asked.isEmpty else { return (hits, results) }
        return Rescoring.apply(hits, results) { r in
            let named = names.taxes(in: Rescoring.judgedText(r))
            // Only contrary evidence counts: a passage naming no tax at all (a 婴幼儿照护 FAQ under
            // 个税) keeps its score; demoting those too fixed 3 more questions and broke 2.
            return !named.isEmpty && named.isDisjoint(with: asked) ? factor : 1
        }
    }
}
