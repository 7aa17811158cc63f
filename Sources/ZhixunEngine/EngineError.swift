/// Errors of the engine's operations, with a stable machine-readable code.
public enum EngineError: Error, CustomStringConvertible, Sendable {
    case emptyQuery
    case queryTooLong(length: Int, limit: Int)
    case invalidArgument(name: String, reason: String)
    case noIndex(directory: String)
    case unknownItem(id: String)

    /// Stable code for JSON errors.
    public var code: String {
        switch self {
        case .emptyQuery: "empty_query"
        case .queryTooLong: "query_too_long"
        case .invalidArgument: "invalid_argument"
        case .noIndex: "no_index"
        case .unknownItem: "not_found"
        }
    }

    public var description: String {
        switch self {
        case .emptyQuery: "the query is empty: type a question"
        case .queryTooLong(let length, let limit): "the query has \(length) characters; at most \(limit) are accepted"
        case .invalidArgument(let name, let reason): "invalid \(name): \(reason)"
        case .noIndex(let dir): "no index in \(dir): run `zhixun ingest Corpus --rebuild` first"
        case .unknownItem(let id): "no FAQ entry or passage '\(id)' in the current index"
        }
    }
}
