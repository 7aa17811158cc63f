import ZhixunIndex
import ZhixunText

/// Re-ranks the first results of a query by proximity: passages where the query's words stand
/// together, in order, rank above passages where the same bigrams are scattered.
///
/// For each pair of consecutive query bigrams (the query's character trigrams), it checks whether the
/// passage contains that trigram; the share found in the question fields (title, similar phrasings)
/// or, at a discount, in the text, scales the BM25F score: `score · (1 + weight · proximity)`.
/// Retrieval stays rank-safe; this is a second stage over its top results.
public struct ProximityReranker: Sendable {
    /// How much a perfect proximity match multiplies the score by (1 + weight).
    public var weight: Double
    /// How much proximity in the body counts relative to the question fields.
    public var bodyDiscount: Double
    /// How many first results are re-ranked.
    public var depth: Int

    public static let `default` = ProximityReranker(weight: 0.6, bodyDiscount: 0.6, depth: 30)

    public init(weight: Double, bodyDiscount: Double, depth: Int) {
        self.weight = weight
        self.bodyDiscount = bodyDiscount
        self.depth = depth
    }

    /// The query's character trigrams (consecutive bigram pairs inside CJK runs), as 63-bit keys.
    static func trigrams(_ text: String, analyzer: Analyzer, skipping filler: Set<Term> = []) -> [UInt64] {
        var entries: [UInt32] = []
        analyzer.fold(text, into: &entries)
        var out: [UInt64] = []
        var run: [UInt32] = []
        func flush() {
            if run.count >= 3 {
                for i in 0...(run.count - 3) {
                    // A trigram made only of filler (如何查, 怎么办) says nothing about the topic.
                    if filler.contains(.bigram(run[i], run[i + 1])) && filler.contains(.bigram(run[i + 1], run[i + 2])) { continue }
                    out.append(UInt64(run[i]) << 42 | UInt64(run[i + 1]) << 21 | UInt64(run[i + 2]))
                }
            }
            run.removeAll(keepingCapacity: true)
        }
        for e in entries {
            if CharacterFolding.scalarClass(of: e) == .cjk { run.append(CharacterFolding.scalar(of: e)) } else { flush() }
        }
        flush()
        return out
    }

    /// Share of `query` trigrams present in `text`.
    static func share(_ query: [UInt64], in text: String, analyzer: Analyzer) -> Double {
        guard !query.isEmpty else { return 0 }
        let present = Set(trigrams(text, analyzer: analyzer))
        return Double(query.filter(present.contains).count) / Double(query.count)
    }

    /// Re-orders hits and their results (best first), adjusting scores; `similar` gives a hit's
    /// similar phrasings (FAQ entries).
    func rerank(_ pairs: [(hit: SearchHit, result: SearchResult)], query: String, analyzer: Analyzer,
                filler: Set<Term>, similar: (SearchHit) -> [String]) -> [(hit: SearchHit, result: SearchResult)] {
        let q = Self.trigrams(query, analyzer: analyzer, skipping: filler)
        guard !q.isEmpty, weight > 0 else { return pairs }
        let head = pairs.prefix(depth).map { pair -> (hit: SearchHit, result: SearchResult) in
            let r = pair.result
            let question = ([r.title] + similar(pair.hit)).joined(separator: "\n")
            let proximity = max(Self.share(q, in: question, analyzer: analyzer),
                                bodyDiscount * Self.share(q, in: r.heading + "\n" + r.text, analyzer: analyzer))
            var hit = pair.hit, result = r
            hit.score *= 1 + weight * proximity
            result.score = hit.score
            return (hit, result)
        }
        let reordered = head.enumerated()
            .sorted { ($0.element.hit.score, $1.offset) > ($1.element.hit.score, $0.offset) }.map(\.element)
        return reordered + pairs.dropFirst(depth)
    }
}
