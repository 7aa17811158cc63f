/// Fixed-width bit packing of small unsigned integers, the postings' block encoding.
///
/// Values are packed little-endian at `width` bits each. Readers load unaligned 64-bit words,
/// so every packed region must be followed by at least 8 readable bytes (the writer pads).
public enum BitPacking {
    /// Bits needed for `value` (0 for 0).
    @inlinable public static func width(of value: UInt32) -> Int {
        value == 0 ? 0 : 32 - value.leadingZeroBitCount
    }

    /// Bytes that `count` values of `width` bits occupy.
    @inlinable public static func byteCount(count: Int, width: Int) -> Int {
        (count * width + 7) / 8
    }

    /// Appends `values` packed at `width` bits to `out`.
    public static func pack(_ values: UnsafeBufferPointer<UInt32>, width: Int, into out: inout [UInt8]) {
        guard width > 0 else { return }
        var acc: UInt64 = 0
        var bits = 0
        for v in values {
            acc |= UInt64(v) << UInt64(bits)
            bits += width
            while bits >= 8 {
                out.append(UInt8(truncatingIfNeeded: acc))
                acc >>= 8
                bits -= 8
            }
        }
        if bits > 0 { out.append(UInt8(truncatingIfNeeded: acc)) }
    }

    /// Reads `count` values of `width` bits from `base` into `out`.
    @inlinable @inline(__always)
    public static func unpack(_ base: UnsafeRawPointer, count: Int, width: Int, into out: UnsafeMutablePointer<UInt32>) {
        if width == 0 {
            out.update(repeating: 0, count: count)
            return
        }
        let mask: UInt64 = (1 << UInt64(width)) - 1
        var bitPos = 0
        for i in 0..<count {
            let word = base.loadUnaligned(fromByteOffset: bitPos >> 3, as: UInt64.self)
            out[i] = UInt32(truncatingIfNeeded: (word >> UInt64(bitPos & 7)) & mask)
            bitPos += width
        }
    }
}
