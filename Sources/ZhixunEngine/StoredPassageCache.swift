import Foundation
import Synchronization
import ZhixunIndex

/// Decoded stored passages of one generation, so a passage's JSON is decoded once, not on every
/// request that shows it. Bounded: past `capacity` entries the cache starts over.
final class StoredPassageCache: Sendable {
    private let entries = Mutex<[Int: StoredPassage]>([:])
    private let capacity: Int

    init(capacity: Int = 50_000) {
        self.capacity = capacity
    }

    func passage(_ number: Int, in reader: IndexReader) -> StoredPassage? {
        if let cached = entries.withLock({ $0[number] }) { return cached }
        guard let decoded = try? JSONDecoder().decode(StoredPassage.self, from: Data(reader.storedPayload(passage: number))) else {
            return nil
        }
        entries.withLock { cache in
            if cache.count >= capacity { cache.removeAll(keepingCapacity: true) }
            cache[number] = decoded
        }
        return decoded
    }
}
