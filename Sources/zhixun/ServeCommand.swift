import ArgumentParser
import Foundation
import Logging
import ZhixunEngine
import ZhixunServer

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Run the HTTP API over the engine.",
        discussion: """
        Front-end endpoints (/v1/answer, /v1/search, /v1/related/{id}, /v1/hot, /v1/suggest,
        /v1/feedback) need no token. Editor endpoints (/v1/documents, /v1/rebuild, /v1/unanswered,
        /v1/stats, /v1/hot/{id}) need 'Authorization: Bearer <token>' with a token from
        ZHIXUN_EDITOR_TOKENS (comma-separated) or --editor-token. /healthz, /metrics (Prometheus)
        and /openapi.yaml are for operators. A rebuild by this server or by `zhixun rebuild` in another
        process is picked up without a restart.
        """)

    @OptionGroup var common: CommonOptions

    @Option(name: .long, help: "Address to listen on.")
    var host = "127.0.0.1"

    @Option(name: .long, help: "Port to listen on (0 picks a free port).")
    var port = 8080

    @Option(name: .long, help: "An editor token (repeatable; adds to ZHIXUN_EDITOR_TOKENS).")
    var editorToken: [String] = []

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be from 0 to 65535") }
    }

    func run() async throws {
        ExecutorTakeover.install()
        let engine: ZhixunEngine
        do {
            engine = try common.engine()
        } catch {
            Output.error("error: \(error)")
            throw ExitCode.failure
        }
        var logger = Logger(label: "zhixun.server")
        logger.logLevel = .info
        let configuration = ServerConfiguration(
            host: host, port: port, editorTokens: ServerConfiguration.editorTokensFromEnvironment() + editorToken)
        let server = ZhixunServer(engine: engine, configuration: configuration, logger: logger)
        try await server.run { port in
            Output.error("zhixun serving \(common.data) on http://\(host):\(port) (generation \(engine.currentGenerationName ?? "none"))")
        }
    }
}
