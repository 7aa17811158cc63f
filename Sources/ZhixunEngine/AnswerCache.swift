import Synchronization

/// Answers computed on one generation snapshot, by question, context and options.
///
/// A hotline hears the same questions all day, and an answer depends only on the snapshot (index,
/// synonyms) it was computed on, so it is kept for the snapshot's life: a rebuild or a synonym
/// change makes a new snapshot and starts a new cache. Bounded: past `capacity` entries it starts
/// over. Recording (the question log) is per request and never cached.
final class AnswerCache: Sendable {
    struct Key: Hashable, Sendable {
        let text: String
        let context: String
        let options: SearchOptions
    }

    private let entries = Mutex<[Key: Answer]>([:])
    private let capacity: Int

    init(capacity: Int = 20_000) {
        self.capacity = capacity
    }

    /// Up to `limit` cached keys (to warm the next snapshot with the questions being asked).
    func keys(limit: Int) -> [Key] {
        entries.withLock { Array($0.keys.prefix(limit)) }
    }

    /// The cached answer for `key`, computing and keeping it on a miss.
    func answer(for key: Key, compute: () throws -> Answer) rethrows -> Answer {
        if let cached = entries.withLock({ $0[key] }) { return cached }
        let fresh = try compute()
        entries.withLock { cache in
            if cache.count >= capacity { cache.removeAll(keepingCapacity: true) }
            cache[key] = fresh
        }
        return fresh
    }
}
