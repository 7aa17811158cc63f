import Hummingbird
import Prometheus

/// Prometheus metrics of one server: requests and latency per route, answers and hand-overs,
/// the current generation. Served as text at `/metrics`.
final class ServerMetrics: Sendable {
    let registry = PrometheusCollectorRegistry()
    private let answers: Counter
    private let handoffs: Counter
    static let buckets: [Duration] = [.microseconds(100), .microseconds(250), .microseconds(500), .milliseconds(1),
                                      .milliseconds(2), .milliseconds(5), .milliseconds(10), .milliseconds(20),
                                      .milliseconds(50), .milliseconds(100), .milliseconds(500), .seconds(1)]

    init() {
        answers = registry.makeCounter(name: "zhixun_answers_total", help: "Answer responses served")
        handoffs = registry.makeCounter(name: "zhixun_handoffs_total", help: "Answer responses suggesting a hand-over")
    }

    func recordAnswer(handoff: Bool) {
        answers.increment()
        if handoff { handoffs.increment() }
    }

    func record(route: String, status: Int, duration: Duration) {
        registry.makeCounter(name: "zhixun_http_requests_total", labels: [("route", route), ("status", String(status))],
                             help: "HTTP requests").increment()
        registry.makeDurationHistogram(name: "zhixun_http_request_duration_seconds", labels: [("route", route)],
                                       buckets: Self.buckets, help: "HTTP request latency").record(duration)
    }

    func setGeneration(_ name: String?) {
        registry.makeGauge(name: "zhixun_index_generation", labels: [("generation", name ?? "none")],
                           help: "The index generation being served (1)").set(Double(1))
    }

    /// The Prometheus text exposition.
    func render() -> String { registry.emitToString() }
}

/// Records every request's route, status and latency.
struct MetricsRecordingMiddleware<Context: RequestContext>: RouterMiddleware {
    let metrics: ServerMetrics

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = ContinuousClock.now
        let route = context.endpointPath ?? "unmatched"
        do {
            let response = try await next(request, context)
            metrics.record(route: context.endpointPath ?? route, status: Int(response.status.code), duration: ContinuousClock.now - start)
            return response
        } catch {
            let status = (error as? any HTTPResponseError)?.status.code ?? 500
            metrics.record(route: context.endpointPath ?? route, status: Int(status), duration: ContinuousClock.now - start)
            throw error
        }
    }
}
