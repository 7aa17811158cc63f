import Foundation

/// How the HTTP server runs: address, editor tokens and request limits.
public struct ServerConfiguration: Sendable {
    public var host: String
    /// Port to listen on; 0 picks a free one (tests).
    public var port: Int
    /// Bearer tokens that may call the editor endpoints. Never logged.
    public var editorTokens: [String]
    /// Longest `q` / `prefix` accepted, in characters.
    public var maxQueryLength: Int
    /// Largest request body accepted, in bytes.
    public var maxBodyBytes: Int
    /// How often the server checks for a new index generation written by another process.
    public var reloadInterval: Duration

    public init(host: String = "127.0.0.1", port: Int = 8080, editorTokens: [String] = [],
                maxQueryLength: Int = 256, maxBodyBytes: Int = 8 << 20, reloadInterval: Duration = .seconds(1)) {
        self.host = host
        self.port = port
        self.editorTokens = editorTokens
        self.maxQueryLength = maxQueryLength
        self.maxBodyBytes = maxBodyBytes
        self.reloadInterval = reloadInterval
    }

    /// Editor tokens from `ZHIXUN_EDITOR_TOKENS` (comma-separated).
    public static func editorTokensFromEnvironment() -> [String] {
        (ProcessInfo.processInfo.environment["ZHIXUN_EDITOR_TOKENS"] ?? "")
            .split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
}
