import Foundation
import Synchronization

/// Hot-question scores of all FAQ entries, recomputed at most every `ttl` seconds, so type-ahead
/// and related-topic ranking never wait on the event log.
final class PopularityCache: Sendable {
    private let state = Mutex<(at: Date, scores: [String: Double])?>(nil)
    let ttl: TimeInterval

    init(ttl: TimeInterval = 30) {
        self.ttl = ttl
    }

    func scores(now: Date = Date(), compute: () throws -> [String: Double]) -> [String: Double] {
        if let cached = state.withLock({ $0 }), now.timeIntervalSince(cached.at) < ttl { return cached.scores }
        let fresh = (try? compute()) ?? [:]
        state.withLock { $0 = (now, fresh) }
        return fresh
    }

    func invalidate() {
        state.withLock { $0 = nil }
    }
}
