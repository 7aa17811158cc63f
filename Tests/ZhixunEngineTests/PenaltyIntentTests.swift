import Testing
import ZhixunIndex
@testable import ZhixunEngine

@Suite struct PenaltyIntentTests {
    @Test func cuesOnBothSides() {
        #expect(PenaltyIntent.asks("没有按期申报会被罚款吗"))
        #expect(PenaltyIntent.asks("虚开发票会判几年"))
        #expect(!PenaltyIntent.asks("发票丢了怎么办"))
        #expect(PenaltyIntent.states("由税务机关责令改正，可以处1万元以下罚款"))
        #expect(PenaltyIntent.states("处三年以下有期徒刑或者拘役"))
        #expect(!PenaltyIntent.states("纳税人应当在规定期限内申报"))
    }

    static func result(_ id: String, text: String) -> SearchResult {
        SearchResult(id: id, doc: id, score: 0, kind: "policy", title: "", heading: "", text: text,
                     category: "", region: "")
    }

    static let hits = [SearchHit(passage: 0, score: 8), SearchHit(passage: 1, score: 6)]
    static let results = [result("duty", text: "任何单位和个人不得转借发票。"),
                          result("fine", text: "转借发票的，由税务机关处1万元以上5万元以下的罚款。")]

    @Test func penaltyQuestionPrefersThePassageStatingIt() {
        let (hits, results) = PenaltyIntent(factor: 0.5).rerank(question: "转借发票会受什么处罚", hits: Self.hits, results: Self.results)
        #expect(results.map(\.id) == ["fine", "duty"])
        #expect(hits.map(\.score) == [6, 4])
    }

    @Test func otherQuestionsAndFactorOneAreUnchanged() {
        #expect(PenaltyIntent(factor: 0.5).rerank(question: "可以转借发票吗", hits: Self.hits, results: Self.results).0 == Self.hits)
        #expect(PenaltyIntent(factor: 1).rerank(question: "转借发票会受什么处罚", hits: Self.hits, results: Self.results).0 == Self.hits)
    }
}
