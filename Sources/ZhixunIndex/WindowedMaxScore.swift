/// MaxScore evaluated a window of passages at a time (as Lucene's `MaxScoreBulkScorer` does).
///
/// Classic document-at-a-time MaxScore finds each candidate by taking the minimum over all
/// essential cursors, and pays that for every posting. Here each essential cursor instead runs
/// through the window in its own tight loop, adding its scores into a dense accumulator and
/// marking candidates in a bitset. The window's candidates are then visited in passage order:
/// a candidate whose essential score plus the bounds of the non-essential terms cannot beat the
/// current threshold is dropped without touching those lists; otherwise the non-essential
/// cursors are probed from the highest bound down while it still can. A non-essential list dense
/// enough that about every candidate would probe it is instead added into the accumulator in whole
/// (one tight loop instead of a search per candidate; phrase-like queries of common bigrams, the
/// slowest ones, spend most of their time probing such lists). The essential /
/// non-essential partition is fixed for a window and recomputed between windows from the
/// threshold, so every posting is counted exactly once. Rank-safe: the top k equals exhaustive
/// scoring's (see `RankSafetyTests`).
struct WindowedMaxScore {
    /// Passages per window: the accumulator (8 bytes each) stays in the L1 cache.
    static let windowSize = 2048
    /// A non-essential list is added in whole when its expected postings in a window are at most
    /// this many times the window's candidates (measured on the 100k benchmark: 1 and 2 are about
    /// equal, 0.5 and 3 slower).
    static let denseRatio = 1.0

    /// The best `limit` passages for the cursors, which must be sorted by ascending `maxScore`
    /// (`denseRatio` other than the default only in tests: 0 probes every non-essential list,
    /// infinity adds all of them in whole).
    static func run(_ c: UnsafeMutableBufferPointer<PostingCursor>, limit: Int, filter: PassageFilter,
                    reader: IndexReader, denseRatio: Double = denseRatio) -> [SearchHit] {
        let m = c.count
        var bounds = [Double](repeating: 0, count: m)  // bounds[i] = Σ maxScore of cursors 0...i
        var running = 0.0
        for i in 0..<m {
            running += c[i].maxScore
            bounds[i] = running
        }
        let window = windowSize
        let accumulator = UnsafeMutablePointer<Double>.allocate(capacity: window)
        accumulator.initialize(repeating: 0, count: window)
        let words = window / 64
        let seen = UnsafeMutablePointer<UInt64>.allocate(capacity: words)
        seen.initialize(repeating: 0, count: words)
        defer {
            accumulator.deallocate()
            seen.deallocate()
        }
        var heap = TopKHeap(capacity: limit)
        var threshold = -Double.infinity
        var firstEssential = 0

        while true {
            var start = PostingCursor.exhausted
            for i in firstEssential..<m where c[i].doc < start { start = c[i].doc }
            if start == PostingCursor.exhausted { break }
            let end = UInt64(start) + UInt64(window)
            // Essential lists: dense accumulation.
            for i in firstEssential..<m {
                c[i].accumulate(until: end, start: start, into: accumulator, seen: seen, marking: true)
            }
            // Non-essential lists that about every candidate would probe cost less added in whole
            // (without marking candidates): from the highest bound down, while a list's expected
            // postings in the window are within `denseRatio` × the window's candidates.
            var probed = firstEssential  // lists 0..<probed are probed per candidate
            if probed > 0 {
                var candidates = 0
                for w in 0..<words { candidates += seen[w].nonzeroBitCount }
                let limit = denseRatio * Double(candidates) * Double(reader.passageCount) / Double(window)
                while probed > 0 && Double(c[probed - 1].docFreq) <= limit {
                    probed -= 1
                    c[probed].advance(to: start)
                    c[probed].accumulate(until: end, start: start, into: accumulator, seen: seen, marking: false)
                }
            }
            // Candidates in passage order.
            let partition = probed
            for w in 0..<words {
                var bits = seen[w]
                if bits == 0 { continue }
                seen[w] = 0
                while bits != 0 {
                    let offset = w << 6 | bits.trailingZeroBitCount
                    bits &= bits &- 1
                    var score = accumulator[offset]
                    accumulator[offset] = 0
                    let doc = start &+ UInt32(offset)
                    guard filter.accepts(Int(doc), in: reader) else { continue }
                    var i = partition - 1
                    var pruned = false
                    while i >= 0 {
                        if score + bounds[i] <= threshold {
                            pruned = true
                            break
                        }
                        c[i].advance(to: doc)
                        if c[i].doc == doc { score += c[i].score() }
                        i -= 1
                    }
                    if !pruned && score > threshold {
                        heap.offer(doc, score: score)
                        if heap.isFull { threshold = heap.threshold }
                    }
                }
            }
            // Lists added in whole also scored passages that were no candidates.
            if probed < firstEssential { accumulator.update(repeating: 0, count: window) }
            while firstEssential < m && bounds[firstEssential] <= threshold { firstEssential += 1 }
            if firstEssential == m { break }
        }
        return heap.sorted()
    }
}
