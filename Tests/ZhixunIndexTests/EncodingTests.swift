import Testing
@testable import ZhixunIndex

@Suite struct EncodingTests {
    @Test func bitPackingRoundTrips() {
        for width in 0...32 {
            let mask: UInt64 = width == 32 ? 0xFFFF_FFFF : (1 << UInt64(width)) - 1
            let values = (0..<131).map { UInt32(truncatingIfNeeded: (UInt64($0) &* 2_654_435_761) & mask) }
            var out: [UInt8] = []
            values.withUnsafeBufferPointer { BitPacking.pack($0, width: width, into: &out) }
            #expect(out.count == BitPacking.byteCount(count: values.count, width: width))
            out.append(contentsOf: [UInt8](repeating: 0, count: 8))
            var decoded = [UInt32](repeating: 7, count: values.count)
            out.withUnsafeBytes { raw in
                decoded.withUnsafeMutableBufferPointer {
                    BitPacking.unpack(raw.baseAddress!, count: values.count, width: width, into: $0.baseAddress!)
                }
            }
            #expect(decoded == values, "width \(width)")
        }
    }

    /// Packed bytes equal a bit-by-bit reference, appended after what the buffer already holds.
    @Test func bitPackingMatchesBitByBitReference() {
        for width in 1...32 {
            for count in [1, 2, 3, 7, 31, 128] {
                let mask: UInt64 = width == 32 ? 0xFFFF_FFFF : (1 << UInt64(width)) - 1
                let values = (0..<count).map { UInt32(truncatingIfNeeded: (UInt64($0 + width) &* 0x9E37_79B9) & mask) }
                let prefix: [UInt8] = [0xAB, 0xCD, 0xEF]
                var expected = prefix + [UInt8](repeating: 0, count: BitPacking.byteCount(count: count, width: width))
                for (i, v) in values.enumerated() {
                    for bit in 0..<width where v & (1 << UInt32(bit)) != 0 {
                        let position = i * width + bit
                        expected[prefix.count + position / 8] |= 1 << UInt8(position % 8)
                    }
                }
                var out = prefix
                values.withUnsafeBufferPointer { BitPacking.pack($0, width: width, into: &out) }
                #expect(out == expected, "width \(width), count \(count)")
            }
        }
    }

    @Test func postingPoolChainsRoundTripAcrossSlices() {
        var pool = PostingPool(reservingCapacity: 16)
        var a = pool.newChain(), b = pool.newChain()
        var expectA: [UInt8] = [], expectB: [UInt8] = []
        for i in 0..<5000 {
            let x = UInt8(truncatingIfNeeded: i), y = UInt8(truncatingIfNeeded: i * 7)
            pool.append(x, to: &a); expectA.append(x)
            if i % 3 == 0 { pool.append(y, to: &b); expectB.append(y) }
        }
        var out: [UInt8] = []
        pool.read(a, into: &out)
        #expect(out == expectA)
        pool.read(b, into: &out)
        #expect(out == expectB)
    }

    @Test func termTableAssignsDenseNumbers() {
        var table = TermTable(capacity: 4)
        for k in 1...1000 {
            table.reserve(adding: 1)
            let (s, isNew) = table.slot(for: UInt64(k) &* 0x1234_5678_9)
            #expect(isNew && table[s].number == Int32(k - 1))
            table[s].docFreq = UInt32(k)
        }
        for k in 1...1000 {
            let (s, isNew) = table.slot(for: UInt64(k) &* 0x1234_5678_9)
            #expect(table[s].number == Int32(k - 1))
            #expect(!isNew)
            // State set before the table grew moved with its slot.
            #expect(table[s].docFreq == UInt32(k))
        }
        #expect(table.statesByNumber().map(\.key) == (1...1000).map { UInt64($0) &* 0x1234_5678_9 })
    }

    @Test func checksumDetectsSingleBitChanges() {
        var bytes = [UInt8](repeating: 0xAB, count: 1000)
        let before = bytes.withUnsafeBytes { Checksum.compute($0) }
        bytes[500] ^= 1
        #expect(bytes.withUnsafeBytes { Checksum.compute($0) } != before)
    }
}
