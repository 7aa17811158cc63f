/// Why a file, or one record of it, could not be ingested. Each case names the file and, where
/// it applies, the line, so an editor can fix the source.
public enum IngestError: Error, Equatable, CustomStringConvertible, Sendable {
    case unreadable(file: String, reason: String)
    case unsupportedFormat(file: String, detail: String)
    case malformedJSON(file: String, line: Int, reason: String)
    case malformedXML(file: String, line: Int, reason: String)
    case malformedCSV(file: String, line: Int, reason: String)
    case missingField(file: String, line: Int, field: String)
    case invalidValue(file: String, line: Int, field: String, reason: String)
    case tooLarge(file: String, bytes: Int, limit: Int)
    case invalidEncoding(file: String, detail: String)

    public var description: String {
        switch self {
        case .unreadable(let file, let reason): "\(file): cannot read: \(reason)"
        case .unsupportedFormat(let file, let detail): "\(file): unsupported format: \(detail)"
        case .malformedJSON(let file, let line, let reason): "\(file):\(line): malformed JSON: \(reason)"
        case .malformedXML(let file, let line, let reason): "\(file):\(line): malformed XML: \(reason)"
        case .malformedCSV(let file, let line, let reason): "\(file):\(line): malformed CSV: \(reason)"
        case .missingField(let file, let line, let field): "\(file):\(line): missing required field '\(field)'"
        case .invalidValue(let file, let line, let field, let reason): "\(file):\(line): invalid '\(field)': \(reason)"
        case .tooLarge(let file, let bytes, let limit): "\(file): \(bytes) bytes is over the \(limit)-byte limit"
        case .invalidEncoding(let file, let detail): "\(file): invalid text encoding: \(detail)"
        }
    }

    /// The file the error is about.
    public var file: String {
        switch self {
        case .unreadable(let f, _), .unsupportedFormat(let f, _), .malformedJSON(let f, _, _),
             .malformedXML(let f, _, _), .malformedCSV(let f, _, _),
             .missingField(let f, _, _), .invalidValue(let f, _, _, _), .tooLarge(let f, _, _),
             .invalidEncoding(let f, _): f
        }
    }
}
