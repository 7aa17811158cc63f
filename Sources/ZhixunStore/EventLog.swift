import Foundation
import GRDB

/// A question as asked and answered, personal data already masked by the caller.
public struct QuestionEvent: Codable, Sendable {
    /// The `query_id` handed to the front end for feedback.
    public var id: String
    public var askedAt: Date
    public var session: String
    public var text: String
    public var answerID: String?
    public var answerDocument: String?
    public var category: String
    public var confidence: Double
    public var handoff: Bool
    public var reason: String?

    public init(id: String, askedAt: Date, session: String, text: String, answerID: String?, answerDocument: String?,
                category: String, confidence: Double, handoff: Bool, reason: String?) {
        self.id = id
        self.askedAt = askedAt
        self.session = session
        self.text = text
        self.answerID = answerID
        self.answerDocument = answerDocument
        self.category = category
        self.confidence = confidence
        self.handoff = handoff
        self.reason = reason
    }
}

/// A served answer or a positive feedback, for hot-question counting.
public struct AnswerSignal: Sendable {
    public var document: String
    public var at: Date
    public var positiveFeedback: Bool
}

/// Editor settings for hot questions: pins, blocks and the weight used before there is traffic.
public struct HotSetting: Codable, Equatable, Sendable {
    public var document: String
    public var pinned: Bool
    public var blocked: Bool
    public var weight: Double

    public init(document: String, pinned: Bool = false, blocked: Bool = false, weight: Double = 0) {
        self.document = document
        self.pinned = pinned
        self.blocked = blocked
        self.weight = weight
    }
}

extension KnowledgeStore {
    /// Records questions and the answers served, in one transaction.
    public func record(_ events: [QuestionEvent]) throws {
        try write { db in
            let statement = try db.cachedStatement(sql: """
                INSERT OR IGNORE INTO question (id, askedAt, session, text, answerId, answerDoc, category, confidence, handoff, reason)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
            for event in events {
                try statement.execute(arguments: [
                    event.id, event.askedAt.timeIntervalSince1970, event.session, event.text, event.answerID,
                    event.answerDocument, event.category, event.confidence, event.handoff, event.reason])
            }
        }
    }

    /// Records one question and the answer served.
    public func record(_ event: QuestionEvent) throws {
        try record([event])
    }

    /// Records "did this solve it?" for a served answer. Throws for an unknown query id.
    public func recordFeedback(queryID: String, answerID: String, resolved: Bool, reason: String?, at: Date = Date()) throws {
        try write { db in
            guard try Bool.fetchOne(db, sql: "SELECT 1 FROM question WHERE id = ?", arguments: [queryID]) == true else {
                throw StoreError.unknownDocument(id: "query \(queryID)")
            }
            try db.execute(sql: "INSERT INTO feedback (queryId, answerId, resolved, reason, at) VALUES (?, ?, ?, ?, ?)",
                           arguments: [queryID, answerID, resolved, reason, at.timeIntervalSince1970])
        }
    }

    /// Answers served, and positive feedback, since `date` (newest first).
    public func answerSignals(since date: Date) throws -> [AnswerSignal] {
        try read { db in
            let served = try Row.fetchAll(db, sql: """
                SELECT answerDoc, askedAt FROM question WHERE askedAt >= ? AND answerDoc IS NOT NULL AND handoff = 0
                """, arguments: [date.timeIntervalSince1970]).map { row in
                AnswerSignal(document: row["answerDoc"], at: Date(timeIntervalSince1970: row["askedAt"]), positiveFeedback: false)
            }
            let positive = try Row.fetchAll(db, sql: """
                SELECT q.answerDoc, f.at FROM feedback f JOIN question q ON q.id = f.queryId
                WHERE f.at >= ? AND f.resolved = 1 AND q.answerDoc IS NOT NULL
                """, arguments: [date.timeIntervalSince1970]).map { row in
                AnswerSignal(document: row["answerDoc"], at: Date(timeIntervalSince1970: row["at"]), positiveFeedback: true)
            }
            return served + positive
        }
    }

    /// Documents answered next in sessions where `document` was answered, with counts.
    public func nextAnswers(after document: String, limit: Int) throws -> [(String, Int)] {
        try read { db in
            try Row.fetchAll(db, sql: """
                SELECT n.answerDoc AS doc, COUNT(*) AS c FROM question q
                JOIN question n ON n.session = q.session AND n.session != '' AND n.askedAt > q.askedAt
                  AND n.askedAt = (SELECT MIN(askedAt) FROM question x WHERE x.session = q.session AND x.askedAt > q.askedAt)
                WHERE q.answerDoc = ? AND n.answerDoc IS NOT NULL AND n.answerDoc != ?
                GROUP BY n.answerDoc ORDER BY c DESC LIMIT ?
                """, arguments: [document, document, limit]).map { ($0["doc"], $0["c"]) }
        }
    }

    /// Sets an editor's hot-question setting for a document.
    public func setHotSetting(_ setting: HotSetting) throws {
        try write { db in
            try db.execute(sql: """
                INSERT INTO hotSetting (docId, pinned, blocked, weight) VALUES (?, ?, ?, ?)
                ON CONFLICT(docId) DO UPDATE SET pinned = excluded.pinned, blocked = excluded.blocked, weight = excluded.weight
                """, arguments: [setting.document, setting.pinned, setting.blocked, setting.weight])
        }
    }

    /// Every editor hot-question setting.
    public func hotSettings() throws -> [HotSetting] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM hotSetting").map {
                HotSetting(document: $0["docId"], pinned: $0["pinned"], blocked: $0["blocked"], weight: $0["weight"])
            }
        }
    }
}
