import ZhixunText

/// The term dictionary: sorted term keys with each term's postings location, document frequency
/// and score bound, in blocks of ``blockSize`` terms.
///
/// Most terms of a Chinese bigram index are rare (one or two passages), so a fixed-width record
/// per term would outweigh their postings. Instead `terms.bin` holds, per block and per term,
/// `varint(key − previous key)` (the first key of a block is in the block index instead),
/// `varint(docFreq)`, `varint(postings bytes)` and the term's maximum score as a `Float` (rounded
/// up, so it stays an upper bound). `terminfo.bin` is the block index: per block its first key,
/// its byte offset in `terms.bin` and its first term's postings offset (three `UInt64`s). A
/// lookup binary-searches the block index and decodes at most one block (like Lucene's block
/// tree terms dictionary, without the prefix trie).
enum TermDictionary {
    /// Terms per block.
    static let blockSize = 64
    /// Bytes per block-index entry.
    static let indexEntrySize = 24

    /// Appends terms in key order, writing both files.
    struct Writer {
        private let terms: FileSink
        private let index: FileSink
        private var count = 0
        private var previousKey: UInt64 = 0
        private var bytes: [UInt8] = []

        init(terms: FileSink, index: FileSink) {
            self.terms = terms
            self.index = index
        }

        /// Adds the next term (keys strictly increasing); `postingsOffset` is where its postings start.
        mutating func add(key: UInt64, docFreq: Int, postingsOffset: Int, postingsBytes: Int, maxScore: Float) throws {
            bytes.removeAll(keepingCapacity: true)
            if count % TermDictionary.blockSize == 0 {
                index.append(key)
                index.append(UInt64(terms.offset))
                index.append(UInt64(postingsOffset))
            } else {
                Varint.append(key - previousKey, to: &bytes)
            }
            Varint.append(UInt64(docFreq), to: &bytes)
            Varint.append(UInt64(postingsBytes), to: &bytes)
            withUnsafeBytes(of: maxScore.bitPattern.littleEndian) { bytes.append(contentsOf: $0) }
            try terms.append(bytes)
            previousKey = key
            count += 1
        }
    }

    /// Finds `key` in the mapped files; `termCount` bounds the last block.
    static func lookup(_ key: UInt64, terms: UnsafeRawBufferPointer, index: UnsafeRawBufferPointer,
                       termCount: Int) -> (offset: Int, docFreq: Int, maxScore: Double)? {
        let blocks = index.count / indexEntrySize
        guard blocks > 0 else { return nil }
        func entry(_ b: Int, _ field: Int) -> UInt64 {
            UInt64(littleEndian: index.loadUnaligned(fromByteOffset: b * indexEntrySize + field * 8, as: UInt64.self))
        }
        // Last block whose first key ≤ key.
        var lo = 0, hi = blocks
        while lo < hi {
            let mid = (lo + hi) >> 1
            if entry(mid, 0) <= key { lo = mid + 1 } else { hi = mid }
        }
        guard lo > 0 else { return nil }
        let block = lo - 1
        var position = Int(entry(block, 1))
        var postings = Int(entry(block, 2))
        var current = entry(block, 0)
        let end = block + 1 < blocks ? Int(entry(block + 1, 1)) : terms.count
        let termsInBlock = min(blockSize, termCount - block * blockSize)
        guard position <= end, end <= terms.count else { return nil }
        for i in 0..<termsInBlock {
            if i > 0 {
                guard let delta = Varint.read(terms, at: &position, end: end) else { return nil }
                current &+= delta
                if current > key { return nil }
            }
            guard let docFreq = Varint.read(terms, at: &position, end: end),
                  let length = Varint.read(terms, at: &position, end: end), position + 4 <= end else { return nil }
            let bound = Float(bitPattern: UInt32(littleEndian: terms.loadUnaligned(fromByteOffset: position, as: UInt32.self)))
            position += 4
            if current == key { return (postings, Int(docFreq), Double(bound)) }
            postings += Int(length)
        }
        return nil
    }
}

/// LEB128 unsigned integers.
enum Varint {
    static func append(_ value: UInt64, to out: inout [UInt8]) {
        var v = value
        while v >= 0x80 {
            out.append(UInt8(truncatingIfNeeded: v) | 0x80)
            v >>= 7
        }
        out.append(UInt8(v))
    }

    /// Reads one value at `position` (advanced past it); nil when it runs past `end` or 10 bytes.
    @inline(__always)
    static func read(_ bytes: UnsafeRawBufferPointer, at position: inout Int, end: Int) -> UInt64? {
        var v: UInt64 = 0
        var shift: UInt64 = 0
        while position < end && shift < 64 {
            let b = bytes[position]
            position += 1
            v |= UInt64(b & 0x7F) << shift
            if b < 0x80 { return v }
            shift += 7
        }
        return nil
    }
}
