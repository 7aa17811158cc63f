import Foundation

/// The manifest of one index generation (`manifest.json`): what it holds, how it scores, and the
/// size and checksum of every file, verified whenever the generation is opened.
public struct IndexManifest: Codable, Equatable, Sendable {
    /// The on-disk format this build reads and writes.
    public static let currentFormatVersion = 2
    /// Postings per block (block-max scores and skipping work at this granularity).
    public static let blockSize = 128

    /// Size and checksum of one file of the generation.
    public struct FileEntry: Codable, Equatable, Sendable {
        /// File size in bytes.
        public var bytes: Int
        /// ``Checksum`` of the file's bytes (16 hex digits), to detect a corrupt file.
        public var checksum: String
    }

    /// On-disk format of the generation; readers refuse any but ``currentFormatVersion``.
    public var formatVersion: Int
    /// Generation name (`gen-000042`).
    public var generation: String
    /// ISO 8601 creation time.
    public var createdAt: String
    /// Number of passages indexed.
    public var passageCount: Int
    /// Number of distinct terms (records in `terms.bin` and `terminfo.bin`).
    public var termCount: Int
    /// Number of postings (term, passage pairs).
    public var postingCount: Int
    /// UTF-8 bytes of field text that were analyzed.
    public var inputBytes: Int
    /// Field names in storage order.
    public var fields: [String]
    /// BM25F parameters the generation's scores were computed with.
    public var parameters: ScoringParameters
    /// Average length in tokens of each field, over passages where the field is non-empty.
    public var averageFieldLengths: [Double]
    /// Interned attribute values, one table per ``PassageAttributes/Slot``.
    public var attributeValues: [[String]]
    /// Every data file of the generation.
    public var files: [String: FileEntry]

    /// The file names of a generation's data files.
    public enum FileName {
        /// This manifest (JSON).
        public static let manifest = "manifest.json"
        /// The term dictionary's blocks of sorted, delta-coded terms (see ``TermDictionary``).
        public static let terms = "terms.bin"
        /// The term dictionary's block index: first key and offsets of every block of terms.
        public static let termInfo = "terminfo.bin"
        /// Block-encoded postings of every term.
        public static let postings = "postings.bin"
        /// Field lengths and attribute ids of every passage.
        public static let passages = "passages.bin"
        /// Offsets into `stored.bin`, one per passage plus the end.
        public static let storedIndex = "stored.idx"
        /// Stored passage payloads (JSON), handed back with hits.
        public static let stored = "stored.bin"
    }
}

/// Fixed-size record layouts shared by ``IndexWriter`` and ``IndexReader``.
enum RecordLayout {
    /// Block header (only in terms with more than one block): last passage (u32), data offset from the term's data start (u32),
    /// max score (f32, rounded up), posting count (u16), reserved (u16).
    static let blockHeaderSize = 16
    /// `passages.bin`: field lengths (u32 × fields), attribute ids (u16 × slots).
    static let passageSize = IndexField.count * 4 + PassageAttributes.Slot.allCases.count * 2
    /// Bytes after the last block so unaligned 64-bit loads stay in bounds.
    static let tailPadding = 16
}
