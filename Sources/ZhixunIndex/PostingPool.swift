/// Growing byte slices, one chain per term, holding postings while a generation is built
/// (after Lucene's `ByteBlockPool`): a term's first postings take a few bytes, frequent terms get
/// ever larger slices, and nothing is allocated per term beyond its chain.
///
/// A slice ends in an 8-byte forward address to the next slice of the chain.
struct PostingPool {
    /// Payload sizes of successive slices of one chain (the last repeats).
    static let sliceSizes = [8, 24, 56, 120, 248, 504, 1016, 2040, 4088]
    static let pointerSize = 8

    private(set) var bytes: [UInt8] = []

    /// Write state of one chain.
    struct Chain {
        var head: Int
        var tail: Int
        var end: Int
        var level: UInt8
    }

    init(reservingCapacity capacity: Int = 1 << 20) {
        bytes.reserveCapacity(capacity)
    }

    private mutating func allocate(level: Int) -> Int {
        let start = bytes.count
        let size = Self.sliceSizes[min(level, Self.sliceSizes.count - 1)] + Self.pointerSize
        bytes.append(contentsOf: repeatElement(0, count: size))
        return start
    }

    /// Starts a new chain.
    mutating func newChain() -> Chain {
        let start = allocate(level: 0)
        return Chain(head: start, tail: start, end: start + Self.sliceSizes[0], level: 0)
    }

    /// Appends one byte to a chain.
    @inline(__always)
    mutating func append(_ byte: UInt8, to chain: inout Chain) {
        if chain.tail == chain.end {
            let level = Int(chain.level) + 1
            let next = allocate(level: level)
            var address = UInt64(next)
            for i in 0..<Self.pointerSize {
                bytes[chain.end + i] = UInt8(truncatingIfNeeded: address)
                address >>= 8
            }
            chain.level = UInt8(min(level, 255))
            chain.tail = next
            chain.end = next + Self.sliceSizes[min(level, Self.sliceSizes.count - 1)]
        }
        bytes[chain.tail] = byte
        chain.tail += 1
    }

    /// Appends a LEB128 varint to a chain.
    @inline(__always)
    mutating func appendVarint(_ value: UInt64, to chain: inout Chain) {
        var v = value
        while v >= 0x80 {
            append(UInt8(truncatingIfNeeded: v) | 0x80, to: &chain)
            v >>= 7
        }
        append(UInt8(v), to: &chain)
    }

    /// Reads a whole chain back, in order.
    func read(_ chain: Chain, into out: inout [UInt8]) {
        out.removeAll(keepingCapacity: true)
        var start = chain.head
        var level = 0
        while true {
            let size = Self.sliceSizes[min(level, Self.sliceSizes.count - 1)]
            let end = start + size
            if chain.tail >= start && chain.tail <= end {
                out.append(contentsOf: bytes[start..<chain.tail])
                return
            }
            out.append(contentsOf: bytes[start..<end])
            var address: UInt64 = 0
            for i in (0..<Self.pointerSize).reversed() {
                address = address << 8 | UInt64(bytes[end + i])
            }
            start = Int(address)
            level += 1
        }
    }
}
