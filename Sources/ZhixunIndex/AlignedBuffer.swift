/// A zero-filled, cache-line-aligned allocation of `count` elements, freed with its last reference.
///
/// For the builder's hash tables: they are probed through a raw pointer in the hot loop (no
/// uniqueness checks or copy-on-write), and 64-byte alignment keeps a 32-byte slot inside one cache
/// line. Copies of a holder share the allocation, so a table has one owner.
final class AlignedBuffer<Element: BitwiseCopyable> {
    /// The first element.
    let base: UnsafeMutablePointer<Element>
    /// Elements allocated.
    let count: Int

    /// Allocates `count` elements, every byte zero.
    init(count: Int) {
        self.count = count
        let bytes = max(count, 1) * MemoryLayout<Element>.stride
        let raw = UnsafeMutableRawPointer.allocate(byteCount: bytes, alignment: max(64, MemoryLayout<Element>.alignment))
        raw.initializeMemory(as: UInt8.self, repeating: 0, count: bytes)
        base = raw.bindMemory(to: Element.self, capacity: max(count, 1))
    }

    deinit { UnsafeMutableRawPointer(base).deallocate() }
}
