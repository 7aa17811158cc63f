import ZhixunText

/// One hit: a passage number of the generation and its BM25F score.
public struct SearchHit: Equatable, Sendable {
    public var passage: Int
    public var score: Double

    public init(passage: Int, score: Double) {
        self.passage = passage
        self.score = score
    }
}

/// A bag of weighted query terms. Repeated terms add up their weights (Lucene sums one clause per
/// occurrence), so a term is never scored twice.
public struct WeightedQuery: Sendable, Equatable {
    /// Distinct terms with their weights, in first-seen order.
    public private(set) var terms: [(term: Term, weight: Double)] = []

    public init() {}

    /// A query of `terms`, each with weight 1.
    public init(terms: [Term]) {
        for t in terms { add(t) }
    }

    /// Adds `weight` to `term`.
    public mutating func add(_ term: Term, weight: Double = 1) {
        if let i = terms.firstIndex(where: { $0.term == term }) {
            terms[i].weight += weight
        } else {
            terms.append((term, weight))
        }
    }

    /// Adds `term` at `weight` unless the query already has it: expansions (synonyms, digit
    /// spellings) never add weight to a term the user typed or an earlier expansion added.
    public mutating func addIfAbsent(_ term: Term, weight: Double) {
        guard !terms.contains(where: { $0.term == term }) else { return }
        terms.append((term, weight))
    }

    public var isEmpty: Bool { terms.isEmpty }

    public static func == (a: WeightedQuery, b: WeightedQuery) -> Bool {
        a.terms.count == b.terms.count && zip(a.terms, b.terms).allSatisfy { $0.term == $1.term && $0.weight == $1.weight }
    }
}

/// Top-k retrieval over one generation: MaxScore dynamic pruning, a window of passages at a time
/// (``WindowedMaxScore``; rank-safe: the same hits as scoring every passage), with filters tested
/// per candidate.
public struct Searcher: Sendable {
    /// The generation searched.
    public let reader: IndexReader

    public init(reader: IndexReader) {
        self.reader = reader
    }

    /// The best `limit` passages for `query` that pass `filter`, best first.
    public func search(_ query: WeightedQuery, limit: Int, filter: PassageFilter = .all) -> [SearchHit] {
        search(query, limit: limit, filter: filter, denseRatio: WindowedMaxScore.denseRatio)
    }

    /// ``search(_:limit:filter:)`` with the choice between probing and adding non-essential lists
    /// in whole moved (tests check that either way is rank-safe).
    func search(_ query: WeightedQuery, limit: Int, filter: PassageFilter, denseRatio: Double) -> [SearchHit] {
        guard limit > 0 else { return [] }
        let infos = query.terms.compactMap { q -> (TermInfo, Double)? in
            guard q.weight > 0, let info = reader.lookup(q.term) else { return nil }
            return (info, q.weight)
        }
        guard !infos.isEmpty else { return [] }
        let buffers = UnsafeMutableRawPointer.allocate(
            byteCount: PostingCursor.bufferSize * infos.count, alignment: 16)
        defer { buffers.deallocate() }
        var cursors = infos.enumerated().map { i, pair in
            PostingCursor(reader: reader, info: pair.0, weight: pair.1,
                          buffers: buffers + i * PostingCursor.bufferSize)
        }
        cursors.sort { $0.maxScore < $1.maxScore }
        return cursors.withUnsafeMutableBufferPointer { c in
            WindowedMaxScore.run(c, limit: limit, filter: filter, reader: reader, denseRatio: denseRatio)
        }
    }

    /// Scores every passage containing any query term: the reference that pruning must match.
    public func searchExhaustive(_ query: WeightedQuery, limit: Int, filter: PassageFilter = .all) -> [SearchHit] {
        guard limit > 0 else { return [] }
        var scores = [Double](repeating: 0, count: reader.passageCount)
        var matched = [Bool](repeating: false, count: reader.passageCount)
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: PostingCursor.bufferSize, alignment: 16)
        defer { buffer.deallocate() }
        for q in query.terms where q.weight > 0 {
            guard let info = reader.lookup(q.term) else { continue }
            var cursor = PostingCursor(reader: reader, info: info, weight: q.weight, buffers: buffer)
            while cursor.doc != PostingCursor.exhausted {
                scores[Int(cursor.doc)] += cursor.score()
                matched[Int(cursor.doc)] = true
                cursor.next()
            }
        }
        var heap = TopKHeap(capacity: limit)
        for p in 0..<reader.passageCount where matched[p] && filter.accepts(p, in: reader) {
            heap.offer(UInt32(p), score: scores[p])
        }
        return heap.sorted()
    }
}
