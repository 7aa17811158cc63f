import CMemoryHints

/// An open-addressing hash table from term keys to each term's build state, for the indexing hot
/// loop: its number, where its posting chain continues, its last passage and its document frequency.
///
/// The state lives in the key's slot, so a posting touches one cache line of the table (32-byte
/// slots in a 64-byte-aligned allocation), where a separate state array by term number cost a
/// second miss per posting. Key 0 marks an empty slot (no ``ZhixunText/Term`` encodes to 0).
/// Linear probing, load ≤ 1/2; callers ``reserve(adding:)`` before a run of lookups, so slot
/// indices stay valid while they work through one passage.
struct TermTable {
    /// One slot: a term key and its state.
    struct Slot {
        var key: UInt64
        /// Pool offset the term's next posting byte goes to.
        var tail: Int
        /// Passage of the term's last posting (−1 before the first), for delta coding.
        var previousDoc: Int32
        var docFreq: UInt32
        /// Dense term number, in order of first appearance.
        var number: Int32
        /// Bytes left in the chain's current slice.
        var remaining: UInt16
        /// Slice level of the chain's current slice (see ``PostingPool/sliceSizes``).
        var level: UInt8
    }

    private var storage: AlignedBuffer<Slot>
    private var mask: Int
    /// Terms in the table.
    private(set) var count = 0

    init(capacity: Int = 1 << 16) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        storage = AlignedBuffer(count: size)
        mask = size - 1
    }

    @inline(__always) private static func home(_ key: UInt64, _ mask: Int) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
    }

    /// Grows the table, if needed, so that `n` more terms keep the load at most 1/2.
    mutating func reserve(adding n: Int) {
        var size = storage.count
        while (count + n) * 2 > size { size <<= 1 }
        if size != storage.count { rehash(size: size) }
    }

    /// Starts loading the slot where a probe for `key` begins.
    @inline(__always)
    func prefetch(_ key: UInt64) {
        zx_prefetch(storage.base + Self.home(key, mask))
    }

    /// The slot of `key`. A new key takes number ``count`` with an empty state (the caller starts
    /// its chain). Needs room: see ``reserve(adding:)``.
    @inline(__always)
    mutating func slot(for key: UInt64) -> (slot: Int, isNew: Bool) {
        let slots = storage.base, mask = self.mask
        var i = Self.home(key, mask)
        while true {
            let k = slots[i].key
            if k == key { return (i, false) }
            if k == 0 { break }
            i = (i + 1) & mask
        }
        precondition((count + 1) * 2 <= storage.count, "TermTable: reserve(adding:) before inserting")
        slots[i] = Slot(key: key, tail: 0, previousDoc: -1, docFreq: 0, number: Int32(count), remaining: 0, level: 0)
        count += 1
        return (i, true)
    }

    /// The slot at `index` (from ``slot(for:)``), read and written in place.
    subscript(index: Int) -> Slot {
        @inline(__always) unsafeAddress { UnsafePointer(storage.base + index) }
        @inline(__always) nonmutating unsafeMutableAddress { storage.base + index }
    }

    /// Every term's state, by term number (one pass over the table, for the writer).
    func statesByNumber() -> [Slot] {
        [Slot](unsafeUninitializedCapacity: count) { states, initialized in
            for s in 0..<storage.count where storage.base[s].key != 0 {
                states[Int(storage.base[s].number)] = storage.base[s]
            }
            initialized = count
        }
    }

    private mutating func rehash(size: Int) {
        let old = storage
        storage = AlignedBuffer(count: size)
        mask = size - 1
        let slots = storage.base
        for s in 0..<old.count where old.base[s].key != 0 {
            var i = Self.home(old.base[s].key, mask)
            while slots[i].key != 0 { i = (i + 1) & mask }
            slots[i] = old.base[s]
        }
    }
}
