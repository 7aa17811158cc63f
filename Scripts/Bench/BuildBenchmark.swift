import Foundation
import ZhixunIndex
import ZhixunText

/// Builds a generation from a synthetic JSONL corpus and reports time, throughput and size.
enum BuildBenchmark {
    static func run(corpus: String, output: String) throws {
        let analyzer = try Analyzer.standard()
        let parseStart = now()
        let passages = try loadCorpus(corpus)
        let parseSeconds = now() - parseStart
        try? FileManager.default.removeItem(atPath: output)

        let start = now()
        let builder = try IndexBuilder(analyzer: analyzer)
        for p in passages { try builder.add(p) }
        let analyzed = now()
        let manifest = try GenerationDirectory(root: output).commit(builder)
        let end = now()
        let indexBytes = manifest.files.values.reduce(0) { $0 + $1.bytes }
        let mb = Double(builder.inputBytes) / 1_048_576
        emit([
            "passages": manifest.passageCount,
            "terms": manifest.termCount,
            "postings": manifest.postingCount,
            "input_bytes": builder.inputBytes,
            "parse_seconds": parseSeconds,
            "analyze_seconds": analyzed - start,
            "write_seconds": end - analyzed,
            "build_seconds": end - start,
            "build_mb_per_s": mb / (end - start),
            "index_bytes": indexBytes,
            "peak_rss_bytes": ProcessMemory.peakResidentBytes,
        ])
    }

    /// Reads `{"id","title","body","tags",…}` lines into builder inputs (fields as in the engine).
    static func loadCorpus(_ path: String) throws -> [PassageInput] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw IndexError.unreadable(file: path, reason: "cannot read corpus")
        }
        var passages: [PassageInput] = []
        for line in data.split(separator: UInt8(ascii: "\n")) {
            guard let o = try JSONSerialization.jsonObject(with: Data(line)) as? [String: Any] else { continue }
            let tags = ((o["tags"] as? [String]) ?? []).joined(separator: " ")
            let category = o["category"] as? String ?? ""
            passages.append(PassageInput(
                title: o["title"] as? String ?? "",
                body: o["body"] as? String ?? "",
                tags: category + " " + tags,
                attributes: PassageAttributes(kind: o["kind"] as? String ?? "policy", category: category,
                                              region: o["region"] as? String ?? "全国",
                                              status: o["status"] as? String ?? "current"),
                stored: Array((o["id"] as? String ?? "").utf8)))
        }
        return passages
    }
}
