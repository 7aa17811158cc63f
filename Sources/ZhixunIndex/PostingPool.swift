import CMemoryHints

#if canImport(Glibc)
import Glibc
#endif

/// Growing byte slices, one chain per term, holding postings while a generation is built
/// (after Lucene's `ByteBlockPool`): a term's first postings take a few bytes, frequent terms get
/// ever larger slices, and nothing is allocated per term beyond its chain.
///
/// A slice ends in an 8-byte forward address to the next slice of the chain. The bytes live in one
/// manually grown allocation, written through a raw pointer: this is the indexing hot loop.
/// Copies of a pool share that allocation, so a pool has one owner (``PostingAccumulator``).
struct PostingPool {
    /// Payload sizes of successive slices of one chain (the last repeats).
    static let sliceSizes = [8, 24, 56, 120, 248, 504, 1016, 2040, 4088]
    static let pointerSize = 8

    /// Frees the allocation when the pool's owner goes away: a huge-page reservation
    /// (`reserved` > 0) or, where the system refused one, a `malloc` block.
    private final class Storage {
        var pointer: UnsafeMutablePointer<UInt8>?
        var reserved = 0
        deinit {
            if reserved > 0 { zx_release(pointer, UInt(reserved)) } else { free(pointer) }
        }
    }

    private let storage = Storage()
    private var base: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    /// Bytes in use.
    private(set) var count = 0

    /// Write state of one chain.
    struct Chain {
        var head: Int
        var tail: Int
        var end: Int
        var level: UInt8
    }

    /// Address space one pool reserves: the machine's memory (a pool cannot outgrow it anyway);
    /// the kernel commits only what is written.
    static let reservation: Int = {
        let pages = sysconf(Int32(_SC_PHYS_PAGES)), size = sysconf(Int32(_SC_PAGESIZE))
        return pages > 0 && size > 0 ? pages * size : 0
    }()

    /// A pool in a huge-page reservation of ``reservation`` bytes, or, where the system refuses
    /// one, in a `malloc` block of `capacity` bytes that doubles as needed.
    init(reservingCapacity capacity: Int = 1 << 20) {
        if Self.reservation > 0, let reserved = zx_reserve_huge(UInt(Self.reservation)) {
            base = reserved.assumingMemoryBound(to: UInt8.self)
            self.capacity = Self.reservation
            storage.reserved = Self.reservation
        } else {
            self.capacity = max(capacity, 64)
            base = malloc(self.capacity)!.assumingMemoryBound(to: UInt8.self)
        }
        storage.pointer = base
    }

    private mutating func allocate(level: Int) -> Int {
        let size = Self.sliceSizes[min(level, Self.sliceSizes.count - 1)] + Self.pointerSize
        if count + size > capacity {
            guard storage.reserved == 0 else { fatalError("the posting pool outgrew the machine's memory") }
            var newCapacity = capacity * 2
            while newCapacity < count + size { newCapacity *= 2 }
            guard let grown = realloc(base, newCapacity) else { fatalError("out of memory growing the posting pool") }
            base = grown.assumingMemoryBound(to: UInt8.self)
            storage.pointer = base
            capacity = newCapacity
        }
        // No zeroing: a slice is read only up to bytes written (the reservation is zero anyway).
        let start = count
        count += size
        return start
    }

    /// Starts a new chain.
    mutating func newChain() -> Chain {
        let start = allocate(level: 0)
        return Chain(head: start, tail: start, end: start + Self.sliceSizes[0], level: 0)
    }

    /// Starts loading the pool byte at `offset` (a chain's tail, before appending to it).
    @inline(__always)
    func prefetch(offset: Int) {
        zx_prefetch(base + offset)
    }

    /// Appends one byte to a chain.
    @inline(__always)
    mutating func append(_ byte: UInt8, to chain: inout Chain) {
        if chain.tail == chain.end {
            let level = Int(chain.level) + 1
            let next = allocate(level: level)
            UnsafeMutableRawPointer(base + chain.end).storeBytes(of: UInt64(next).littleEndian, as: UInt64.self)
            chain.level = UInt8(min(level, 255))
            chain.tail = next
            chain.end = next + Self.sliceSizes[min(level, Self.sliceSizes.count - 1)]
        }
        base[chain.tail] = byte
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
            let end = start + Self.sliceSizes[min(level, Self.sliceSizes.count - 1)]
            if chain.tail >= start && chain.tail <= end {
                out.append(contentsOf: UnsafeBufferPointer(start: base + start, count: chain.tail - start))
                return
            }
            out.append(contentsOf: UnsafeBufferPointer(start: base + start, count: end - start))
            start = Int(UInt64(littleEndian: UnsafeRawPointer(base + end).loadUnaligned(as: UInt64.self)))
            level += 1
        }
    }
}
