import Foundation
import Hummingbird
import Logging
import NIOCore
import ZhixunEngine

/// The HTTP API over the engine: front-end endpoints, editor endpoints (bearer token), `/healthz`,
/// `/metrics` and `/openapi.yaml`. A new index generation — from the API or from `zhixun rebuild` in
/// another process — is picked up without a restart and without failing a request in flight.
public struct ZhixunServer: Sendable {
    public let engine: ZhixunEngine
    public let configuration: ServerConfiguration
    let metrics = ServerMetrics()
    let logger: Logger

    public init(engine: ZhixunEngine, configuration: ServerConfiguration, logger: Logger = Logger(label: "zhixun.server")) {
        self.engine = engine
        self.configuration = configuration
        self.logger = logger
    }

    /// The router with every route and middleware.
    func makeRouter() -> Router<BasicRequestContext> {
        let router = Router()
        router.add(middleware: MetricsRecordingMiddleware(metrics: metrics))
        router.add(middleware: APIErrorMiddleware())
        router.get("/healthz") { _, _ in
            struct Health: Encodable { let status: String; let generation: String? }
            return try JSONResponse.make(Health(status: "ok", generation: engine.currentGenerationName))
        }
        router.get("/metrics") { _, _ in
            metrics.setGeneration(engine.currentGenerationName)
            return JSONResponse.text(metrics.render(), contentType: "text/plain; version=0.0.4; charset=utf-8")
        }
        router.get("/openapi.yaml") { _, _ in
            JSONResponse.text(OpenAPIDocument.yaml, contentType: "application/yaml; charset=utf-8")
        }
        FrontEndRoutes(engine: engine, configuration: configuration, metrics: metrics).register(on: router)
        let editor = router.group("/v1")
            .add(middleware: EditorAuthenticationMiddleware(tokens: configuration.editorTokens))
        EditorRoutes(engine: engine, configuration: configuration, metrics: metrics).register(on: editor)
        return router
    }

    /// Runs until cancelled; `onRunning` receives the bound port (useful with port 0).
    public func run(onRunning: @escaping @Sendable (Int) async -> Void = { _ in }) async throws {
        try? engine.reload()
        metrics.setGeneration(engine.currentGenerationName)
        if configuration.editorTokens.isEmpty {
            logger.warning("no editor tokens configured (ZHIXUN_EDITOR_TOKENS): editor endpoints answer 401")
        }
        let app = Application(
            router: makeRouter(),
            configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "zhixun"),
            onServerRunning: { channel in await onRunning(channel.localAddress?.port ?? 0) },
            logger: logger)
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await app.run() }
            group.addTask { await watchGenerations() }
            try await group.next()
            group.cancelAll()
        }
    }

    /// Reloads the index when another process switches the current generation.
    private func watchGenerations() async {
        while !Task.isCancelled {
            try? await Task.sleep(for: configuration.reloadInterval)
            do {
                try await offload { [engine] in try engine.reload() }
            } catch {
                logger.error("could not open the new index generation: \(error); still serving the previous one")
            }
        }
    }
}
