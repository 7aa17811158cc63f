import Testing
import ZhixunIndex
import ZhixunText
@testable import ZhixunEngine

@Suite struct TaxAgreementTests {
    static let names = TaxNames(analyzer: try! Analyzer.standard())

    func named(_ text: String) -> Set<String> {
        Set(Self.names.taxes(in: text).map { TaxNames.standard[$0][0] })
    }

    @Test func longestNameWins() {
        #expect(named("土地增值税的税率") == ["土地增值税"])
        #expect(named("增值税和土地增值税") == ["增值税", "土地增值税"])
        #expect(named("企业所得税汇算清缴") == ["企业所得税"])
    }

    @Test func aliasesAndTraditionalCharactersName() {
        #expect(named("企業所得稅稅率是多少") == ["企业所得税"])
        #expect(named("个税App怎么注册") == ["个人所得税"])
        #expect(named("城建税怎么算") == ["城市维护建设税"])
        #expect(named("环保税由谁交") == ["环境保护税"])
    }

    @Test func customsDutyOnlyAsAWord() {
        #expect(named("报送有关税务机关备案") == [])
        #expect(named("缴纳相关税费") == [])
        #expect(named("进口关税税率") == ["关税"])
        #expect(named("关税怎么交") == ["关税"])
    }

    @Test func textNamingNoTaxNamesNone() {
        #expect(named("发票丢了怎么办").isEmpty)
    }

    static func result(_ id: String, title: String, score: Double) -> SearchResult {
        SearchResult(id: id, doc: id, score: score, kind: "faq", title: title, heading: "", text: "",
                     category: "", region: "")
    }

    static let pool = [
        (SearchHit(passage: 0, score: 10), result("iit", title: "经营所得的个人所得税税率是多少？", score: 10)),
        (SearchHit(passage: 1, score: 7), result("deed", title: "契税法 第三条 契税税率为百分之三至百分之五", score: 7)),
        (SearchHit(passage: 2, score: 6), result("general", title: "税率在哪里查？", score: 6)),
    ]

    @Test func passageAboutAnotherTaxFallsBehind() {
        let agreement = TaxAgreement(names: Self.names, factor: 0.5)
        let (hits, results) = agreement.rerank(question: "契税税率是多少", hits: Self.pool.map(\.0), results: Self.pool.map(\.1))
        #expect(results.map(\.id) == ["deed", "general", "iit"])
        #expect(hits.map(\.passage) == [1, 2, 0])
        #expect(hits[2].score == 5 && results[2].score == 5)
    }

    @Test func questionNamingNoTaxIsUnchanged() {
        let agreement = TaxAgreement(names: Self.names, factor: 0.5)
        let (hits, _) = agreement.rerank(question: "税率是多少", hits: Self.pool.map(\.0), results: Self.pool.map(\.1))
        #expect(hits == Self.pool.map(\.0))
    }

    @Test func factorOneTurnsItOff() {
        let agreement = TaxAgreement(names: Self.names, factor: 1)
        let (hits, _) = agreement.rerank(question: "契税税率是多少", hits: Self.pool.map(\.0), results: Self.pool.map(\.1))
        #expect(hits == Self.pool.map(\.0))
    }
}
