/// Per-field frequencies of the distinct terms of one passage, counted in a small hash table that
/// stays in the first-level cache, so the builder touches a term's global state once per passage
/// rather than once per token (a passage repeats about a third of its bigrams).
///
/// Slots are stamped with the passage they belong to, so starting a passage clears nothing. Both
/// the table and the entries are worked through raw pointers: this runs once per token.
struct PassageTermCounter {
    /// One distinct term of the passage.
    struct Entry {
        var key: UInt64
        var tf: (UInt32, UInt32, UInt32, UInt32)
    }

    /// Slot → `stamp << 32 | index in entries`, valid where the stamp is the current one.
    private var table: AlignedBuffer<UInt64>
    private var stamp: UInt64 = 1
    private var store: AlignedBuffer<Entry>
    private var count = 0

    /// Distinct terms in first-seen order, valid until the next ``add(_:field:)`` or ``reset()``.
    var entries: UnsafeBufferPointer<Entry> { UnsafeBufferPointer(start: store.base, count: count) }

    init() {
        table = AlignedBuffer(count: 4096)
        store = AlignedBuffer(count: 2048)
    }

    /// Forgets the previous passage's terms.
    mutating func reset() {
        count = 0
        stamp += 1
        if stamp > UInt64(UInt32.max) {  // would wrap: old stamps could read as current
            table = AlignedBuffer(count: table.count)
            stamp = 1
        }
    }

    @inline(__always) private static func home(_ key: UInt64, _ mask: Int) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 40) & mask
    }

    /// Counts every key of `keys` in `field` (0–3).
    mutating func add(_ keys: [UInt64], field: Int) {
        precondition(field >= 0 && field < 4, "PassageTermCounter: field \(field) out of 0..<4")
        if count + keys.count > store.count { growStore(to: count + keys.count) }
        let stamp = self.stamp, tfOffset = MemoryLayout<Entry>.offset(of: \Entry.tf)! + field * 4
        let entries = store.base
        var slots = table.base, mask = table.count - 1
        var count = self.count
        for key in keys {
            var i = Self.home(key, mask)
            var e = -1
            while true {
                let s = slots[i]
                if s >> 32 != stamp { break }
                if entries[Int(truncatingIfNeeded: s & 0xFFFF_FFFF)].key == key {
                    e = Int(truncatingIfNeeded: s & 0xFFFF_FFFF)
                    break
                }
                i = (i + 1) & mask
            }
            if e < 0 {
                e = count
                slots[i] = stamp << 32 | UInt64(e)
                entries[e] = Entry(key: key, tf: (0, 0, 0, 0))
                count += 1
                if count * 2 > table.count {
                    self.count = count
                    growTable()
                    slots = table.base
                    mask = table.count - 1
                }
            }
            (UnsafeMutableRawPointer(entries + e) + tfOffset).assumingMemoryBound(to: UInt32.self).pointee &+= 1
        }
        self.count = count
    }

    private mutating func growStore(to needed: Int) {
        var size = store.count
        while size < needed { size <<= 1 }
        let grown = AlignedBuffer<Entry>(count: size)
        grown.base.update(from: store.base, count: count)
        store = grown
    }

    /// Doubles the table and re-places the current passage's terms.
    private mutating func growTable() {
        table = AlignedBuffer(count: table.count * 2)
        let slots = table.base, mask = table.count - 1
        for e in 0..<count {
            var i = Self.home(store.base[e].key, mask)
            while slots[i] >> 32 == stamp { i = (i + 1) & mask }
            slots[i] = stamp << 32 | UInt64(e)
        }
    }
}
