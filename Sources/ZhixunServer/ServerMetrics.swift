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

    /// Descriptors of the exposed metrics: `zhixun_answers_total`, `zhixun_handoffs_total`,
    /// `zhixun_http_requests_total`, `zhixun_http_request_duration_seconds` and
    /// `zhixun_index_generation`. Built on use, as the library's descriptor is not `Sendable`.
    private enum Name {
        static var answers: MetricNameDescriptor { make(nil, "answers", "total", "Answer responses served") }
        static var handoffs: MetricNameDescriptor { make(nil, "handoffs", "total", "Answer responses suggesting a hand-over") }
        static var requests: MetricNameDescriptor { make("http", "requests", "total", "HTTP requests") }
        static var latency: MetricNameDescriptor { make("http", "request_duration", "seconds", "HTTP request latency") }
        static var generation: MetricNameDescriptor { make("index", "generation", "", "The index generation being served (1)") }

        private static func make(_ subsystem: String?, _ metric: String, _ unit: String, _ help: String) -> MetricNameDescriptor {
            MetricNameDescriptor(namespace: "zhixun", subsystem: subsystem, metricName: metric, unitName: unit, helpText: help)
        }
    }

    init() {
        answers = registry.makeCounter(descriptor: Name.answers)
        handoffs = registry.makeCounter(descriptor: Name.handoffs)
    }

    func recordAnswer(handoff: Bool) {
        answers.increment()
        if handoff { handoffs.increment() }
    }

    func record(route: String, status: Int, duration: Duration) {
        registry.makeCounter(descriptor: Name.requests, labels: [("route", route), ("status", String(status))]).increment()
        registry.makeDurationHistogram(descriptor: Name.latency, labels: [("route", route)], buckets: Self.buckets)
            .record(duration)
    }

    func setGeneration(_ name: String?) {
        registry.makeGauge(descriptor: Name.generation, labels: [("generation", name ?? "none")]).set(Double(1))
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
