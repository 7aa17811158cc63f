/// A forward-only iterator over one term's postings, a block at a time.
///
/// Entering a block decodes its passage numbers; a score extracts only the current posting's
/// frequencies from the bit-packed block, so probing one passage of a block costs little.
/// Block headers let ``advance(to:)`` skip blocks without decoding them. (Each header also stores
/// the block's maximum score; the format keeps it for block-max pruning, which measured no gain on
/// 128-posting blocks of mixed-length passages.)
struct PostingCursor {
    /// Sentinel passage number of an exhausted cursor.
    static let exhausted = UInt32.max

    private let headers: UnsafeRawPointer
    private let data: UnsafeRawPointer
    let blockCount: Int
    /// Query weight × idf.
    let weightedIDF: Double
    /// Upper bound of this cursor's score contribution (weight × term max score).
    let maxScore: Double
    /// Query weight.
    let weight: Double
    private let k1: Double
    private let norms: UnsafePointer<Double>
    private let passageCount: Int
    /// Postings of the term.
    let docFreq: Int

    private let docs: UnsafeMutablePointer<UInt32>
    private(set) var block = -1
    private var index = 0
    private var count = 0
    /// Current block's frequency data: bit widths and byte offsets (from `blockData`) per field.
    private var blockData: UnsafeRawPointer
    private var fieldWidths = SIMD4<UInt8>()
    private var fieldOffsets = SIMD4<Int32>()
    /// The block's only field with frequencies, or −1 when several have them (fast path of `score`).
    private var onlyField = -1
    /// The current passage, or ``exhausted``.
    private(set) var doc: UInt32 = exhausted

    init(reader: IndexReader, info: TermInfo, weight: Double, buffers: UnsafeMutableRawPointer) {
        let base = reader.postings.bytes.baseAddress!
        headers = base + info.offset
        blockCount = info.blockCount
        docFreq = info.docFreq
        data = headers + (blockCount > 1 ? blockCount * RecordLayout.blockHeaderSize : 0)
        blockData = data
        self.weight = weight
        weightedIDF = weight * info.idf
        maxScore = weight * info.maxScore
        k1 = reader.k1
        norms = UnsafePointer(reader.norms.baseAddress!)
        passageCount = reader.passageCount
        docs = buffers.bindMemory(to: UInt32.self, capacity: IndexManifest.blockSize)
        if blockCount > 0 { load(block: 0) }
    }

    /// Bytes of scratch memory one cursor needs.
    static var bufferSize: Int { IndexManifest.blockSize * 4 }

    /// The last passage of block `b` (a single-block term has no headers: its block is loaded).
    @inline(__always) func lastDoc(ofBlock b: Int) -> UInt32 {
        blockCount == 1
            ? docs[count - 1]
            : UInt32(littleEndian: headers.loadUnaligned(fromByteOffset: b * RecordLayout.blockHeaderSize, as: UInt32.self))
    }

    /// Where block `b`'s data starts and how many postings it holds, from its header (terms of
    /// several blocks only).
    @inline(__always) private func location(ofBlock b: Int) -> (data: UnsafeRawPointer, count: Int) {
        let h = b * RecordLayout.blockHeaderSize
        let offset = Int(UInt32(littleEndian: headers.loadUnaligned(fromByteOffset: h + 4, as: UInt32.self)))
        let count = Int(UInt16(littleEndian: headers.loadUnaligned(fromByteOffset: h + 12, as: UInt16.self)))
        return (data + offset, count)
    }

    /// Adds one posting's saturated score `w · t / (k1 + t)` at `offset` of the window, marking
    /// the passage a candidate when `marking`: the step every accumulation loop shares.
    @inline(__always)
    private static func add(_ t: Double, weight w: Double, k1: Double, at offset: Int,
                            into accumulator: UnsafeMutablePointer<Double>, seen: UnsafeMutablePointer<UInt64>,
                            marking: Bool) {
        accumulator[offset] += w * t / (k1 + t)
        if marking { seen[offset >> 6] |= 1 << UInt64(offset & 63) }
    }

