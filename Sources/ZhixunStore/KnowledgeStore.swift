import Foundation
import GRDB
import ZhixunIngest

/// Errors of the knowledge store, naming the database file.
public enum StoreError: Error, CustomStringConvertible, Sendable {
    case cannotOpen(path: String, reason: String)
    case database(path: String, reason: String)
    case unknownDocument(id: String)

    public var description: String {
        switch self {
        case .cannotOpen(let path, let reason): "cannot open knowledge store \(path): \(reason)"
        case .database(let path, let reason): "knowledge store \(path): \(reason)"
        case .unknownDocument(let id): "no document with id '\(id)'"
        }
    }
}

/// What ingesting one document did.
public enum IngestOutcome: String, Codable, Sendable {
    /// A new document.
    case added
    /// A new version of an existing document.
    case updated
    /// Identical content (same hash): nothing stored.
    case unchanged
}

/// A document's current version with its passages, as a rebuild reads it.
public struct StoredDocument: Sendable {
    /// The document as of its current version.
    public var document: KnowledgeDocument
    /// Current version number (1 at first ingest, one more per changed re-ingest).
    public var version: Int
    /// The current version's passages, in ordinal order.
    public var passages: [Passage]
}

/// A row of `zhixun documents`.
public struct DocumentSummary: Codable, Sendable {
    /// The document's id.
    public var id: String
    /// `faq` or `policy`.
    public var kind: String
    /// Title of the current version (an FAQ's question).
    public var title: String
    /// Status of the current version, or `withdrawn` when the document is withdrawn.
    public var status: String
    /// Number of versions stored.
    public var versions: Int
    /// Whether the document is withdrawn (kept, but never indexed or served).
    public var withdrawn: Bool
}

/// The SQLite knowledge store (WAL): documents and every version of them, their passages, and
/// ingest runs. Source of truth for rebuilds. Thread-safe (GRDB `DatabasePool`).
public final class KnowledgeStore: Sendable {
    /// The database file.
    public let path: String
    private let pool: DatabasePool
    private let chunker: PassageChunker

