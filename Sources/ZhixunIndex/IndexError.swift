/// Errors of building, opening and switching index generations. Each names the file or
/// generation involved so an operator can act on it.
public enum IndexError: Error, CustomStringConvertible, Sendable {
    /// No generation has been built yet in the data directory.
    case noCurrentGeneration(directory: String)
    /// A file of a generation is missing or unreadable.
    case unreadable(file: String, reason: String)
    /// A file's size or checksum does not match the manifest: the generation is corrupt.
    case corrupt(file: String, reason: String)
    /// The generation was written by an incompatible format version.
    case unsupportedFormat(file: String, found: Int, expected: Int)
    /// Writing a new generation failed; the previous one stays current.
    case writeFailed(path: String, reason: String)
    /// Another rebuild holds the lock on the data directory.
    case locked(path: String)
    /// The input to the builder was invalid.
    case invalidInput(reason: String)

    public var description: String {
        switch self {
        case .noCurrentGeneration(let dir):
            return "no index generation in \(dir): run `zhixun rebuild` (or `zhixun ingest … --rebuild`) first"
        case .unreadable(let file, let reason):
            return "cannot read index file \(file): \(reason)"
        case .corrupt(let file, let reason):
            return "index file \(file) is corrupt (\(reason)); rebuild the index with `zhixun rebuild`"
        case .unsupportedFormat(let file, let found, let expected):
            return "index \(file) has format version \(found), this build reads \(expected); run `zhixun rebuild`"
        case .writeFailed(let path, let reason):
            return "writing index generation at \(path) failed: \(reason); the previous generation stays current"
        case .locked(let path):
            return "another rebuild is running (lock held on \(path)); wait for it to finish"
        case .invalidInput(let reason):
            return "invalid index input: \(reason)"
        }
    }
}