    private mutating func load(block b: Int) {
        block = b
        let p: UnsafeRawPointer
        if blockCount == 1 {
            count = docFreq
            p = data
        } else {
            (p, count) = location(ofBlock: b)
        }
        blockData = p
        let gapWidth = Int(p.load(as: UInt8.self))
        let mask = p.load(fromByteOffset: 1, as: UInt8.self)
        let present = mask.nonzeroBitCount
        // Unpack the gaps and sum them into passage numbers in one pass.
        var previous: UInt32 = b == 0 ? 0 : lastDoc(ofBlock: b - 1) &+ 1
        let gaps = p + 2 + present
        if gapWidth == 0 {
            for i in 0..<count {
                docs[i] = previous
                previous &+= 1
            }
        } else {
            let mask: UInt64 = (1 << UInt64(gapWidth)) - 1
            var bitPos = 0
            for i in 0..<count {
                let word = gaps.loadUnaligned(fromByteOffset: bitPos >> 3, as: UInt64.self)
                previous = previous &+ UInt32(truncatingIfNeeded: (word >> UInt64(bitPos & 7)) & mask)
                docs[i] = previous
                previous &+= 1
                bitPos &+= gapWidth
            }
        }
        var offsetInBlock = 2 + present + BitPacking.byteCount(count: count, width: gapWidth)
        var widthByte = 2
        for f in 0..<IndexField.count {
            var width: UInt8 = 0
            if mask & (1 << UInt8(f)) != 0 {
                width = p.load(fromByteOffset: widthByte, as: UInt8.self)
                widthByte += 1
            }
            fieldWidths[f] = width
            fieldOffsets[f] = Int32(offsetInBlock)
            offsetInBlock += BitPacking.byteCount(count: count, width: Int(width))
        }
        onlyField = present == 1 ? mask.trailingZeroBitCount : -1
        index = 0
        doc = docs[0]
    }

    /// The score of the current passage: weight × idf × tf' / (k1 + tf').
    ///
    /// `mutating` only so that `self` is passed by address: a call on a non-mutating method of
    /// this large struct copied it first, which was a seventh of a query's time.
    @inline(__always) mutating func score() -> Double {
        // Most blocks hold frequencies of one field (always, in a single-field index).
        let t = onlyField >= 0 ? fieldFrequency(onlyField, passage: Int(doc)) : multiFieldFrequency()
        return weightedIDF * t / (k1 + t)
    }

    /// Σ over the block's fields of frequency × norm, for blocks with several fields.
    @inline(never) private mutating func multiFieldFrequency() -> Double {
        var t = 0.0
        for f in 0..<IndexField.count where fieldWidths[f] > 0 { t += fieldFrequency(f, passage: Int(doc)) }
        return t
    }

    /// The current posting's frequency in field `f` (present in the block) times its norm.
    @inline(__always) private func fieldFrequency(_ f: Int, passage: Int) -> Double {
        let width = Int(fieldWidths[f])
        let bitPos = index &* width
        let word = blockData.loadUnaligned(fromByteOffset: Int(fieldOffsets[f]) &+ (bitPos >> 3), as: UInt64.self)
        let tf = (word >> UInt64(bitPos & 7)) & ((1 << UInt64(width)) &- 1)
        return Double(tf) * norms[f &* passageCount &+ passage]
    }

    /// Adds the score of every posting before `end` into `accumulator[passage − start]`, marks
    /// those passages in the `seen` bitset when `marking`, and leaves the cursor at the first
    /// posting at or after `end`. The cursor must be at or after `start`. The same sums as calling
    /// ``score()`` and ``next()`` per posting, with the block's state held in locals so that the
    /// loop runs from registers.
    @inline(__always)
    mutating func accumulate(until end: UInt64, start: UInt32, into accumulator: UnsafeMutablePointer<Double>,
                             seen: UnsafeMutablePointer<UInt64>, marking: Bool) {
        while UInt64(doc) < end {
            var i = index
            let n = count
            let docs = self.docs
            let w = weightedIDF, k1 = self.k1
            if onlyField >= 0 {
                let f = onlyField
                let width = Int(fieldWidths[f])
                let bytes = blockData + Int(fieldOffsets[f])
                let mask: UInt64 = (1 << UInt64(width)) &- 1
                let norms = self.norms + f &* passageCount
                while i < n {
                    let d = docs[i]
                    if UInt64(d) >= end { break }
                    let bitPos = i &* width
                    let word = bytes.loadUnaligned(fromByteOffset: bitPos >> 3, as: UInt64.self)
                    let t = Double((word >> UInt64(bitPos & 7)) & mask) * norms[Int(d)]
                    Self.add(t, weight: w, k1: k1, at: Int(d &- start), into: accumulator, seen: seen, marking: marking)
                    i &+= 1
                }
            } else {
                while i < n {
                    let d = docs[i]
                    if UInt64(d) >= end { break }
                    index = i
                    doc = d
                    let t = multiFieldFrequency()
                    Self.add(t, weight: w, k1: k1, at: Int(d &- start), into: accumulator, seen: seen, marking: marking)
                    i &+= 1
                }
            }
            if i < n {
                index = i
                doc = docs[i]
                return
            }
            // Blocks wholly before `end` are added straight from their bits, without decoding
            // their passage numbers into `docs` first.
            var b = block + 1
            while b < blockCount && UInt64(lastDoc(ofBlock: b)) < end
                    && accumulateWhole(block: b, start: start, into: accumulator, seen: seen, marking: marking) {
                b += 1
            }
            if b < blockCount {
                load(block: b)
            } else {
                block = blockCount - 1
                index = count
                doc = Self.exhausted
                return
            }
        }
    }

