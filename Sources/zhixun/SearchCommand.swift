import ArgumentParser
import Foundation
import ZhixunEngine

struct SearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Ranked passages for TEXT, or for every query of a JSONL batch.",
        discussion: """
        Examples:
          zhixun search 发票丢失怎么办 --limit 5
          zhixun search 红冲 --kind faq --json
          zhixun search --batch queries.jsonl > results.jsonl
        A batch file has one JSON object per line, {"qid": "…", "query": "…"}; each query writes one
        line {"qid": "…", "results": [{"id", "doc", "score", "kind", "title", "heading", "text", …}]}.
        An invalid batch line is reported on standard error with its line number and skipped; the
        other queries still run, and the exit status is 1.
        Superseded and repealed documents are left out unless --include-superseded is given.
        """)

    @OptionGroup var common: CommonOptions

    @Option(name: .long, help: "Number of results (1–100).")
    var limit = 10

    @Option(name: .long, help: "Only this kind: faq or policy (repeatable).")
    var kind: [String] = []

    @Option(name: .long, help: "Only this category (repeatable).")
    var category: [String] = []

    @Option(name: .long, help: "Only this region (nationwide 全国 knowledge is always included).")
    var region: [String] = []

    @Flag(name: .long, help: "Also return superseded and repealed documents.")
    var includeSuperseded = false

    @Option(name: .long, help: "Read queries from a JSONL file instead of TEXT.")
    var batch: String?

    @Argument(help: "The question or keywords.")
    var text: [String] = []

    func validate() throws {
        if batch == nil && text.isEmpty { throw ValidationError("give TEXT to search for, or --batch FILE") }
        if batch != nil && !text.isEmpty { throw ValidationError("give either TEXT or --batch FILE, not both") }
        for k in kind where k != "faq" && k != "policy" {
            throw ValidationError("--kind must be faq or policy, got '\(k)'")
        }
    }

    var options: SearchOptions {
        SearchOptions(limit: limit, kinds: kind.isEmpty ? nil : kind, categories: category.isEmpty ? nil : category,
                      regions: region.isEmpty ? nil : region, includeSuperseded: includeSuperseded)
    }

    func run() throws {
        var failed = false
        try Output.guarded(json: common.json) {
            let engine = try common.engine()
            if let batch {
                failed = try runBatch(engine, file: batch)
                return
            }
            let results = try engine.search(text.joined(separator: " "), options: options)
            if common.json {
                Output.json(results)
            } else if results.isEmpty {
                Output.line("no results")
            } else {
                for (i, r) in results.enumerated() { Self.print(rank: i + 1, r) }
            }
        }
        if failed { throw ExitCode.failure }
    }

    static func print(rank: Int, _ r: SearchResult) {
        var header = String(format: "%2d. %.4f  [%@] %@", rank, r.score, r.kind, r.title)
        if let status = r.status, status != "current" { header += " (\(status))" }
        Output.line(header)
        var source = r.id
        if !r.heading.isEmpty { source += "  " + r.heading }
        if let v = r.version { source += "  " + v }
        Output.line("    " + source)
        let snippet = r.text.replacingOccurrences(of: "\n", with: " ")
        Output.line("    " + (snippet.count > 120 ? String(snippet.prefix(120)) + "…" : snippet))
    }

    /// Runs a JSONL batch; returns whether any line failed.
    private func runBatch(_ engine: ZhixunEngine, file: String) throws -> Bool {
        guard let data = FileManager.default.contents(atPath: file) else {
            throw CLIError("cannot read batch file '\(file)'")
        }
        struct Line: Decodable { let qid: String; let query: String }
        struct QueryIDOnly: Decodable { let qid: Int }
        struct Out: Encodable { let qid: String; let results: [SearchResult] }
        var failed = false
        let decoder = JSONDecoder()
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var out = Data()
        for (n, raw) in data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).enumerated() {
            if raw.allSatisfy({ $0 == 0x20 || $0 == 0x0D || $0 == 0x09 }) { continue }
            do {
                let line: Line
                if let l = try? decoder.decode(Line.self, from: Data(raw)) {
                    line = l
                } else if let object = try? JSONSerialization.jsonObject(with: Data(raw)) as? [String: Any],
                          let qid = object["qid"] as? NSNumber, let q = object["query"] as? String {
                    line = Line(qid: qid.stringValue, query: q)
                } else {
                    throw CLIError("expected an object {\"qid\": …, \"query\": \"…\"}")
                }
                let results = try engine.search(line.query, options: options)
                out.append(try encoder.encode(Out(qid: line.qid, results: results)))
                out.append(UInt8(ascii: "\n"))
                if out.count > 1 << 20 {
                    FileHandle.standardOutput.write(out)
                    out.removeAll(keepingCapacity: true)
                }
            } catch {
                failed = true
                Output.error("\(file):\(n + 1): \(error)")
            }
        }
        FileHandle.standardOutput.write(out)
        return failed
    }
}
