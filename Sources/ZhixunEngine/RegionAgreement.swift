import ZhixunIndex

/// Prefers nationwide answers to questions that name no region.
///
/// `办税人员做实名认证有哪几种途径` matches `广东的办税人员在哪里做实名认证？` as well as the nationwide
/// `实名认证怎么做？`; a taxpayer who names no region should get the nationwide answer first. A
/// passage of a region (not `全国`) whose name the question does not contain has its score
/// multiplied by ``factor``; a request filtered to regions is left alone (it chose them).
public struct RegionAgreement: Sendable {
    /// Score multiplier for a regional passage the question does not name (1 turns this off).
    public let factor: Double

    public init(factor: Double) {
        self.factor = factor
    }

    /// `hits` and their `results`, rescored and reordered (ties keep passage order).
    func rerank(question: String, hits: [SearchHit], results: [SearchResult]) -> ([SearchHit], [SearchResult]) {
        guard factor != 1, !hits.isEmpty else { return (hits, results) }
        return Rescoring.apply(hits, results) { r in
            !r.region.isEmpty && r.region != "全国" && !question.contains(r.region) ? factor : 1
        }
    }
}
