import Foundation
import GRDB

/// A question that was handed over or got negative feedback, for editors.
public struct UnansweredQuestion: Codable, Sendable {
    /// The question as asked (personal data masked).
    public var text: String
    /// When it was asked.
    public var askedAt: Date
    /// Passage id of the answer served, nil when nothing matched.
    public var answerID: String?
    /// The answer's confidence in [0, 1].
    public var confidence: Double
    /// `low_confidence`, `no_match` or `negative_feedback`.
    public var reason: String
}

/// Daily counts of questions, answers, hand-overs and feedback.
public struct DailyQuestionStats: Codable, Sendable {
    /// UTC day, `YYYY-MM-DD`.
    public var day: String
    /// Questions asked that day.
    public var questions: Int
    /// Questions handed over to a person.
    public var handedOver: Int
    /// Feedback given on that day's questions.
    public var feedback: Int
    /// Feedback saying the answer solved it.
    public var resolved: Int
}

extension KnowledgeStore {
    /// Questions since `date` that were handed over or marked "not solved", newest first.
    public func unansweredQuestions(since date: Date, limit: Int = 5000) throws -> [UnansweredQuestion] {
        try read { db in
            try Row.fetchAll(db, sql: """
                SELECT q.text, q.askedAt, q.answerId, q.confidence,
                       CASE WHEN q.handoff = 1 THEN COALESCE(q.reason, 'low_confidence') ELSE 'negative_feedback' END AS why
                FROM question q
                WHERE q.askedAt >= ? AND (q.handoff = 1 OR EXISTS (SELECT 1 FROM feedback f WHERE f.queryId = q.id AND f.resolved = 0))
                ORDER BY q.askedAt DESC LIMIT ?
                """, arguments: [date.timeIntervalSince1970, limit]).map { row in
                UnansweredQuestion(text: row["text"], askedAt: Date(timeIntervalSince1970: row["askedAt"]),
                                   answerID: row["answerId"], confidence: row["confidence"], reason: row["why"])
            }
        }
    }

    /// Per-day question statistics since `date` (UTC days), oldest first.
    public func dailyStats(since date: Date) throws -> [DailyQuestionStats] {
        try read { db in
            try Row.fetchAll(db, sql: """
                SELECT date(q.askedAt, 'unixepoch') AS day, COUNT(*) AS questions, SUM(q.handoff) AS handedOver,
                       (SELECT COUNT(*) FROM feedback f JOIN question x ON x.id = f.queryId
                         WHERE date(x.askedAt, 'unixepoch') = date(q.askedAt, 'unixepoch') AND x.askedAt >= ?) AS feedback,
                       (SELECT COUNT(*) FROM feedback f JOIN question x ON x.id = f.queryId
                         WHERE date(x.askedAt, 'unixepoch') = date(q.askedAt, 'unixepoch') AND x.askedAt >= ? AND f.resolved = 1) AS resolved
                FROM question q WHERE q.askedAt >= ? GROUP BY day ORDER BY day
                """, arguments: [date.timeIntervalSince1970, date.timeIntervalSince1970, date.timeIntervalSince1970]).map { row in
                DailyQuestionStats(day: row["day"], questions: row["questions"], handedOver: row["handedOver"] ?? 0,
                                   feedback: row["feedback"], resolved: row["resolved"])
            }
        }
    }

    /// Answered questions per category since `date`, most asked first.
    public func categoryCounts(since date: Date, limit: Int = 10) throws -> [(String, Int)] {
        try read { db in
            try Row.fetchAll(db, sql: """
                SELECT category, COUNT(*) AS c FROM question WHERE askedAt >= ? AND category != ''
                GROUP BY category ORDER BY c DESC LIMIT ?
                """, arguments: [date.timeIntervalSince1970, limit]).map { ($0["category"], $0["c"]) }
        }
    }
}
