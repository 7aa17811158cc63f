import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing
import ZhixunEngine
@testable import ZhixunServer

/// A live server on a free loopback port over a fresh data directory, driven over real sockets.
final class LiveServer: @unchecked Sendable {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().path
    static let token = "test-editor-token"

    let data: String
    let engine: ZhixunEngine
    let port: Int
    private let task: Task<Void, any Error>

    init(corpus: [String] = ["Corpus"]) async throws {
        data = NSTemporaryDirectory() + "zhixun-server-\(UUID().uuidString)"
        engine = try ZhixunEngine(dataDirectory: data, cacheTTL: 0)
        _ = try engine.ingest(paths: corpus.map { Self.repository + "/" + $0 })
        try engine.rebuild()
        let server = ZhixunServer(engine: engine, configuration: ServerConfiguration(
            port: 0, editorTokens: [Self.token], maxBodyBytes: 1 << 20, reloadInterval: .milliseconds(100)))
        let (stream, continuation) = AsyncStream<Int>.makeStream()
        task = Task { try await server.run { port in continuation.yield(port) } }
        var iterator = stream.makeAsyncIterator()
        port = await iterator.next() ?? 0
    }

    func stop() {
        task.cancel()
        try? FileManager.default.removeItem(atPath: data)
    }

    struct Reply {
        let status: Int
        let body: Data
        var json: [String: Any] { (try? JSONSerialization.jsonObject(with: body)) as? [String: Any] ?? [:] }
        var text: String { String(decoding: body, as: UTF8.self) }
        var errorCode: String? { (json["error"] as? [String: Any])?["code"] as? String }
    }

    func request(_ method: String, _ path: String, query: [String: String] = [:], body: Data? = nil,
                 token: String? = nil, contentType: String? = nil) async throws -> Reply {
        var components = URLComponents(string: "http://127.0.0.1:\(port)\(path)")!
        if !query.isEmpty { components.queryItems = query.sorted { $0.key < $1.key }.map { URLQueryItem(name: $0.key, value: $0.value) } }
        var request = URLRequest(url: components.url!)
        request.httpMethod = method
        request.httpBody = body
        if let token { request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization") }
        if let contentType { request.setValue(contentType, forHTTPHeaderField: "Content-Type") }
        let (data, response) = try await URLSession.shared.data(for: request)
        return Reply(status: (response as? HTTPURLResponse)?.statusCode ?? 0, body: data)
    }

    func get(_ path: String, _ query: [String: String] = [:]) async throws -> Reply {
        try await request("GET", path, query: query)
    }
}
