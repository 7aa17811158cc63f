import Foundation
import Testing
import ZhixunText
@testable import ZhixunIndex

/// MaxScore must return exactly what exhaustive scoring returns: same passages, same scores.
@Suite struct RankSafetyTests {
    typealias S = IndexTestSupport

    static func assertSameTopK(_ pruned: [SearchHit], _ exhaustive: [SearchHit], context: String) {
        #expect(pruned.count == exhaustive.count, "\(context): \(pruned.count) vs \(exhaustive.count) hits")
        for (a, b) in zip(pruned, exhaustive) {
            #expect(abs(a.score - b.score) < 1e-5, "\(context): score \(a.score) vs \(b.score)")
            // Passages may differ only where scores tie within floating-point noise.
            if a.passage != b.passage {
                #expect(abs(a.score - b.score) < 1e-9, "\(context): passage \(a.passage) vs \(b.passage)")
            }
        }
    }

    @Test(arguments: [1 as UInt64, 2, 3, 4, 5, 6])
    func prunedTopKEqualsExhaustive(seed: UInt64) throws {
        var rng = S.SeededRandom(state: seed)
        let count = Int.random(in: 50...1500, using: &rng)
        let passages = S.randomPassages(&rng, count: count)
        let root = S.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let reader = try S.build(passages, in: root)
        let searcher = Searcher(reader: reader)
        let filters: [PassageFilter] = [
            .all,
            reader.filter(kinds: ["faq"]),
            reader.filter(regions: ["北京"], statuses: ["current"]),
            reader.filter(categories: ["不存在"]),
        ]
        for q in 0..<40 {
            let text = S.randomText(&rng, length: Int.random(in: 1...20, using: &rng))
            var query = WeightedQuery()
            for term in S.analyzer.terms(text) { query.add(term, weight: Double.random(in: 0.2...2, using: &rng)) }
            for k in [1, 3, 10, 50] {
                for (fi, filter) in filters.enumerated() {
                    let pruned = searcher.search(query, limit: k, filter: filter)
                    let full = searcher.searchExhaustive(query, limit: k, filter: filter)
                    Self.assertSameTopK(pruned, full, context: "seed \(seed) query \(q) '\(text)' k \(k) filter \(fi)")
                }
            }
        }
    }

    /// Several windows of passages, with the non-essential lists probed, added in whole, or chosen
    /// between as in production: the same top k as exhaustive scoring every way.
    @Test(arguments: [0.0, WindowedMaxScore.denseRatio, Double.infinity])
    func probingOrAddingListsInWholeIsRankSafe(denseRatio: Double) throws {
        var rng = S.SeededRandom(state: 42)
        let passages = S.randomPassages(&rng, count: 2 * WindowedMaxScore.windowSize + 700)
        let root = S.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let reader = try S.build(passages, in: root)
        let searcher = Searcher(reader: reader)
        let filters: [PassageFilter] = [.all, reader.filter(regions: ["北京"])]
        for q in 0..<30 {
            // Long queries: many common bigrams, so most lists turn non-essential.
            let text = S.randomText(&rng, length: Int.random(in: 8...40, using: &rng))
            let query = WeightedQuery(terms: S.analyzer.terms(text))
            for k in [1, 10] {
                for (fi, filter) in filters.enumerated() {
                    let pruned = searcher.search(query, limit: k, filter: filter, denseRatio: denseRatio)
                    let full = searcher.searchExhaustive(query, limit: k, filter: filter)
                    Self.assertSameTopK(pruned, full, context: "ratio \(denseRatio) query \(q) '\(text)' k \(k) filter \(fi)")
                }
            }
        }
    }

    @Test func filtersApplyDuringRetrieval() throws {
        var rng = S.SeededRandom(state: 99)
        let passages = S.randomPassages(&rng, count: 400)
        let root = S.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let reader = try S.build(passages, in: root)
        let searcher = Searcher(reader: reader)
        let query = WeightedQuery(terms: S.analyzer.terms("发票"))
        let hits = searcher.search(query, limit: 10, filter: reader.filter(kinds: ["policy"], regions: ["北京"]))
        // Filtering during retrieval returns the best passing passages, not the passing part of the unfiltered top 10.
        let passing = searcher.searchExhaustive(query, limit: passages.count).filter {
            passages[$0.passage].attributes.kind == "policy" && passages[$0.passage].attributes.region == "北京"
        }
        #expect(passing.count > 3)
        #expect(hits.map(\.passage) == passing.prefix(10).map(\.passage))
        for hit in hits {
            let attributes = reader.attributes(passage: hit.passage)
            #expect(attributes.kind == "policy")
            #expect(attributes.region == "北京")
        }
        #expect(searcher.search(query, limit: 10, filter: reader.filter(kinds: ["nothing"])).isEmpty)
    }

    @Test func emptyAndUnknownQueriesReturnNothing() throws {
        var rng = S.SeededRandom(state: 5)
        let root = S.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let reader = try S.build(S.randomPassages(&rng, count: 20), in: root)
        let searcher = Searcher(reader: reader)
        #expect(searcher.search(WeightedQuery(), limit: 10).isEmpty)
        #expect(searcher.search(WeightedQuery(terms: S.analyzer.terms("天气预报")), limit: 10).isEmpty)
        #expect(searcher.search(WeightedQuery(terms: S.analyzer.terms("发票")), limit: 0).isEmpty)
    }
}
