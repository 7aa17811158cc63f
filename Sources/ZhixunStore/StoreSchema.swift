import GRDB

/// The knowledge store's schema, as GRDB migrations (applied in order, each once).
enum StoreSchema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-documents") { db in
            try db.create(table: "document") { t in
                t.primaryKey("id", .text)
                t.column("kind", .text).notNull()
                t.column("currentVersion", .integer).notNull()
                t.column("withdrawn", .boolean).notNull().defaults(to: false)
                t.column("createdAt", .text).notNull()
                t.column("updatedAt", .text).notNull()
            }
            try db.create(table: "documentVersion") { t in
                t.column("documentId", .text).notNull().references("document", onDelete: .cascade)
                t.column("version", .integer).notNull()
                t.column("contentHash", .text).notNull()
                t.column("json", .text).notNull()
                t.column("ingestedAt", .text).notNull()
                t.column("runId", .integer)
                t.primaryKey(["documentId", "version"])
            }
            try db.create(table: "passage") { t in
                t.column("documentId", .text).notNull()
                t.column("version", .integer).notNull()
                t.column("ordinal", .integer).notNull()
                t.column("heading", .text).notNull()
                t.column("text", .text).notNull()
                t.primaryKey(["documentId", "version", "ordinal"])
                t.foreignKey(["documentId", "version"], references: "documentVersion", onDelete: .cascade)
            }
            try db.create(table: "ingestRun") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("startedAt", .text).notNull()
                t.column("finishedAt", .text)
                t.column("source", .text).notNull()
                t.column("files", .integer).notNull().defaults(to: 0)
                t.column("documents", .integer).notNull().defaults(to: 0)
                t.column("failures", .integer).notNull().defaults(to: 0)
                t.column("report", .text)
            }
        }
        migrator.registerMigration("v2-passage-links") { db in
            try db.alter(table: "passage") { t in
                t.add(column: "links", .text).notNull().defaults(to: "[]")
            }
        }
        migrator.registerMigration("v3-ingest-run-editor") { db in
            try db.alter(table: "ingestRun") { t in
                t.add(column: "editor", .text).notNull().defaults(to: "")
            }
        }
        migrator.registerMigration("v4-events") { db in
            try db.create(table: "question") { t in
                t.primaryKey("id", .text)
                t.column("askedAt", .double).notNull().indexed()
                t.column("session", .text).notNull()
                t.column("text", .text).notNull()
                t.column("answerId", .text)
                t.column("answerDoc", .text).indexed()
                t.column("category", .text).notNull()
                t.column("confidence", .double).notNull()
                t.column("handoff", .boolean).notNull()
                t.column("reason", .text)
            }
            try db.create(table: "feedback") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("queryId", .text).notNull().references("question").indexed()
                t.column("answerId", .text).notNull()
                t.column("resolved", .boolean).notNull()
                t.column("reason", .text)
                t.column("at", .double).notNull().indexed()
            }
            try db.create(table: "hotSetting") { t in
                t.primaryKey("docId", .text)
                t.column("pinned", .boolean).notNull().defaults(to: false)
                t.column("blocked", .boolean).notNull().defaults(to: false)
                t.column("weight", .double).notNull().defaults(to: 0)
            }
        }
        migrator.registerMigration("v5-question-session-index") { db in
            try db.create(index: "question_on_session_askedAt", on: "question", columns: ["session", "askedAt"])
        }
        migrator.registerMigration("v6-synonyms") { db in
            try db.create(table: "synonymList") { t in
                t.primaryKey("id", .integer)
                t.column("text", .text).notNull()
                t.column("updatedAt", .text).notNull()
            }
        }
        migrator.registerMigration("v7-hourly-answer-counts") { db in
            // Served answers and positive feedback per document and hour: what hot questions read,
            // so their cost does not grow with the event log.
            try db.create(table: "answerHour") { t in
                t.column("docId", .text).notNull()
                t.column("hour", .integer).notNull()
                t.column("served", .integer).notNull().defaults(to: 0)
                t.column("positive", .integer).notNull().defaults(to: 0)
                t.primaryKey(["docId", "hour"])
            }
            try db.create(index: "answerHour_on_hour", on: "answerHour", columns: ["hour"])
            try db.execute(sql: """
                INSERT INTO answerHour (docId, hour, served)
                SELECT answerDoc, CAST(askedAt / 3600 AS INTEGER), COUNT(*) FROM question
                WHERE answerDoc IS NOT NULL AND handoff = 0 GROUP BY 1, 2
                """)
        }
        migrator.registerMigration("v8-question-answer-time-index") { db in
            // The latest occurrences of one answer, newest first, straight off the index: what
            // "asked next" reads for every related push, without sorting all of that answer's events.
            try db.create(index: "question_on_answerDoc_askedAt", on: "question", columns: ["answerDoc", "askedAt"])
            // Its leading column serves every lookup the answerDoc index did; one index fewer to
            // update on each event written.
            try db.drop(index: "question_on_answerDoc")
        }
        return migrator
    }
}