    /// Adds every posting of block `b` (whose last passage is before the window's end) as
    /// ``accumulate(until:start:into:seen:marking:)`` does, decoding gaps and frequencies in the
    /// same loop; false, having added nothing, when the block has frequencies of several fields.
    @inline(__always)
    private func accumulateWhole(block b: Int, start: UInt32, into accumulator: UnsafeMutablePointer<Double>,
                                 seen: UnsafeMutablePointer<UInt64>, marking: Bool) -> Bool {
        let (p, n) = location(ofBlock: b)
        let fieldMask = p.load(fromByteOffset: 1, as: UInt8.self)
        guard fieldMask.nonzeroBitCount == 1 else { return false }
        let f = fieldMask.trailingZeroBitCount
        let gapWidth = Int(p.load(as: UInt8.self))
        let tfWidth = Int(p.load(fromByteOffset: 2, as: UInt8.self))
        let gaps = p + 3
        let tfs = gaps + BitPacking.byteCount(count: n, width: gapWidth)
        let gapMask: UInt64 = (1 << UInt64(gapWidth)) &- 1
        let tfMask: UInt64 = (1 << UInt64(tfWidth)) &- 1
        let norms = self.norms + f &* passageCount
        let w = weightedIDF, k1 = self.k1
        var previous = lastDoc(ofBlock: b - 1) &+ 1
        var gapBit = 0, tfBit = 0
        for _ in 0..<n {
            let gapWord = gaps.loadUnaligned(fromByteOffset: gapBit >> 3, as: UInt64.self)
            let d = previous &+ UInt32(truncatingIfNeeded: (gapWord >> UInt64(gapBit & 7)) & gapMask)
            previous = d &+ 1
            let tfWord = tfs.loadUnaligned(fromByteOffset: tfBit >> 3, as: UInt64.self)
            let t = Double((tfWord >> UInt64(tfBit & 7)) & tfMask) * norms[Int(d)]
            Self.add(t, weight: w, k1: k1, at: Int(d &- start), into: accumulator, seen: seen, marking: marking)
            gapBit &+= gapWidth
            tfBit &+= tfWidth
        }
        return true
    }

    /// Moves to the next posting.
    @inline(__always) mutating func next() {
        index += 1
        if index < count {
            doc = docs[index]
        } else if block + 1 < blockCount {
            load(block: block + 1)
        } else {
            doc = Self.exhausted
        }
    }

    /// Moves to the first posting at or after `target`.
    mutating func advance(to target: UInt32) {
        guard doc < target else { return }
        if lastDoc(ofBlock: block) < target {
            var b = block + 1
            while b < blockCount && lastDoc(ofBlock: b) < target { b += 1 }
            if b == blockCount {
                doc = Self.exhausted
                return
            }
            load(block: b)
            if doc >= target { return }
        }
        // Probes come in passage order and usually land a few postings ahead: scan a short
        // stretch first, then binary-search the rest of the decoded block (its last entry is ≥ target).
        var lo = index &+ 1
        let scanEnd = min(lo &+ 8, count)
        while lo < scanEnd && docs[lo] < target { lo &+= 1 }
        if lo == scanEnd && lo < count {
            var hi = count &- 1
            while lo < hi {
                let mid = (lo &+ hi) >> 1
                if docs[mid] < target { lo = mid &+ 1 } else { hi = mid }
            }
        }
        index = lo
        doc = docs[index]
    }
}
