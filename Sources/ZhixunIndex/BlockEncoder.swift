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

    struct Encoded {
        var bytes: [UInt8]
        var blockCount: Int
        var maxScore: Double
    }

    mutating func encode(docs: [UInt32], freqs: [UInt32], idf: Double, scorer: BM25FScorer) -> Encoded {
        headers.removeAll(keepingCapacity: true)
        data.removeAll(keepingCapacity: true)
        let fields = IndexField.count
        let blockSize = IndexManifest.blockSize
        var termMax = 0.0
        var previous: Int64 = -1
        var start = 0
        var blockCount = 0
        while start < docs.count {
            let end = min(start + blockSize, docs.count)
            let count = end - start
            // Maximum score in the block.
            var blockMax = 0.0
            freqs.withUnsafeBufferPointer { fq in
                for i in start..<end {
                    let t = scorer.pseudoFrequency(passage: Int(docs[i]), frequencies: fq.baseAddress! + i * fields)
                    blockMax = max(blockMax, scorer.score(idf: idf, pseudoFrequency: t))
                }
            }
            var bound = Float(blockMax)
            if Double(bound) < blockMax { bound = bound.nextUp }
            termMax = max(termMax, Double(bound))

            let dataOffset = data.count
            // Gaps.
            var maxGap: UInt32 = 0
            for i in 0..<count {
                let gap = UInt32(Int64(docs[start + i]) - previous - 1)
                values[i] = gap
                maxGap = max(maxGap, gap)
                previous = Int64(docs[start + i])
            }
            let gapWidth = BitPacking.width(of: maxGap)
            var widths = [Int](repeating: 0, count: fields)
            for f in 0..<fields {
                var m: UInt32 = 0
                for i in start..<end { m = max(m, freqs[i * fields + f]) }
                widths[f] = BitPacking.width(of: m)
            }
            data.append(UInt8(gapWidth))
            var mask: UInt8 = 0
            for f in 0..<fields where widths[f] > 0 { mask |= 1 << UInt8(f) }
            data.append(mask)
            for w in widths where w > 0 { data.append(UInt8(w)) }
            values.withUnsafeBufferPointer { v in
                BitPacking.pack(UnsafeBufferPointer(rebasing: v[0..<count]), width: gapWidth, into: &data)
            }
            for f in 0..<fields where widths[f] > 0 {
                for i in 0..<count { values[i] = freqs[(start + i) * fields + f] }
                values.withUnsafeBufferPointer { v in
                    BitPacking.pack(UnsafeBufferPointer(rebasing: v[0..<count]), width: widths[f], into: &data)
                }
            }
            appendHeader(lastDoc: docs[end - 1], dataOffset: UInt32(dataOffset), maxScore: bound, count: UInt16(count))
            blockCount += 1
            start = end
        }
        // A single block needs no header: its count is the term's document frequency.
        return Encoded(bytes: blockCount > 1 ? headers + data : data, blockCount: blockCount, maxScore: termMax)
    }

    private mutating func appendHeader(lastDoc: UInt32, dataOffset: UInt32, maxScore: Float, count: UInt16) {
        withUnsafeBytes(of: lastDoc.littleEndian) { headers.append(contentsOf: $0) }
        withUnsafeBytes(of: dataOffset.littleEndian) { headers.append(contentsOf: $0) }
        withUnsafeBytes(of: maxScore.bitPattern.littleEndian) { headers.append(contentsOf: $0) }
        withUnsafeBytes(of: count.littleEndian) { headers.append(contentsOf: $0) }
        headers.append(0); headers.append(0)
    }
}
