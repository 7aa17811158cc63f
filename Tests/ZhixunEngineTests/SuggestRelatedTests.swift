import Foundation
import Testing
@testable import ZhixunEngine

@Suite(.serialized) struct SuggestRelatedTests {
    typealias S = EngineTestSupport

    static func engine() throws -> (ZhixunEngine, String) { try S.engine(corpus: ["Corpus"]) }

    @Test func suggestCompletesPrefixesInEitherScript() throws {
        let (engine, data) = try Self.engine()
        defer { try? FileManager.default.removeItem(atPath: data) }
        let simplified = try engine.suggest("数电发票怎么")
        #expect(!simplified.isEmpty)
        let folded = { (s: String) in engine.analyzer.normalize(s).filter { !$0.isWhitespace } }
        #expect(simplified.allSatisfy { folded($0.text).hasPrefix("数电发票怎么") })
        #expect(simplified.contains { $0.id == "faq-einv-009" })
        let traditional = try engine.suggest("數電發票怎麼")
        #expect(traditional.map(\.id) == simplified.map(\.id))
        #expect(try engine.suggest("zzzz不存在的前缀").isEmpty)
        #expect(try engine.suggest("数", limit: 3).count == 3)
        #expect(throws: EngineError.self) { _ = try engine.suggest("数", limit: 0) }
    }

    @Test func popularEntriesAreSuggestedFirst() throws {
        let (engine, data) = try Self.engine()
        defer { try? FileManager.default.removeItem(atPath: data) }
        let before = try engine.suggest("数电发票", limit: 8)
        let target = try #require(before.last)
        for _ in 0..<3 { _ = try engine.answer(target.question, record: true) }
        engine.popularity.invalidate()
        let after = try engine.suggest("数电发票", limit: 8)
        #expect(after.first?.id == target.id)
    }

    @Test func relatedExcludesTheItemAndItsVersions() throws {
        let (engine, data) = try Self.engine()
        defer { try? FileManager.default.removeItem(atPath: data) }
        let related = try engine.related(to: "faq-einv-009")
        #expect(!related.isEmpty)
        #expect(!related.contains { $0.doc == "faq-einv-009" })
        #expect(related.contains { $0.reasons.contains("content") })
        #expect(related.allSatisfy { $0.reasons.allSatisfy { ["content", "category", "next_question"].contains($0) } })
        // A passage of the superseded 2023 edition never shows for the 2025 edition, nor the reverse.
        let policy = try engine.related(to: "policy-invoice-use-confirmation-2025#1")
        #expect(!policy.contains { $0.doc == "policy-invoice-use-confirmation-2023" })
        #expect(throws: EngineError.self) { _ = try engine.related(to: "no-such-item") }
    }

    @Test func questionsAskedNextInASessionAreRelated() throws {
        let (engine, data) = try Self.engine()
        defer { try? FileManager.default.removeItem(atPath: data) }
        let now = Date()
        for s in 0..<3 {
            _ = try engine.answer("数电发票怎么红冲", session: "session-\(s)", record: true, now: now.addingTimeInterval(Double(s * 100)))
            _ = try engine.answer("忘记密码怎么办", session: "session-\(s)", record: true, now: now.addingTimeInterval(Double(s * 100 + 10)))
        }
        try engine.flushEvents()
        let next = try #require(try engine.answer("忘记密码怎么办").answer?.doc)
        let related = try engine.related(to: "faq-einv-009", limit: 10)
        let item = try #require(related.first { $0.doc == next })
        #expect(item.reasons.contains("next_question"))
    }
}
