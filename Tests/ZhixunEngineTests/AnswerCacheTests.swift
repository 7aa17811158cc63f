import Foundation
import Testing
@testable import ZhixunEngine

/// Answers are cached per generation snapshot: a repeated question gets the same answer (with its
/// own query id when recorded), and a rebuild or a synonym change is never answered from the past.
@Suite struct AnswerCacheTests {
    typealias S = EngineTestSupport

    @Test func repeatedQuestionsShareTheAnswerButNotTheQueryID() throws {
        let (engine, data) = try S.engine(corpus: ["Corpus/faq"])
        defer { try? FileManager.default.removeItem(atPath: data) }
        let first = try engine.answer("数电发票开错了怎么红冲", record: true)
        let second = try engine.answer("数电发票开错了怎么红冲", record: true)
        #expect(first.answer != nil)
        #expect(first.queryID != nil && second.queryID != nil && first.queryID != second.queryID)
        var a = first, b = second
        a.queryID = nil
        b.queryID = nil
        #expect(a == b)
        // A different context is a different answer computation.
        let withContext = try engine.answer("数电发票开错了怎么红冲", context: "no-such-matter")
        #expect(withContext.answer?.id == first.answer?.id)
    }

    @Test func rebuildsAndSynonymChangesAreNeverAnsweredFromThePast() throws {
        let (engine, data) = try S.engine(corpus: ["Corpus/faq"])
        defer { try? FileManager.default.removeItem(atPath: data) }
        let question = "数电发票开错了怎么红冲"
        let before = try engine.answer(question)
        let doc = try #require(before.answer?.doc)
        try engine.withdraw(id: doc)
        try engine.rebuild()
        let after = try engine.answer(question)
        #expect(after.answer?.doc != doc, "the withdrawn document must not come back from the cache")

        let cache = try engine.snapshot().answers
        try engine.setSynonymList("红冲 = 红字发票\n")
        #expect(try engine.snapshot().answers !== cache)
    }
}
