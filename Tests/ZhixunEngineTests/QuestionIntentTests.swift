import Testing
import ZhixunIndex
@testable import ZhixunEngine

@Suite struct QuestionIntentTests {
    @Test func penaltyCuesOnBothSides() {
        let penalty = QuestionIntent.penalty(factor: 0.5)
        #expect(penalty.asks("没有按期申报会被罚款吗"))
        #expect(penalty.asks("虚开发票会判几年"))
        #expect(!penalty.asks("发票丢了怎么办"))
        #expect(penalty.states("由税务机关责令改正，可以处1万元以下罚款"))
        #expect(penalty.states("处三年以下有期徒刑或者拘役"))
        #expect(!penalty.states("纳税人应当在规定期限内申报"))
    }

    @Test func deadlineCuesOnBothSides() {
        let deadline = QuestionIntent.deadline(factor: 0.7)
        #expect(deadline.asks("买了新车多少天内要交购置税"))
        #expect(deadline.asks("企业所得税汇算清缴的截止时间"))
        #expect(!deadline.asks("契税税率是多少"))
        #expect(deadline.states("应当自纳税义务发生之日起六十日内申报缴纳"))
        #expect(deadline.states("一般在3个月内办结"))
        #expect(deadline.states("审核通过后5个工作日到账"))
        #expect(deadline.states("纳税期限由税务机关核定"))
        #expect(!deadline.states("依照本法第十五条的规定缴纳"))
        #expect(!deadline.states("税率为百分之三"))
    }

    @Test func rateCuesOnBothSides() {
        let rate = QuestionIntent.rate(factor: 0.7)
        #expect(rate.asks("烟叶税税率是多少"))
        #expect(rate.asks("买新车要缴多少车辆购置税"))
        #expect(!rate.asks("公司每个月交了多少税去哪查明细"))
        #expect(rate.states("烟叶税的税率为百分之二十。"))
        #expect(rate.states("适用3%的征收率"))
        #expect(!rate.states("纳税人应当依法申报缴纳烟叶税。"))
    }

    static func result(_ id: String, text: String, score: Double) -> SearchResult {
        SearchResult(id: id, doc: id, score: score, kind: "policy", title: "", heading: "", text: text,
                     category: "", region: "")
    }

    static let hits = [SearchHit(passage: 0, score: 8), SearchHit(passage: 1, score: 6)]
    static let results = [result("duty", text: "任何单位和个人不得转借发票。", score: 8),
                          result("fine", text: "转借发票的，由税务机关处1万元以上5万元以下的罚款。", score: 6)]

    @Test func penaltyQuestionPrefersThePassageStatingIt() {
        let (hits, results) = QuestionIntent.penalty(factor: 0.5)
            .rerank(question: "转借发票会受什么处罚", hits: Self.hits, results: Self.results)
        #expect(results.map(\.id) == ["fine", "duty"])
        #expect(hits.map(\.score) == [6, 4])
        #expect(results.map(\.score) == [6, 4])
    }

    @Test func otherQuestionsAndFactorOneAreUnchanged() {
        #expect(QuestionIntent.penalty(factor: 0.5).rerank(question: "可以转借发票吗", hits: Self.hits, results: Self.results).0 == Self.hits)
        #expect(QuestionIntent.penalty(factor: 1).rerank(question: "转借发票会受什么处罚", hits: Self.hits, results: Self.results).0 == Self.hits)
    }
}
