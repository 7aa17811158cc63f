import Foundation
import Testing
import ZhixunText
@testable import ZhixunIndex

@Suite struct ScoringTests {
    typealias S = IndexTestSupport

    @Test func bm25fMatchesTheReferenceFormula() throws {
        var rng = S.SeededRandom(state: 7)
        let passages = S.randomPassages(&rng, count: 300)
        let root = S.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let params = ScoringParameters(k1: 0.9, b: [0.5, 0.75, 0.8, 0.3], weights: [2.5, 1.5, 1.0, 0.7])
        let reader = try S.build(passages, in: root, parameters: params)
        let searcher = Searcher(reader: reader)
        for qText in ["增值税发票", "红字冲票", "纳税人 vat", "个人所得税 12366", "查"] {
            let terms = S.analyzer.terms(qText)
            var weights: [Term: Double] = [:]
            for t in terms { weights[t, default: 0] += 1 }
            let reference = S.referenceScores(passages, query: weights, parameters: params)
            let hits = searcher.searchExhaustive(WeightedQuery(terms: terms), limit: passages.count)
            #expect(!hits.isEmpty, "query \(qText) should match")
            for hit in hits {
                #expect(abs(hit.score - reference[hit.passage]) < 1e-9, "passage \(hit.passage) for \(qText)")
            }
            // Every passage with a positive reference score is found.
            let expected = Set(reference.indices.filter { reference[$0] > 0 })
            #expect(expected.isSubset(of: Set(hits.map(\.passage))))
        }
    }

    @Test func idfIsLuceneForm() {
        #expect(abs(ScoringParameters.idf(docFreq: 1, docCount: 10) - log(1 + 9.5 / 1.5)) < 1e-12)
        #expect(ScoringParameters.idf(docFreq: 10, docCount: 10) > 0)
    }

    @Test func invalidParametersAreRejected() {
        #expect(throws: IndexError.self) {
            try ScoringParameters(k1: 0, b: [0.75, 0.75, 0.75, 0.75], weights: [1, 1, 1, 1]).validate()
        }
        #expect(throws: IndexError.self) {
            try ScoringParameters(k1: 1.2, b: [0.75], weights: [1]).validate()
        }
    }
}
