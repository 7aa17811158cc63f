import Testing
import ZhixunIndex
@testable import ZhixunEngine

@Suite struct RegionAgreementTests {
    static func result(_ id: String, region: String, score: Double) -> SearchResult {
        SearchResult(id: id, doc: id, score: score, kind: "faq", title: id, heading: "", text: "",
                     category: "", region: region)
    }

    static let pool = [
        (SearchHit(passage: 0, score: 10), result("guangdong", region: "广东", score: 10)),
        (SearchHit(passage: 1, score: 9.5), result("national", region: "全国", score: 9.5)),
        (SearchHit(passage: 2, score: 5), result("unset", region: "", score: 5)),
    ]

    @Test func regionalAnswerFallsBehindForAQuestionNamingNoRegion() {
        let (hits, results) = RegionAgreement(factor: 0.9)
            .rerank(question: "办税人员实名认证有哪几种途径", hits: Self.pool.map(\.0), results: Self.pool.map(\.1))
        #expect(results.map(\.id) == ["national", "guangdong", "unset"])
        #expect(hits.map(\.passage) == [1, 0, 2])
        #expect(hits[1].score == 9 && results[1].score == 9)
    }

    @Test func questionNamingTheRegionKeepsItsAnswerFirst() {
        let (hits, _) = RegionAgreement(factor: 0.9)
            .rerank(question: "广东的办税人员在哪里实名认证", hits: Self.pool.map(\.0), results: Self.pool.map(\.1))
        #expect(hits == Self.pool.map(\.0))
    }

    @Test func factorOneTurnsItOff() {
        let (hits, _) = RegionAgreement(factor: 1)
            .rerank(question: "实名认证", hits: Self.pool.map(\.0), results: Self.pool.map(\.1))
        #expect(hits == Self.pool.map(\.0))
    }
}
