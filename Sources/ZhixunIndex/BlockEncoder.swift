/// Encodes one term's postings as blocks of ``IndexManifest/blockSize`` postings.
///
/// Layout: block headers (see ``RecordLayout/blockHeaderSize``; none when the term has a single
/// block, the usual case for rare terms), then each block's data: one width byte for passage gaps,
/// one byte with a bit per field present in the block and one width byte per present field,
/// followed by the bit-packed gaps (`passage − previous − 1`) and the present fields' bit-packed
/// frequencies. Each header carries the block's maximum score, rounded up to `Float`.
struct BlockEncoder {
    private var headers: [UInt8] = []
    private var data: [UInt8] = []
    private var values = [UInt32](repeating: 0, count: IndexManifest.blockSize)
    /// Bit widths of the current block's fields (kept, so no block allocates).
    private var w = [Int](repeating: 0, count: IndexField.count)

    /// What ``encode(docs:freqs:idf:scorer:into:)`` reports of a term.
    struct Encoded {
        var blockCount: Int
        var maxScore: Double
    }

    /// Appends the encoded postings of one term to `out` (no copy per term: chunks collect many).
    mutating func encode(docs: UnsafeBufferPointer<UInt32>, freqs: UnsafeBufferPointer<UInt32>, idf: Double,
                         scorer: BM25FScorer, into out: inout [UInt8]) -> Encoded {
        headers.removeAll(keepingCapacity: true)
        data.removeAll(keepingCapacity: true)
        let fields = IndexField.count
        let blockSize = IndexManifest.blockSize
        var termMax = 0.0
        var previous: Int64 = -1
        var start = 0
        var blockCount = 0
        assert(fields == 4, "a block row holds four fields")
        let fq = freqs
        while start < docs.count {
            let end = min(start + blockSize, docs.count)
            let count = end - start
            // Maximum score in the block.
            var blockMax = 0.0
            for i in start..<end {
                let t = scorer.pseudoFrequency(passage: Int(docs[i]), frequencies: fq.baseAddress! + i * fields)
                blockMax = max(blockMax, scorer.score(idf: idf, pseudoFrequency: t))
            }
            var bound = Float(blockMax)
            if Double(bound) < blockMax { bound = bound.nextUp }
            termMax = max(termMax, Double(bound))

            let dataOffset = data.count
            // Gaps.
            var maxGap: UInt32 = 0
            values.withUnsafeMutableBufferPointer { v in
                for i in 0..<count {
                    let gap = UInt32(Int64(docs[start + i]) - previous - 1)
                    v[i] = gap
                    maxGap = max(maxGap, gap)
                    previous = Int64(docs[start + i])
                }
            }
            let gapWidth = BitPacking.width(of: maxGap)
            var m: (UInt32, UInt32, UInt32, UInt32) = (0, 0, 0, 0)
            for i in start..<end {
                let row = fq.baseAddress! + i * fields
                m = (max(m.0, row[0]), max(m.1, row[1]), max(m.2, row[2]), max(m.3, row[3]))
            }
            w[0] = BitPacking.width(of: m.0)
            w[1] = BitPacking.width(of: m.1)
            w[2] = BitPacking.width(of: m.2)
            w[3] = BitPacking.width(of: m.3)
            data.append(UInt8(gapWidth))
            var mask: UInt8 = 0
            for f in 0..<fields where w[f] > 0 { mask |= 1 << UInt8(f) }
            data.append(mask)
            for f in 0..<fields where w[f] > 0 { data.append(UInt8(w[f])) }
            values.withUnsafeBufferPointer { v in
                BitPacking.pack(UnsafeBufferPointer(rebasing: v[0..<count]), width: gapWidth, into: &data)
            }
            for f in 0..<fields where w[f] > 0 {
                values.withUnsafeMutableBufferPointer { v in
                    for i in 0..<count { v[i] = fq[(start + i) * fields + f] }
                }
                values.withUnsafeBufferPointer { v in
                    BitPacking.pack(UnsafeBufferPointer(rebasing: v[0..<count]), width: w[f], into: &data)
                }
            }
            appendHeader(lastDoc: docs[end - 1], dataOffset: UInt32(dataOffset), maxScore: bound, count: UInt16(count))
            blockCount += 1
            start = end
        }
        // A single block needs no header: its count is the term's document frequency.
        if blockCount > 1 { out.append(contentsOf: headers) }
        out.append(contentsOf: data)
        return Encoded(blockCount: blockCount, maxScore: termMax)
    }

    private mutating func appendHeader(lastDoc: UInt32, dataOffset: UInt32, maxScore: Float, count: UInt16) {
        withUnsafeBytes(of: lastDoc.littleEndian) { headers.append(contentsOf: $0) }
        withUnsafeBytes(of: dataOffset.littleEndian) { headers.append(contentsOf: $0) }
        withUnsafeBytes(of: maxScore.bitPattern.littleEndian) { headers.append(contentsOf: $0) }
        withUnsafeBytes(of: count.littleEndian) { headers.append(contentsOf: $0) }
        headers.append(0); headers.append(0)
    }
}
