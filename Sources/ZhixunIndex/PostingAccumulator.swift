import CMemoryHints

/// The in-memory postings of a generation being built: term numbering, per-passage frequency
/// counting and posting chains. A value type, so the hot loop touches its storage directly
/// (no dynamic exclusivity checks on class properties). Tokens are counted per passage
/// (``PassageTermCounter``), so each term's global state is touched once per passage, not per token.
struct PostingAccumulator {
    /// Everything the builder tracks per term.
    struct TermState {
        var chain: PostingPool.Chain
        /// Passage of the term's last written posting (−1 before the first), for delta coding.
        var previousDoc: Int32 = -1
        var docFreq: UInt32 = 0
    }

    var terms = TermTable()
    /// Term keys by term number.
    var termKeys: [UInt64] = []
    var states: [TermState] = []
    var pool = PostingPool(reservingCapacity: 1 << 24)
    var postingCount = 0
    /// The passage being analyzed.
    private var passage = PassageTermCounter()

    /// Counts every key of one field of the passage being analyzed.
    mutating func add(_ keys: [UInt64], field: Int) {
        passage.add(keys, field: field)
    }

    /// Term numbers of the passage's entries, scratch of ``finishPassage(_:)``.
    private var numbers: [Int32] = []
    /// How many entries ahead ``finishPassage(_:)`` prefetches: each step waits on memory (a hash
    /// slot, a term's state, a chain's tail), so the loads of later entries are started early.
    private static let prefetchDistance = 8

    /// Writes one posting for every term counted since the last call, as passage `doc`: per term
    /// `varint(gap << fields | fieldMask)`, then one varint per field present.
    mutating func finishPassage(_ doc: Int32) {
        let entries = passage.entries
        let n = entries.count, ahead = Self.prefetchDistance
        var pool = self.pool
        numbers.removeAll(keepingCapacity: true)
        for i in 0..<min(ahead, n) { terms.prefetch(entries[i].key) }
        for i in 0..<n {
            if i + ahead < n { terms.prefetch(entries[i + ahead].key) }
            let (t, isNew) = terms.number(for: entries[i].key)
            if isNew {
                termKeys.append(entries[i].key)
                states.append(TermState(chain: pool.newChain()))
            }
            numbers.append(t)
            states.withUnsafeBufferPointer { zx_prefetch($0.baseAddress! + Int(t)) }
        }
        numbers.withUnsafeBufferPointer { numbers in
            states.withUnsafeMutableBufferPointer { s in
                for i in 0..<min(ahead, n) { pool.prefetch(s[Int(numbers[i])].chain) }
                for i in 0..<n {
                    if i + ahead < n { pool.prefetch(s[Int(numbers[i + ahead])].chain) }
                    let ti = Int(numbers[i])
                    let tf = entries[i].tf
                    let mask = (tf.0 > 0 ? 1 : 0) | (tf.1 > 0 ? 2 : 0) | (tf.2 > 0 ? 4 : 0) | (tf.3 > 0 ? 8 : 0) as UInt64
                    let delta = UInt64(Int64(doc) - Int64(s[ti].previousDoc))
                    pool.appendVarint(delta << UInt64(IndexField.count) | mask, to: &s[ti].chain)
                    if tf.0 > 0 { pool.appendVarint(UInt64(tf.0), to: &s[ti].chain) }
                    if tf.1 > 0 { pool.appendVarint(UInt64(tf.1), to: &s[ti].chain) }
                    if tf.2 > 0 { pool.appendVarint(UInt64(tf.2), to: &s[ti].chain) }
                    if tf.3 > 0 { pool.appendVarint(UInt64(tf.3), to: &s[ti].chain) }
                    s[ti].docFreq += 1
                    s[ti].previousDoc = doc
                }
            }
        }
        self.pool = pool
        postingCount += n
        passage.reset()
    }
}
