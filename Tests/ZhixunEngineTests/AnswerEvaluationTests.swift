import Foundation
import Testing
@testable import ZhixunEngine

@Suite(.serialized) struct AnswerEvaluationTests {
    typealias S = EngineTestSupport

    static func engine() throws -> (ZhixunEngine, String) { try S.engine(corpus: ["Corpus"]) }

    @Test func answerHasConfidenceAlternativesAndHandoff() throws {
        let (engine, data) = try Self.engine()
        defer { try? FileManager.default.removeItem(atPath: data) }
        let good = try engine.answer("数电发票怎么红冲")
        #expect(good.answer?.doc == "faq-einv-009")
        #expect(good.confidence > 0.5)
        #expect(!good.handoff.suggested)
        #expect(good.alternatives.count == 3)
        #expect(!good.alternatives.contains { $0.id == good.answer?.id })
        let none = try engine.answer("明天天气怎么样")
        #expect(none.handoff.suggested)
        #expect(none.confidence < 0.5)
    }

    @Test func confidenceIsMonotoneInCoverage() {
        let model = ConfidenceModel.default
        let low = model.confidence(ConfidenceFeatures(coverage: 0.2, relativeScore: 0.5, margin: 0.1))
        let high = model.confidence(ConfidenceFeatures(coverage: 0.9, relativeScore: 0.5, margin: 0.1))
        #expect(low < high)
        #expect((0...1).contains(low) && (0...1).contains(high))
    }

    @Test func evaluationMetricsAreComputedFromRanks() throws {
        let (engine, data) = try Self.engine()
        defer { try? FileManager.default.removeItem(atPath: data) }
        let queries = [
            EvaluationQuery(qid: "a", query: "数电发票怎么红冲", relevant: ["faq-einv-009#1"], type: "formal"),
            EvaluationQuery(qid: "b", query: "数电发票怎么红冲", relevant: ["faq-does-not-exist"], type: "formal"),
            EvaluationQuery(qid: "c", query: "推荐一部电影", relevant: [], type: "out_of_scope"),
        ]
        let report = try engine.evaluate(queries)
        #expect(report.answerable == 2)
        #expect(report.outOfScope == 1)
        #expect(report.successAt1 == 0.5)
        #expect(report.mrrAt10 == 0.5)
        #expect(report.recallAt10 == 0.5)
        #expect(abs(report.ndcgAt10 - 0.5) < 1e-12)
        #expect(report.misses.map(\.qid) == ["b"])
        #expect(report.outOfScopeHandoffRate == 1)
        // A document id label matches any passage of the document.
        let byDoc = try engine.evaluate([EvaluationQuery(qid: "d", query: "数电发票怎么红冲", relevant: ["faq-einv-009"], type: nil)])
        #expect(byDoc.successAt1 == 1)
    }
}
