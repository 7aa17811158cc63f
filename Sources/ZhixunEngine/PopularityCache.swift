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

    /// The cached value for `key`. A fresh value is returned as is; a stale one is returned at once
    /// while one background task recomputes it (requests never wait on a refresh); only a key never
    /// seen before is computed on the caller's thread.
    func value(for key: Key, now: Date = Date(), compute: @escaping @Sendable () throws -> Value) rethrows -> Value {
        let cached = ttl > 0 ? state.withLock({ $0[key] }) : nil
        if let cached, now.timeIntervalSince(cached.at) < ttl { return cached.value }
        if let cached {
            if computing.withLock({ $0.insert(key).inserted }) {
                DispatchQueue.global(qos: .utility).async { [self] in
                    defer { _ = computing.withLock { $0.remove(key) } }
                    if let fresh = try? compute() { store(fresh, for: key, at: Date()) }
                }
            }
            return cached.value
        }
        let fresh = try compute()
        if ttl > 0 { store(fresh, for: key, at: now) }
        return fresh
    }

    private func store(_ value: Value, for key: Key, at time: Date) {
        state.withLock { entries in
            if entries.count >= capacity && entries[key] == nil { entries.removeAll(keepingCapacity: true) }
            entries[key] = (time, value)
        }
    }

    func invalidate() {
        state.withLock { $0.removeAll() }
    }
}
