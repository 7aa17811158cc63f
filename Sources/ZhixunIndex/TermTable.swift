/// An open-addressing hash map from term keys to dense term numbers, for the indexing hot loop.
///
/// Key 0 marks an empty slot (no ``ZhixunText/Term`` encodes to 0). Linear probing, load ≤ 1/2.
struct TermTable {
    private(set) var keys: [UInt64]
    private var values: [Int32]
    private var mask: Int
    private(set) var count = 0

    init(capacity: Int = 1 << 16) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        keys = [UInt64](repeating: 0, count: size)
        values = [Int32](repeating: -1, count: size)
        mask = size - 1
    }

    @inline(__always) private static func slot(_ key: UInt64, _ mask: Int) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
    }

    /// The number of `key`, assigning the next number (`count`) when it is new.
    @inline(__always)
    mutating func number(for key: UInt64) -> (number: Int32, isNew: Bool) {
        var i = Self.slot(key, mask)
        while true {
            let k = keys[i]
            if k == key { return (values[i], false) }
            if k == 0 { break }
            i = (i + 1) & mask
        }
        keys[i] = key
        values[i] = Int32(count)
        count += 1
        if count * 2 > keys.count { grow() }
        return (Int32(count - 1), true)
    }

    private mutating func grow() {
        let oldKeys = keys, oldValues = values
        keys = [UInt64](repeating: 0, count: oldKeys.count * 2)
        values = [Int32](repeating: -1, count: oldKeys.count * 2)
        mask = keys.count - 1
        for (k, v) in zip(oldKeys, oldValues) where k != 0 {
            var i = Self.slot(k, mask)
            while keys[i] != 0 { i = (i + 1) & mask }
            keys[i] = k
            values[i] = v
        }
    }
}
