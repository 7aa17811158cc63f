import Foundation
import ZhixunIndex
import ZhixunText

/// Opens a generation and times single-thread top-10 queries (analysis + retrieval) in process.
enum QueryBenchmark {
    /// `distinctTerms` gives every query term weight 1 (as the peers of `Scripts/compare.sh` get
    /// each token once); `topFile` receives each query's top-10 corpus positions, one line per query.
    static func run(index: String, queries path: String, repeatCount: Int,
                    distinctTerms: Bool = false, topFile: String? = nil, checkExhaustive: Bool = false) throws {
        let analyzer = try Analyzer.standard()
        let baseline = ProcessMemory.residentBytes
        let openStart = now()
        let reader = try GenerationDirectory(root: index).openCurrent()
        let openSeconds = now() - openStart
        let rssAfterOpen = ProcessMemory.residentBytes
        let indexBytes = reader.manifest.files.values.reduce(0) { $0 + $1.bytes }
        let searcher = Searcher(reader: reader)

        guard let data = FileManager.default.contents(atPath: path) else {
            throw IndexError.unreadable(file: path, reason: "cannot read queries")
        }
        let queries: [String] = data.split(separator: UInt8(ascii: "\n")).compactMap {
            (try? JSONSerialization.jsonObject(with: Data($0)) as? [String: Any])?["query"] as? String
        }
        var scratch: [UInt32] = []
        func query(_ text: String) -> WeightedQuery {
            var query = WeightedQuery()
            analyzer.forEachTerm(in: text, scratch: &scratch) { term, _ in
                if !distinctTerms || !query.terms.contains(where: { $0.term == term }) { query.add(term) }
            }
            return query
        }
        func topHits(_ text: String) -> [SearchHit] { searcher.search(query(text), limit: 10) }
        func runQuery(_ text: String) -> Int { topHits(text).count }
        func exhaustiveHits(_ text: String) -> [SearchHit] { searcher.searchExhaustive(query(text), limit: 10) }
        // Warm-up: one pass over every query.
        var hits = 0
        for q in queries { hits &+= runQuery(q) }

        var perQuery = [Double](repeating: 0, count: queries.count)
        var latencies: [Double] = []
        latencies.reserveCapacity(queries.count * repeatCount)
        let start = now()
        for _ in 0..<repeatCount {
            for (i, q) in queries.enumerated() {
                let t0 = now()
                hits &+= runQuery(q)
                let elapsed = now() - t0
                latencies.append(elapsed)
                perQuery[i] = max(perQuery[i], elapsed)
            }
        }
        let total = now() - start
        if let topFile {
            // Corpus positions (the stored payloads), not passage numbers: the build reorders.
            let lines = queries.map { q in
                topHits(q).map { String(decoding: reader.storedPayload(passage: $0.passage), as: UTF8.self) }
                    .joined(separator: " ")
            }
            try (lines.joined(separator: "\n") + "\n").write(toFile: topFile, atomically: true, encoding: .utf8)
        }
        latencies.sort()
        func percentile(_ p: Double) -> Double {
            latencies[min(latencies.count - 1, Int(Double(latencies.count) * p))] * 1e6
        }
        // ZHIXUN_BENCH_SLOWEST=N lists the N slowest queries (10 when N is not a number).
        if let slowest = ProcessInfo.processInfo.environment["ZHIXUN_BENCH_SLOWEST"] {
            for i in perQuery.indices.sorted(by: { perQuery[$0] > perQuery[$1] }).prefix(Int(slowest) ?? 10) {
                FileHandle.standardError.write(Data(String(format: "%8.1f µs  %@\n", perQuery[i] * 1e6, queries[i]).utf8))
            }
        }
        var extra: [String: Any] = [:]
        if checkExhaustive {
            // Rank safety: pruned top-10 must be the exhaustive top-10 (same passages and scores;
            // passages with equal scores may differ in order, or at the cut-off, because the last
            // bits of a sum depend on the order its terms are added in).
            let mismatched = queries.filter { !sameRanking(topHits($0), exhaustiveHits($0)) }
            extra["exhaustive_mismatches"] = mismatched.count
            for q in mismatched.prefix(3) {
                let a = topHits(q), b = exhaustiveHits(q)
                FileHandle.standardError.write(Data("mismatch: \(q)\n  pruned     \(a.map { "\($0.passage):\($0.score)" })\n  exhaustive \(b.map { "\($0.passage):\($0.score)" })\n".utf8))
            }
        }
        emit(extra.merging([
            "queries": latencies.count,
            "open_seconds": openSeconds,
            "index_bytes": indexBytes,
            "rss_before_open_bytes": baseline,
            "rss_after_open_bytes": rssAfterOpen,
            "rss_after_queries_bytes": ProcessMemory.residentBytes,
            "peak_rss_bytes": ProcessMemory.peakResidentBytes,
            "p50_us": percentile(0.50),
            "p90_us": percentile(0.90),
            "p99_us": percentile(0.99),
            "mean_us": total / Double(latencies.count) * 1e6,
            "qps": Double(latencies.count) / total,
            "hits": hits,
        ]) { a, _ in a })
    }

    /// Whether two top-k lists agree up to floating-point ties (relative 1e-9).
    static func sameRanking(_ a: [SearchHit], _ b: [SearchHit]) -> Bool {
        func tie(_ x: Double, _ y: Double) -> Bool { abs(x - y) <= 1e-9 * max(1, abs(y)) }
        guard a.count == b.count else { return false }
        for (x, y) in zip(a, b) where !tie(x.score, y.score) { return false }
        let inB = Set(b.map(\.passage))
        for x in a where !inB.contains(x.passage) {
            guard let last = b.last, tie(x.score, last.score) else { return false }
        }
        return true
    }
}
