import ZhixunStore

/// What `zhixun ingest` did, file by file.
public struct IngestReport: Codable, Sendable {
    /// One input file's result.
    public struct FileResult: Codable, Sendable {
        /// The input file's path (or the uploaded file's name).
        public var file: String
        /// Documents parsed and stored from the file.
        public var documents: Int = 0
        /// Documents new to the store.
        public var added: Int = 0
        /// Documents stored as a new version.
        public var updated: Int = 0
        /// Documents identical to their current version (nothing stored).
        public var unchanged: Int = 0
        /// Errors (file-level, or one per bad line; good lines of the file are still stored).
        public var errors: [String] = []
        /// Problems that did not stop the file (recovered HTML, unexpanded entities, …).
        public var warnings: [String] = []
    }

    /// Per-file results, in the order read.
    public var files: [FileResult] = []
    /// Files in the given folders that no parser reads (listed, not errors).
    public var skipped: [String] = []
    /// Synonym lists taken over (the last one wins).
    public var synonymLists: [String] = []

    /// Documents stored over all files.
    public var documents: Int { files.reduce(0) { $0 + $1.documents } }
    /// Errors over all files.
    public var errorCount: Int { files.reduce(0) { $0 + $1.errors.count } }
    /// Whether anything failed (the CLI exits non-zero).
    public var failed: Bool { errorCount > 0 }

    mutating func record(_ outcomes: [IngestOutcome], into result: inout FileResult) {
        result.documents += outcomes.count
        for o in outcomes {
            switch o {
            case .added: result.added += 1
            case .updated: result.updated += 1
            case .unchanged: result.unchanged += 1
            }
        }
    }
}
