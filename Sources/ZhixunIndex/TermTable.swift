import CMemoryHints

/// An open-addressing hash map from term keys to dense term numbers, for the indexing hot loop.
///
/// Key 0 marks an empty slot (no ``ZhixunText/Term`` encodes to 0). Linear probing, load ≤ 1/2.
/// A slot holds its key and its number side by side, so a probe touches one cache line, not one
/// in a key array and another in a number array.
struct TermTable {
    /// One slot: a term key and its number.
    private struct Slot {
        var key: UInt64 = 0
        var number: Int32 = -1
    }

    private var slots: [Slot]
    private var mask: Int
    private(set) var count = 0

    init(capacity: Int = 1 << 16) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = [Slot](repeating: Slot(), count: size)
        mask = size - 1
    }

    @inline(__always) private static func slot(_ key: UInt64, _ mask: Int) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
    }

    /// Starts loading the slot where a probe for `key` begins.
    @inline(__always)
    func prefetch(_ key: UInt64) {
        slots.withUnsafeBufferPointer { zx_prefetch($0.baseAddress! + Self.slot(key, mask)) }
    }

    /// The number of `key`, assigning the next number (`count`) when it is new.
    @inline(__always)
    mutating func number(for key: UInt64) -> (number: Int32, isNew: Bool) {
        let mask = self.mask
        let found: Int32? = slots.withUnsafeBufferPointer { s in
            var i = Self.slot(key, mask)
            while true {
                let k = s[i].key
                if k == key { return s[i].number }
                if k == 0 { return nil }
                i = (i + 1) & mask
            }
        }
        if let found { return (found, false) }
        insert(key, number: Int32(count))
        count += 1
        if count * 2 > slots.count { grow() }
        return (Int32(count - 1), true)
    }

    private mutating func insert(_ key: UInt64, number: Int32) {
        var i = Self.slot(key, mask)
        while slots[i].key != 0 { i = (i + 1) & mask }
        slots[i] = Slot(key: key, number: number)
    }

    private mutating func grow() {
        let old = slots
        slots = [Slot](repeating: Slot(), count: old.count * 2)
        mask = slots.count - 1
        for s in old where s.key != 0 { insert(s.key, number: s.number) }
    }
}
