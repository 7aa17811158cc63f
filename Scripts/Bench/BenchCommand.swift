import Foundation
import ZhixunIndex
import ZhixunText

/// `zhixun-bench`: in-process measurements of index building and querying.
///
///     zhixun-bench build  CORPUS.jsonl OUT_DIR [--single-field] [--k1 X --b Y] [--rounds N]
///                                                   → JSON: build seconds, MB/s, index bytes, peak RSS
///                                                     (median of N builds from one parse)
///     zhixun-bench query  OUT_DIR QUERIES.jsonl [--repeat N] [--distinct] [--top FILE] [--check-exhaustive]
///                                                   → JSON: RSS after open, p50/p99 µs, QPS
///     zhixun-bench tokenize CORPUS.jsonl QUERIES.jsonl OUT_DIR
///                                                   → our analysis as whitespace tokens, for peers
///     zhixun-bench ingest  FOLDER                         → JSON: documents/s and MB/s, parse and parse+store
///     zhixun-bench explain OUT_DIR TEXT                    → per-term df, idf, upper bound; top-10 scores
///
/// Each mode runs in its own process so memory figures are not mixed (the driver is Scripts/bench.sh).
@main
struct BenchCommand {
    static func main() throws {
        let args = Array(CommandLine.arguments.dropFirst())
        guard let mode = args.first else { usage() }
        switch mode {
        case "build" where args.count >= 3:
            var parameters = ScoringParameters.default
            if let k1 = option("--k1", in: args).flatMap(Double.init) { parameters.k1 = k1 }
            if let b = option("--b", in: args).flatMap(Double.init) { parameters.b = Array(repeating: b, count: IndexField.count) }
            let singleField = args.contains("--single-field")
            if singleField { parameters.weights = Array(repeating: 1, count: IndexField.count) }
            let rounds = option("--rounds", in: args).flatMap { Int($0) } ?? 1
            try BuildBenchmark.run(corpus: args[1], output: args[2], singleField: singleField, parameters: parameters,
                                   rounds: rounds)
        case "query" where args.count >= 3:
            let repeatCount = option("--repeat", in: args).flatMap { Int($0) } ?? 1
            try QueryBenchmark.run(index: args[1], queries: args[2], repeatCount: repeatCount,
                                   distinctTerms: args.contains("--distinct"), topFile: option("--top", in: args),
                                   checkExhaustive: args.contains("--check-exhaustive"))
        case "tokenize" where args.count == 4:
            try TokenDump.run(corpus: args[1], queries: args[2], output: args[3])
        case "ingest" where args.count == 2:
            try IngestBenchmark.run(folder: args[1])
        case "explain" where args.count == 3:
            try ExplainQuery.run(index: args[1], text: args[2])
        default:
            usage()
        }
    }

    static func usage() -> Never {
        FileHandle.standardError.write(Data("""
        usage: zhixun-bench build CORPUS.jsonl OUT_DIR [--single-field] [--k1 X --b Y] [--rounds N]
               zhixun-bench query OUT_DIR QUERIES.jsonl [--repeat N] [--distinct] [--top FILE] [--check-exhaustive]
               zhixun-bench tokenize CORPUS.jsonl QUERIES.jsonl OUT_DIR
               zhixun-bench explain OUT_DIR TEXT
               zhixun-bench ingest FOLDER

        """.utf8))
        exit(2)
    }
}

/// The value after `name` in `args`, if any.
func option(_ name: String, in args: [String]) -> String? {
    guard let i = args.firstIndex(of: name), i + 1 < args.count else { return nil }
    return args[i + 1]
}

/// Memory figures from /proc/self/status, in bytes.
enum ProcessMemory {
    static func value(_ key: String) -> Int {
        guard let text = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
        for line in text.split(separator: "\n") where line.hasPrefix(key + ":") {
            // "VmHWM:\t  123456 kB" (the padding shrinks as numbers grow)
            let digits = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).dropFirst().first.flatMap { Int($0) } ?? 0
            return digits * 1024
        }
        return 0
    }

    static var residentBytes: Int { value("VmRSS") }
    static var peakResidentBytes: Int { value("VmHWM") }
}

/// Prints a JSON object to standard output.
func emit(_ object: [String: Any]) {
    let data = try! JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .prettyPrinted])
    FileHandle.standardOutput.write(data)
    FileHandle.standardOutput.write(Data("\n".utf8))
}

func now() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
}
