import Foundation
import Synchronization

/// A small time-bounded cache: values recomputed at most every `ttl` seconds, so hot questions,
/// type-ahead and related-topic push never wait on the event log under load.
final class TTLCache<Key: Hashable & Sendable, Value: Sendable>: Sendable {
    private let state = Mutex<[Key: (at: Date, value: Value)]>([:])
    /// Keys being recomputed: other callers get the stale value meanwhile (no stampede).
    private let computing = Mutex<Set<Key>>([])
    let ttl: TimeInterval
    let capacity: Int

    init(ttl: TimeInterval, capacity: Int = 10_000) {
        self.ttl = ttl
        self.capacity = capacity
    }

    func value(for key: Key, now: Date = Date(), compute: () throws -> Value) rethrows -> Value {
        let cached = ttl > 0 ? state.withLock({ $0[key] }) : nil
        if let cached, now.timeIntervalSince(cached.at) < ttl { return cached.value }
        if let cached {
            // Stale: one caller recomputes, the others keep serving the previous value.
            let mine = computing.withLock { $0.insert(key).inserted }
            if !mine { return cached.value }
        }
        defer { if cached != nil { _ = computing.withLock { $0.remove(key) } } }
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