    /// Opens (creating and migrating if needed) the store at `path`.
    public init(path: String, chunker: PassageChunker = PassageChunker()) throws {
        self.path = path
        self.chunker = chunker
        do {
            try FileManager.default.createDirectory(
                atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            var config = Configuration()
            config.busyMode = .timeout(10)
            // WAL with synchronous=NORMAL: a crash never corrupts the store; it can only lose the
            // last commits before the operating system wrote them, and a re-ingest restores those.
            config.prepareDatabase { db in try db.execute(sql: "PRAGMA synchronous = NORMAL") }
            pool = try DatabasePool(path: path, configuration: config)
            try StoreSchema.migrator.migrate(pool)
        } catch {
            throw StoreError.cannotOpen(path: path, reason: "\(error)")
        }
    }

    private func wrap<T>(_ body: () throws -> T) throws -> T {
        do { return try body() } catch let e as StoreError { throw e } catch {
            throw StoreError.database(path: path, reason: "\(error)")
        }
    }

    /// Runs `body` in a write transaction, mapping database errors to ``StoreError``.
    func write<T>(_ body: (Database) throws -> T) throws -> T {
        try wrap { try pool.write(body) }
    }

    /// Runs `body` in a read transaction, mapping database errors to ``StoreError``.
    func read<T>(_ body: (Database) throws -> T) throws -> T {
        try wrap { try pool.read(body) }
    }

    static func timestamp() -> String { ISO8601DateFormatter().string(from: Date()) }

    /// Starts an ingest run (who, when, what) and returns its id.
    public func beginRun(source: String, editor: String = "") throws -> Int64 {
        try wrap {
            try pool.write { db in
                try db.execute(sql: "INSERT INTO ingestRun (startedAt, source, editor) VALUES (?, ?, ?)",
                               arguments: [Self.timestamp(), source, editor])
                return db.lastInsertedRowID
            }
        }
    }

    /// Closes an ingest run with its counts and JSON report.
    public func finishRun(_ id: Int64, files: Int, documents: Int, failures: Int, report: String) throws {
        try wrap {
            try pool.write { db in
                try db.execute(
                    sql: "UPDATE ingestRun SET finishedAt = ?, files = ?, documents = ?, failures = ?, report = ? WHERE id = ?",
                    arguments: [Self.timestamp(), files, documents, failures, report, id])
            }
        }
    }

    /// Stores the documents of one file in one transaction: all of them or, on error, none.
    public func ingest(_ documents: [KnowledgeDocument], run: Int64?) throws -> [IngestOutcome] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return try wrap {
            try pool.write { db in
                try documents.map { doc in
                    let json = String(decoding: try encoder.encode(doc), as: UTF8.self)
                    let hash = Self.contentHash(json)
                    let now = Self.timestamp()
                    let existing = try Row.fetchOne(db, sql: "SELECT currentVersion FROM document WHERE id = ?", arguments: [doc.id])
                    var version = 1
                    if let existing {
                        let current: Int = existing["currentVersion"]
                        let currentHash = try String.fetchOne(
                            db, sql: "SELECT contentHash FROM documentVersion WHERE documentId = ? AND version = ?",
                            arguments: [doc.id, current])
                        if currentHash == hash {
                            try db.execute(sql: "UPDATE document SET withdrawn = 0 WHERE id = ?", arguments: [doc.id])
                            return .unchanged
                        }
                        version = current + 1
                        try db.execute(
                            sql: "UPDATE document SET kind = ?, currentVersion = ?, withdrawn = 0, updatedAt = ? WHERE id = ?",
                            arguments: [doc.kind.rawValue, version, now, doc.id])
                    } else {
                        try db.execute(
                            sql: "INSERT INTO document (id, kind, currentVersion, createdAt, updatedAt) VALUES (?, ?, 1, ?, ?)",
                            arguments: [doc.id, doc.kind.rawValue, now, now])
                    }
                    try db.execute(
                        sql: "INSERT INTO documentVersion (documentId, version, contentHash, json, ingestedAt, runId) VALUES (?, ?, ?, ?, ?, ?)",
                        arguments: [doc.id, version, hash, json, now, run])
                    for p in chunker.passages(of: doc) {
                        let links = String(decoding: try encoder.encode(p.links), as: UTF8.self)
                        try db.execute(
                            sql: "INSERT INTO passage (documentId, version, ordinal, heading, text, links) VALUES (?, ?, ?, ?, ?, ?)",
                            arguments: [doc.id, version, p.ordinal, p.heading.joined(separator: "\u{1F}"), p.text, links])
                    }
                    return existing == nil ? .added : .updated
                }
            }
        }
    }

    /// Marks a document withdrawn: kept in the store, never indexed or served.
    public func withdraw(id: String) throws {
        try wrap {
            try pool.write { db in
                try db.execute(sql: "UPDATE document SET withdrawn = 1, updatedAt = ? WHERE id = ?",
                               arguments: [Self.timestamp(), id])
                if db.changesCount == 0 { throw StoreError.unknownDocument(id: id) }
            }
        }
    }

    /// The current version of every document that is not withdrawn, with passages, in id order.
    public func currentDocuments() throws -> [StoredDocument] {
        let decoder = JSONDecoder()
        return try wrap {
            try pool.read { db in
                let rows = try Row.fetchCursor(db, sql: """
                    SELECT d.id, d.currentVersion, v.json FROM document d
                    JOIN documentVersion v ON v.documentId = d.id AND v.version = d.currentVersion
                    WHERE d.withdrawn = 0 ORDER BY d.id
                    """)
                var passagesByDoc: [String: [Passage]] = [:]
                let passageRows = try Row.fetchCursor(db, sql: """
                    SELECT p.documentId, p.ordinal, p.heading, p.text, p.links FROM passage p
                    JOIN document d ON d.id = p.documentId AND d.currentVersion = p.version
                    WHERE d.withdrawn = 0 ORDER BY p.documentId, p.ordinal
                    """)
                while let row = try passageRows.next() {
                    let doc: String = row["documentId"]
                    let heading: String = row["heading"]
                    let linksJSON: String = row["links"]
                    let links = (try? decoder.decode([ActionLink].self, from: Data(linksJSON.utf8))) ?? []
                    passagesByDoc[doc, default: []].append(Passage(
                        document: doc, ordinal: row["ordinal"],
                        heading: heading.isEmpty ? [] : heading.components(separatedBy: "\u{1F}"), text: row["text"],
                        links: links))
                }
                var result: [StoredDocument] = []
                while let row = try rows.next() {
                    let id: String = row["id"]
                    let json: String = row["json"]
                    let document = try decoder.decode(KnowledgeDocument.self, from: Data(json.utf8))
                    result.append(StoredDocument(document: document, version: row["currentVersion"],
                                                 passages: passagesByDoc[id] ?? []))
                }
                return result
            }
        }
    }

