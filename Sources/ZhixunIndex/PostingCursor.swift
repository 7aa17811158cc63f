/// A forward-only iterator over one term's postings, decoding a block at a time.
///
/// Passage numbers of a block are decoded when the cursor enters it; frequencies (and so scores)
/// only when a passage of the block is scored. Block headers let ``advance(to:)`` skip blocks
/// without decoding them.
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

    private let docs: UnsafeMutablePointer<UInt32>
    private let scratch: UnsafeMutablePointer<UInt32>
    private let pseudoTF: UnsafeMutablePointer<Double>
    private var block = -1
    private var index = 0
    private var count = 0
    private var scoresDecoded = false
    /// The current passage, or ``exhausted``.
    private(set) var doc: UInt32 = exhausted

    init(reader: IndexReader, info: TermInfo, weight: Double, buffers: UnsafeMutableRawPointer) {
        let base = reader.postings.bytes.baseAddress!
        headers = base + info.offset
        data = headers + info.blockCount * RecordLayout.blockHeaderSize
        blockCount = info.blockCount
        self.weight = weight
        weightedIDF = weight * info.idf
        maxScore = weight * info.maxScore
        k1 = reader.k1
        norms = UnsafePointer(reader.norms.baseAddress!)
        let size = IndexManifest.blockSize
        docs = buffers.bindMemory(to: UInt32.self, capacity: size)
        scratch = (buffers + size * 4).bindMemory(to: UInt32.self, capacity: size)
        pseudoTF = (buffers + size * 8).bindMemory(to: Double.self, capacity: size)
        if blockCount > 0 { load(block: 0) }
    }

    /// Bytes of scratch memory one cursor needs.
    static var bufferSize: Int { IndexManifest.blockSize * (4 + 4 + 8) }

    @inline(__always) func lastDoc(ofBlock b: Int) -> UInt32 {
        UInt32(littleEndian: headers.loadUnaligned(fromByteOffset: b * RecordLayout.blockHeaderSize, as: UInt32.self))
    }

    /// The upper bound of this cursor's score in block `b`.
    @inline(__always) func maxScore(ofBlock b: Int) -> Double {
        weight * Double(Float(bitPattern: UInt32(littleEndian: headers.loadUnaligned(
            fromByteOffset: b * RecordLayout.blockHeaderSize + 8, as: UInt32.self))))
    }

    private mutating func load(block b: Int) {
        block = b
        let h = b * RecordLayout.blockHeaderSize
        let offset = Int(UInt32(littleEndian: headers.loadUnaligned(fromByteOffset: h + 4, as: UInt32.self)))
        count = Int(UInt16(littleEndian: headers.loadUnaligned(fromByteOffset: h + 12, as: UInt16.self)))
        let p = data + offset
        let gapWidth = Int(p.load(as: UInt8.self))
        BitPacking.unpack(p + 1 + IndexField.count, count: count, width: gapWidth, into: docs)
        var previous: UInt32 = b == 0 ? 0 : lastDoc(ofBlock: b - 1) &+ 1
        for i in 0..<count {
            previous = previous &+ docs[i]
            docs[i] = previous
            previous = previous &+ 1
        }
        index = 0
        doc = docs[0]
        scoresDecoded = false
    }

    /// Decodes the block's frequencies into pseudo term frequencies.
    private mutating func decodeScores() {
        let h = block * RecordLayout.blockHeaderSize
        let offset = Int(UInt32(littleEndian: headers.loadUnaligned(fromByteOffset: h + 4, as: UInt32.self)))
        let p = data + offset
        var cursor = p + 1 + IndexField.count + BitPacking.byteCount(count: count, width: Int(p.load(as: UInt8.self)))
        for i in 0..<count { pseudoTF[i] = 0 }
        for f in 0..<IndexField.count {
            let width = Int(p.load(fromByteOffset: 1 + f, as: UInt8.self))
            guard width > 0 else { continue }
            BitPacking.unpack(cursor, count: count, width: width, into: scratch)
            for i in 0..<count {
                pseudoTF[i] += Double(scratch[i]) * norms[Int(docs[i]) &* IndexField.count &+ f]
            }
            cursor += BitPacking.byteCount(count: count, width: width)
        }
        scoresDecoded = true
    }

    /// The score of the current passage (weight × idf × tf' / (k1 + tf')).
    @inline(__always) mutating func score() -> Double {
        if !scoresDecoded { decodeScores() }
        let t = pseudoTF[index]
        return weightedIDF * t / (k1 + t)
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
        }
        while docs[index] < target { index += 1 }
        doc = docs[index]
    }

    /// The block that would hold `target` (no decoding), or `nil` past the end.
    func block(containing target: UInt32) -> Int? {
        var b = max(block, 0)
        while b < blockCount && lastDoc(ofBlock: b) < target { b += 1 }
        return b < blockCount ? b : nil
    }
}
