import Foundation
import GRDB

/// A question as asked and answered, personal data already masked by the caller.
public struct QuestionEvent: Codable, Sendable {
    /// The `query_id` handed to the front end for feedback.
    public var id: String
    /// When the question was asked.
    public var askedAt: Date
    /// The client's session id (masked), linking questions asked one after another.
    public var session: String
    /// The question as asked, personal data masked.
    public var text: String
    /// Passage id of the answer served, nil when nothing matched.
    public var answerID: String?
    /// Document id of the answer served, for hot and next-question counts.
    public var answerDocument: String?
    /// Category of the answer served (empty when none), for statistics.
    public var category: String
    /// The answer's confidence in [0, 1].
    public var confidence: Double
    /// Whether a hand-over to a person was suggested.
    public var handoff: Bool
    /// Why it was handed over (`no_match`, `low_confidence`), nil otherwise.
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
    /// Id of the document the signal counts for.
    public var document: String
    /// When it happened (the middle of its hour, as read from the store).
    public var at: Date
    /// Positive feedback (weighs double) rather than an answer served.
    public var positiveFeedback: Bool
    /// How many such signals (answers served or positive feedback) this one stands for.
    public var count: Int = 1
}

/// Editor settings for hot questions: pins, blocks and the weight used before there is traffic.
public struct HotSetting: Codable, Equatable, Sendable {
    /// Id of the FAQ document the setting is for.
    public var document: String
    /// Pinned entries come first among hot questions.
    public var pinned: Bool
    /// Blocked entries never appear among hot questions.
    public var blocked: Bool
    /// Ranks entries before there is traffic, and orders entries with equal traffic.
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
            let hourly = try db.cachedStatement(sql: """
                INSERT INTO answerHour (docId, hour, served) VALUES (?, ?, 1)
                ON CONFLICT(docId, hour) DO UPDATE SET served = served + 1
                """)
            for event in events {
                try statement.execute(arguments: [
                    event.id, event.askedAt.timeIntervalSince1970, event.session, event.text, event.answerID,
                    event.answerDocument, event.category, event.confidence, event.handoff, event.reason])
                if db.changesCount > 0, let doc = event.answerDocument, !event.handoff {
                    try hourly.execute(arguments: [doc, Int(event.askedAt.timeIntervalSince1970 / 3600)])
                }
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
            if resolved, let doc = try String.fetchOne(db, sql: "SELECT answerDoc FROM question WHERE id = ?", arguments: [queryID]) {
                try db.execute(sql: """
                    INSERT INTO answerHour (docId, hour, positive) VALUES (?, ?, 1)
                    ON CONFLICT(docId, hour) DO UPDATE SET positive = positive + 1
                    """, arguments: [doc, Int(at.timeIntervalSince1970 / 3600)])
            }
        }
    }

    /// Answers served and positive feedback per document and hour since `date`. Each signal's time
    /// is the middle of its hour, which is exact enough for decay over days.
    public func answerSignals(since date: Date) throws -> [AnswerSignal] {
        try read { db in
            var signals: [AnswerSignal] = []
            for row in try Row.fetchAll(db, sql: "SELECT docId, hour, served, positive FROM answerHour WHERE hour >= ?",
                                        arguments: [Int(date.timeIntervalSince1970 / 3600)]) {
                let at = Date(timeIntervalSince1970: Double(row["hour"] as Int) * 3600 + 1800)
                let served: Int = row["served"], positive: Int = row["positive"]
                if served > 0 { signals.append(AnswerSignal(document: row["docId"], at: at, positiveFeedback: false, count: served)) }
                if positive > 0 { signals.append(AnswerSignal(document: row["docId"], at: at, positiveFeedback: true, count: positive)) }
            }
            return signals
        }
    }

    /// Documents answered next (within 30 minutes, same session) after the latest 2,000 times
    /// `document` was answered, with counts. Bounded work whatever the log's size, and an index seek
    /// per occurrence, so a client reusing one session id cannot make it quadratic.
    public func nextAnswers(after document: String, limit: Int) throws -> [(String, Int)] {
        try read { db in
            // `nexts` is materialized so that the correlated lookup runs once per occurrence; inlined,
            // SQLite evaluates it again for each later use of `next` (four index searches a row).
            try Row.fetchAll(db, sql: """
                WITH recent AS (
                  SELECT session, askedAt FROM question WHERE answerDoc = ? AND session != ''
                  ORDER BY askedAt DESC LIMIT 2000),
                nexts AS MATERIALIZED (
                  SELECT (SELECT n.answerDoc FROM question n
                          WHERE n.session = r.session AND n.askedAt > r.askedAt AND n.askedAt < r.askedAt + 1800
                          ORDER BY n.askedAt LIMIT 1) AS next
                  FROM recent r)
                SELECT next AS doc, COUNT(*) AS c FROM nexts
                WHERE next IS NOT NULL AND next != ?
                GROUP BY next ORDER BY c DESC LIMIT ?
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