    /// Every document with its status and number of versions.
    public func documentSummaries() throws -> [DocumentSummary] {
        let decoder = JSONDecoder()
        return try wrap {
            try pool.read { db in
                try Row.fetchAll(db, sql: """
                    SELECT d.id, d.kind, d.withdrawn, v.json, (SELECT COUNT(*) FROM documentVersion x WHERE x.documentId = d.id) AS versions
                    FROM document d JOIN documentVersion v ON v.documentId = d.id AND v.version = d.currentVersion
                    ORDER BY d.id
                    """).map { row in
                    let json: String = row["json"]
                    let doc = try decoder.decode(KnowledgeDocument.self, from: Data(json.utf8))
                    let withdrawn: Bool = row["withdrawn"]
                    return DocumentSummary(id: row["id"], kind: row["kind"], title: doc.title,
                                           status: withdrawn ? "withdrawn" : doc.status.rawValue,
                                           versions: row["versions"], withdrawn: withdrawn)
                }
            }
        }
    }

    /// One ingest run as recorded.
    public struct IngestRun: Codable, Sendable {
        /// Run id, as ``beginRun(source:editor:)`` returned it.
        public var id: Int64
        /// Who ran the ingest (empty when unknown).
        public var editor: String
        /// What was ingested: the paths given, or `upload:<file name>`.
        public var source: String
        /// ISO 8601 start time.
        public var startedAt: String
        /// ISO 8601 finish time; nil if the run never finished.
        public var finishedAt: String?
        /// Input files read.
        public var files: Int
        /// Documents parsed and stored (added, updated or unchanged).
        public var documents: Int
        /// Errors reported (file-level, or one per bad line).
        public var failures: Int
    }

    /// The most recent ingest runs, newest first.
    public func ingestRuns(limit: Int = 20) throws -> [IngestRun] {
        try wrap {
            try pool.read { db in
                try Row.fetchAll(db, sql: "SELECT * FROM ingestRun ORDER BY id DESC LIMIT ?", arguments: [limit]).map { row in
                    IngestRun(id: row["id"], editor: row["editor"], source: row["source"], startedAt: row["startedAt"],
                              finishedAt: row["finishedAt"], files: row["files"], documents: row["documents"],
                              failures: row["failures"])
                }
            }
        }
    }

    /// Replaces the editor's synonym list (the text of `synonyms.txt`).
    public func setSynonymList(_ text: String) throws {
        try write { db in
            try db.execute(sql: """
                INSERT INTO synonymList (id, text, updatedAt) VALUES (1, ?, ?)
                ON CONFLICT(id) DO UPDATE SET text = excluded.text, updatedAt = excluded.updatedAt
                """, arguments: [text, Self.timestamp()])
        }
    }

    /// The editor's synonym list, empty when none was ingested.
    public func synonymList() throws -> String {
        try read { db in try String.fetchOne(db, sql: "SELECT text FROM synonymList WHERE id = 1") ?? "" }
    }

    /// Number of versions stored for a document (0 if unknown).
    public func versionCount(id: String) throws -> Int {
        try wrap {
            try pool.read { db in
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM documentVersion WHERE documentId = ?", arguments: [id]) ?? 0
            }
        }
    }

    /// FNV-1a 64 of the canonical JSON: detects identical re-ingests.
    static func contentHash(_ text: String) -> String {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in text.utf8 { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01b3 }
        return String(h, radix: 16)
    }
}
