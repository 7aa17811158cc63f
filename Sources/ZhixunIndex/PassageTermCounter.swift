/// Per-field frequencies of the distinct terms of one passage, counted in a small hash table that
/// stays in the first-level cache, so the builder touches a term's global state once per passage
/// rather than once per token (a passage repeats about a third of its bigrams).
///
/// Slots are stamped with the passage they belong to, so starting a passage clears nothing.
struct PassageTermCounter {
    /// One distinct term of the passage.
    struct Entry {
        var key: UInt64
        var tf: (UInt32, UInt32, UInt32, UInt32)
    }

    /// Distinct terms in first-seen order.
    private(set) var entries: [Entry] = []
    /// Slot → index in `entries`, valid where `stamps[slot] == stamp`.
    private var indices: [Int32]
    private var stamps: [UInt32]
    private var stamp: UInt32 = 1
    private var mask: Int

    init() {
        let size = 4096
        indices = [Int32](repeating: 0, count: size)
        stamps = [UInt32](repeating: 0, count: size)
        mask = size - 1
        entries.reserveCapacity(size / 2)
    }

    /// Forgets the previous passage's terms.
    mutating func reset() {
        entries.removeAll(keepingCapacity: true)
        stamp &+= 1
        if stamp == 0 {  // wrapped: old stamps could read as current
            for i in stamps.indices { stamps[i] = 0 }
            stamp = 1
        }
    }

    /// Counts every key of `keys` in `field`.
    mutating func add(_ keys: [UInt64], field: Int) {
        for key in keys {
            let e = entry(for: key)
            entries.withUnsafeMutableBufferPointer { b in
                switch field {
                case 0: b[e].tf.0 &+= 1
                case 1: b[e].tf.1 &+= 1
                case 2: b[e].tf.2 &+= 1
                default: b[e].tf.3 &+= 1
                }
            }
        }
    }

    @inline(__always)
    private mutating func entry(for key: UInt64) -> Int {
        let mask = self.mask, stamp = self.stamp
        var i = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 40) & mask
        let hit: Int? = stamps.withUnsafeBufferPointer { st in
            indices.withUnsafeBufferPointer { ix in
                entries.withUnsafeBufferPointer { en in
                    while st[i] == stamp {
                        let e = Int(ix[i])
                        if en[e].key == key { return e }
                        i = (i + 1) & mask
                    }
                    return nil
                }
            }
        }
        if let hit { return hit }
        stamps[i] = stamp
        indices[i] = Int32(entries.count)
        entries.append(Entry(key: key, tf: (0, 0, 0, 0)))
        if entries.count * 2 > stamps.count { grow() }
        return entries.count - 1
    }

    /// Doubles the table and re-places the current passage's terms.
    private mutating func grow() {
        let size = stamps.count * 2
        indices = [Int32](repeating: 0, count: size)
        stamps = [UInt32](repeating: 0, count: size)
        mask = size - 1
        for (e, entry) in entries.enumerated() {
            var i = Int(truncatingIfNeeded: (entry.key &* 0x9E37_79B9_7F4A_7C15) >> 40) & mask
            while stamps[i] == stamp { i = (i + 1) & mask }
            stamps[i] = stamp
            indices[i] = Int32(e)
        }
    }
}
