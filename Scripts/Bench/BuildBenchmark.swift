import Foundation
import ZhixunIndex
import ZhixunText

/// Builds a generation from a synthetic JSONL corpus and reports time, throughput and size.
enum BuildBenchmark {
    /// `singleField` puts all text into the body field (plain BM25, as the peers in
    /// `Scripts/compare.sh` index it).
    ///
    /// `rounds` > 1 builds that many times from the one parsed corpus (parsing is not timed) and
    /// reports the median round, with every round's seconds: A/B comparisons on a noisy machine.
    static func run(corpus: String, output: String, singleField: Bool = false,
                    parameters: ScoringParameters = .default, rounds: Int = 1) throws {
        let analyzer = try Analyzer.standard()
        let parseStart = now()
        let passages = try loadCorpus(corpus, singleField: singleField)
        let parseSeconds = now() - parseStart

        struct Round { var analyze: Double, write: Double, manifest: IndexManifest, inputBytes: Int }
        var results: [Round] = []
        for _ in 0..<max(1, rounds) {
            try? FileManager.default.removeItem(atPath: output)
            let start = now()
            let builder = try IndexBuilder(analyzer: analyzer, parameters: parameters)
            try builder.add(contentsOf: passages)
            let analyzed = now()
            let manifest = try GenerationDirectory(root: output).commit(builder)
            let end = now()
            results.append(Round(analyze: analyzed - start, write: end - analyzed, manifest: manifest,
                                 inputBytes: builder.inputBytes))
        }
        let median = results.sorted { $0.analyze + $0.write < $1.analyze + $1.write }[results.count / 2]
        let manifest = median.manifest
        let indexBytes = manifest.files.values.reduce(0) { $0 + $1.bytes }
        let seconds = median.analyze + median.write
        var report: [String: Any] = [
            "passages": manifest.passageCount,
            "terms": manifest.termCount,
            "postings": manifest.postingCount,
            "input_bytes": median.inputBytes,
            "parse_seconds": parseSeconds,
            "analyze_seconds": median.analyze,
            "write_seconds": median.write,
            "build_seconds": seconds,
            "build_mb_per_s": Double(median.inputBytes) / 1_048_576 / seconds,
            "index_bytes": indexBytes,
            "peak_rss_bytes": ProcessMemory.peakResidentBytes,
        ]
        if results.count > 1 {
            report["rounds_analyze_seconds"] = results.map(\.analyze)
            report["rounds_write_seconds"] = results.map(\.write)
        }
        emit(report)
    }

    /// Reads `{"id","title","body","tags",…}` lines into builder inputs (fields as in the engine, or
    /// with `singleField` all of ``combinedText(_:)`` in the body).
    static func loadCorpus(_ path: String, singleField: Bool = false) throws -> [PassageInput] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw IndexError.unreadable(file: path, reason: "cannot read corpus")
        }
        var passages: [PassageInput] = []
        for line in data.split(separator: UInt8(ascii: "\n")) {
            guard let o = try JSONSerialization.jsonObject(with: Data(line)) as? [String: Any] else { continue }
            // The stored payload is the passage's position in the corpus: the builder numbers
            // passages shortest first, and top-10 files name passages by position, as the peers do.
            let position = Array(String(passages.count).utf8)
            let tags = ((o["tags"] as? [String]) ?? []).joined(separator: " ")
            let category = o["category"] as? String ?? ""
            if singleField {
                passages.append(PassageInput(body: combinedText(o), attributes: PassageAttributes(kind: "policy"),
                                             stored: position))
                continue
            }
            passages.append(PassageInput(
                title: o["title"] as? String ?? "",
                body: o["body"] as? String ?? "",
                tags: category + " " + tags,
                attributes: PassageAttributes(kind: o["kind"] as? String ?? "policy", category: category,
                                              region: o["region"] as? String ?? "全国",
                                              status: o["status"] as? String ?? "current"),
                stored: position))
        }
        return passages
    }

    /// All indexed text of a corpus line in one string: title, body, category and tags.
    static func combinedText(_ o: [String: Any]) -> String {
        let tags = ((o["tags"] as? [String]) ?? []).joined(separator: " ")
        return [o["title"] as? String ?? "", o["body"] as? String ?? "", o["category"] as? String ?? "", tags]
            .joined(separator: "\n")
    }
}
