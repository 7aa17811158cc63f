/// The in-memory postings of a generation being built: term numbering, per-passage frequency
/// counting and posting chains. A value type, so the hot loop touches its storage directly
/// (no dynamic exclusivity checks on class properties), and each term's state is one record, so
/// counting a token costs about one cache miss for the dictionary and one for the term.
struct PostingAccumulator {
    /// Everything the builder tracks per term, in one cache line.
    struct TermState {
        var chain: PostingPool.Chain
        /// Passage being analyzed when the term was last seen (marks terms once per passage).
        var lastDoc: Int32 = -1
        /// Passage of the term's last written posting (−1 before the first), for delta coding.
        var previousDoc: Int32 = -1
        var docFreq: UInt32 = 0
        /// Frequencies in the current passage, by field.
        var tf: (UInt32, UInt32, UInt32, UInt32) = (0, 0, 0, 0)
    }

    var terms = TermTable()
    /// Term keys by term number.
    var termKeys: [UInt64] = []
    var states: [TermState] = []
    var pool = PostingPool(reservingCapacity: 1 << 24)
    var postingCount = 0
    private var docTerms: [Int32] = []

    /// Counts every key of one field of passage `doc`.
    mutating func add(_ keys: [UInt64], field: Int, doc: Int32) {
        for key in keys {
            let (t, isNew) = terms.number(for: key)
            if isNew {
                termKeys.append(key)
                states.append(TermState(chain: pool.newChain()))
            }
            states.withUnsafeMutableBufferPointer { s in
                let ti = Int(t)
                if s[ti].lastDoc != doc {
                    s[ti].lastDoc = doc
                    docTerms.append(t)
                }
                switch field {
                case 0: s[ti].tf.0 &+= 1
                case 1: s[ti].tf.1 &+= 1
                case 2: s[ti].tf.2 &+= 1
                default: s[ti].tf.3 &+= 1
                }
            }
        }
    }

    /// Writes the postings of every term counted for `doc` and clears the scratch: per term
    /// `varint(gap << fields | fieldMask)`, then one varint per field present.
    mutating func finishPassage(_ doc: Int32) {
        var pool = self.pool
        states.withUnsafeMutableBufferPointer { s in
            for t in docTerms {
                let ti = Int(t)
                let tf = s[ti].tf
                let mask = (tf.0 > 0 ? 1 : 0) | (tf.1 > 0 ? 2 : 0) | (tf.2 > 0 ? 4 : 0) | (tf.3 > 0 ? 8 : 0) as UInt64
                let delta = UInt64(Int64(doc) - Int64(s[ti].previousDoc))
                pool.appendVarint(delta << UInt64(IndexField.count) | mask, to: &s[ti].chain)
                if tf.0 > 0 { pool.appendVarint(UInt64(tf.0), to: &s[ti].chain) }
                if tf.1 > 0 { pool.appendVarint(UInt64(tf.1), to: &s[ti].chain) }
                if tf.2 > 0 { pool.appendVarint(UInt64(tf.2), to: &s[ti].chain) }
                if tf.3 > 0 { pool.appendVarint(UInt64(tf.3), to: &s[ti].chain) }
                s[ti].tf = (0, 0, 0, 0)
                s[ti].docFreq += 1
                s[ti].previousDoc = doc
            }
        }
        self.pool = pool
        postingCount += docTerms.count
        docTerms.removeAll(keepingCapacity: true)
    }
}
