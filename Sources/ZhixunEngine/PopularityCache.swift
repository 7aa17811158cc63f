import Foundation
import Synchronization

/// A small time-bounded cache: values recomputed at most every `ttl` seconds, so hot questions,
/// type-ahead and related-topic push never wait on the event log under load.
final class TTLCache<Key: Hashable & Sendable, Value: Sendable>: Sendable {
    private let state = Mutex<[Key: (at: Date, value: Value)]>([:])
    let ttl: TimeInterval
    let capacity: Int

    init(ttl: TimeInterval, capacity: Int = 10_000) {
        self.ttl = ttl
        self.capacity = capacity
    }

    func value(for key: Key, now: Date = Date(), compute: () throws -> Value) rethrows -> Value {
        if ttl > 0, let cached = state.withLock({ $0[key] }), now.timeIntervalSince(cached.at) < ttl { return cached.value }
        let fresh = try compute()
        if ttl > 0 {
            state.withLock { entries in
                if entries.count >= capacity { entries.removeAll(keepingCapacity: true) }
                entries[key] = (now, fresh)
            }
        }
        return fresh
    }

    func invalidate() {
        state.withLock { $0.removeAll() }
    }
}
