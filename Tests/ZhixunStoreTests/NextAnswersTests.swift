import Foundation
import Testing
@testable import ZhixunStore

/// "Asked next" counts: what the related push reads from the event log.
@Suite struct NextAnswersTests {
    static func event(_ n: Int, session: String, at seconds: Double, answer: String?) -> QuestionEvent {
        QuestionEvent(id: "q\(n)", askedAt: Date(timeIntervalSince1970: 1_800_000_000 + seconds), session: session,
                      text: "问题\(n)", answerID: answer.map { $0 + "#1" }, answerDocument: answer, category: "",
                      confidence: 0.9, handoff: false, reason: nil)
    }

    @Test func countsTheNextAnswerOfTheSameSessionWithinHalfAnHour() throws {
        let (store, dir) = try KnowledgeStoreTests.temporaryStore()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        var n = 0
        func ask(_ session: String, _ at: Double, _ answer: String?) -> QuestionEvent {
            n += 1
            return Self.event(n, session: session, at: at, answer: answer)
        }
        try store.record([
            // Three sessions go from A to B, one of them on to C (C is B's next, not A's).
            ask("s1", 0, "A"), ask("s1", 60, "B"), ask("s1", 120, "C"),
            ask("s2", 0, "A"), ask("s2", 300, "B"),
            ask("s3", 1000, "A"), ask("s3", 1010, "B"),
            // One session goes from A to D; one asks A twice (A is never its own next).
            ask("s4", 0, "A"), ask("s4", 30, "D"),
            ask("s5", 0, "A"), ask("s5", 10, "A"), ask("s5", 20, "D"),
            // Not counted: another session's answer, a next answer after 30 minutes, an empty session.
            ask("s6", 0, "A"), ask("s7", 5, "E"),
            ask("s8", 0, "A"), ask("s8", 1801, "E"),
            ask("", 0, "A"), ask("", 1, "E"),
            // A question with no answer is no "next answer" either.
            ask("s9", 0, "A"), ask("s9", 5, nil),
        ])
        let next = try store.nextAnswers(after: "A", limit: 10)
        #expect(next.map(\.0) == ["B", "D"])
        #expect(next.map(\.1) == [3, 2])
        #expect(try store.nextAnswers(after: "A", limit: 1).map(\.0) == ["B"])
        #expect(try store.nextAnswers(after: "B", limit: 10).map(\.0) == ["C"])
        #expect(try store.nextAnswers(after: "nobody-asked", limit: 10).isEmpty)
    }
}
