/// A fast 64-bit checksum over bytes (word-wise multiply–rotate mixing, then a final avalanche).
///
/// It guards index files against truncation and bit rot, not against an adversary; it runs at
/// several GB/s so every generation is verified in full when it is opened.
public enum Checksum {
    /// The checksum of `bytes`, as 16 lowercase hex digits.
    /// `released` is called after each 16 MB chunk has been read, so a caller can drop the
    /// chunk's pages from memory (see ``MappedFile/release(_:)``).
    public static func hex(_ bytes: UnsafeRawBufferPointer, released: ((Range<Int>) -> Void)? = nil) -> String {
        let value = compute(bytes, released: released)
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }

    /// The checksum of `bytes`.
    public static func compute(_ bytes: UnsafeRawBufferPointer, released: ((Range<Int>) -> Void)? = nil) -> UInt64 {
        let p1: UInt64 = 0x9E37_79B1_85EB_CA87
        let p2: UInt64 = 0xC2B2_AE3D_27D4_EB4F
        var a: UInt64 = 0x2545_F491_4F6C_DD1D ^ UInt64(bytes.count)
        var b: UInt64 = 0x1234_5678_9ABC_DEF1
        let n = bytes.count
        var i = 0
        let chunk = 16 << 20
        if let base = bytes.baseAddress {
            while i + 16 <= n {
                let end = min(i + chunk, n - (n - i) % 16)
                let start = i
                while i < end {
                    let w0 = base.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                    let w1 = base.loadUnaligned(fromByteOffset: i + 8, as: UInt64.self)
                    a = ((a ^ (w0 &* p2)) &* p1).rotateLeft(31)
                    b = ((b ^ (w1 &* p1)) &* p2).rotateLeft(29)
                    i += 16
                }
                released?(start..<end)
            }
            while i < n {
                a = (a ^ UInt64(base.load(fromByteOffset: i, as: UInt8.self))) &* p1
                i += 1
            }
        }
        var h = a ^ b.rotateLeft(17)
        h ^= h >> 33; h = h &* p2; h ^= h >> 29; h = h &* p1; h ^= h >> 32
        return h
    }
}

extension UInt64 {
    @inline(__always) func rotateLeft(_ k: UInt64) -> UInt64 { (self << k) | (self >> (64 - k)) }
}
