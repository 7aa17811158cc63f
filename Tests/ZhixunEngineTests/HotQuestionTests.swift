import Foundation
import Testing
import ZhixunStore
@testable import ZhixunEngine

@Suite(.serialized) struct HotQuestionTests {
    typealias S = EngineTestSupport

    static func engine() throws -> (ZhixunEngine, String) { try S.engine(corpus: ["Corpus/faq"]) }

    @Test func aBurstOfQuestionsMakesTheirAnswersHot() throws {
        let (engine, data) = try Self.engine()
        defer { try? FileManager.default.removeItem(atPath: data) }
        #expect(try engine.hotQuestions().isEmpty)
        for _ in 0..<5 { _ = try engine.answer("数电发票怎么红冲", session: "s1", record: true) }
        for _ in 0..<2 { _ = try engine.answer("忘记密码怎么办", session: "s2", record: true) }
        let hot = try engine.hotQuestions(limit: 5)
        #expect(hot.first?.id == "faq-einv-009")
        #expect(hot.count >= 2)
        #expect(hot[0].score > hot[1].score)
        let category = try #require(hot.first?.category)
        #expect(try engine.hotQuestions(category: category).allSatisfy { $0.category == category })
    }

    @Test func oldTrafficDecaysAndFeedbackCounts() throws {
        let (engine, data) = try Self.engine()
        defer { try? FileManager.default.removeItem(atPath: data) }
        let now = Date()
        // Three answers a month ago weigh less than one answer today with positive feedback.
        for _ in 0..<3 { _ = try engine.answer("数电发票怎么红冲", record: true, now: now.addingTimeInterval(-28 * 86_400)) }
        let today = try engine.answer("忘记密码怎么办", record: true, now: now)
        try engine.feedback(queryID: try #require(today.queryID), answerID: try #require(today.answer?.id), resolved: true)
        let hot = try engine.hotQuestions(now: now)
        #expect(hot.first?.id == today.answer?.doc)
        #expect(throws: (any Error).self) { try engine.feedback(queryID: "no-such-query", answerID: "x", resolved: true) }
    }

    @Test func pinsBlocksAndEditorWeights() throws {
        let (engine, data) = try Self.engine()
        defer { try? FileManager.default.removeItem(atPath: data) }
        try engine.setHotSetting(HotSetting(document: "faq-vat-001", weight: 5))
        try engine.setHotSetting(HotSetting(document: "faq-vat-002", weight: 9))
        #expect(try engine.hotQuestions().map(\.id) == ["faq-vat-002", "faq-vat-001"])
        for _ in 0..<3 { _ = try engine.answer("数电发票怎么红冲", record: true) }
        try engine.setHotSetting(HotSetting(document: "faq-acct-001", pinned: true))
        try engine.setHotSetting(HotSetting(document: "faq-einv-009", blocked: true))
        let ids = try engine.hotQuestions().map(\.id)
        #expect(ids.first == "faq-acct-001")
        #expect(!ids.contains("faq-einv-009"))
    }

    @Test func recordedQuestionsAreMasked() throws {
        let (engine, data) = try Self.engine()
        defer { try? FileManager.default.removeItem(atPath: data) }
        _ = try engine.answer("我的手机13812345678收不到验证码怎么办", record: true)
        let raw = try String(contentsOfFile: data + "/kb.sqlite", encoding: .isoLatin1)
            + ((try? String(contentsOfFile: data + "/kb.sqlite-wal", encoding: .isoLatin1)) ?? "")
        #expect(!raw.contains("13812345678"))
    }
}
