import ArgumentParser
import Foundation
import ZhixunEngine

struct EvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Retrieval and hand-over metrics of a labelled question set against the current index.",
        discussion: """
        The set is JSONL, one {"qid","query","relevant":[ids…]} per line; ids are passage ids
        (doc#n) or document ids, and an empty "relevant" marks an out-of-scope question. Every question
        goes through the same path as the answer API (analysis, filler, filters, current versions,
        confidence). Reports MRR@10, Success@1, Recall@5/@10, nDCG@10, the hand-over rate on
        out-of-scope questions and the false hand-over rate on answerable ones, per-type metrics,
        and the misses with what came first instead.
        --min-mrr / --min-success1 make the exit status 1 below a floor (for CI).
        """)

    @OptionGroup var common: CommonOptions

    @Option(name: .long, help: "The labelled questions (JSONL).")
    var queries: String

    @Option(name: .long, help: "Fail (exit 1) when MRR@10 is below this.")
    var minMrr: Double?

    @Option(name: .long, help: "Fail (exit 1) when Success@1 is below this.")
    var minSuccess1: Double?

    @Option(name: .long, help: "Write per-question confidence features (JSONL) here, for calibration.")
    var dumpFeatures: String?

    @Option(name: .long, help: "How many misses to list (text output).")
    var showMisses = 20

    @Option(name: .long, help: "Weight of synonym expansion terms, to measure it (0 turns expansion off).")
    var synonymWeight: Double = 0.15

    @Option(name: .long, help: "Share of passages below which a query term weighs no more (0 turns the cap off), to measure it.")
    var rareTermShare: Double = RareTermCap.default.passageShare

    @Option(name: .long, help: "Score multiplier for an answer about another tax than the question names (1 turns it off), to measure it.")
    var taxMismatch: Double = ZhixunEngine.defaultTaxMismatchFactor

    @Option(name: .long, help: "Score multiplier for a passage stating no penalty when the question asks about one (1 turns it off), to measure it.")
    var penaltyMismatch: Double = ZhixunEngine.defaultPenaltyMismatchFactor

    @Option(name: .long, help: "Score multiplier for a passage stating no time limit when the question asks for one (1 turns it off), to measure it.")
    var deadlineMismatch: Double = ZhixunEngine.defaultDeadlineMismatchFactor

    @Option(name: .long, help: "Score multiplier for a passage stating no rate when the question asks for one (1 turns it off), to measure it.")
    var rateMismatch: Double = ZhixunEngine.defaultRateMismatchFactor

    @Option(name: .long, help: "Score multiplier for a regional answer to a question naming no region (1 turns it off), to measure it.")
    var regionMismatch: Double = ZhixunEngine.defaultRegionMismatchFactor

    func validate() throws {
        let factors = [("--rate-mismatch", rateMismatch), ("--deadline-mismatch", deadlineMismatch), ("--penalty-mismatch", penaltyMismatch),
                       ("--tax-mismatch", taxMismatch), ("--region-mismatch", regionMismatch)]
        for (flag, value) in factors {
            guard (0...1).contains(value) else {
                throw ValidationError("\(flag) must be between 0 and 1 (a score multiplier), got \(value)")
            }
        }
        guard (0..<1).contains(rareTermShare) else {
            throw ValidationError("--rare-term-share must be at least 0 and below 1 (a share of the passages), got \(rareTermShare)")
        }
    }

    func run() throws {
        var failed = false
        try Output.guarded(json: common.json) {
            guard FileManager.default.fileExists(atPath: common.data) else {
                throw CLIError("data directory '\(common.data)' does not exist")
            }
            let engine = try ZhixunEngine(dataDirectory: common.data, synonymWeight: synonymWeight,
                                          rareTermCap: RareTermCap(passageShare: rareTermShare), taxMismatchFactor: taxMismatch,
                                          penaltyMismatchFactor: penaltyMismatch,
                                          deadlineMismatchFactor: deadlineMismatch,
                                          rateMismatchFactor: rateMismatch, regionMismatchFactor: regionMismatch)
            let set = try ZhixunEngine.loadEvaluationSet(queries)
            var rows: [EvaluationFeatureRow] = []
            let report = try engine.evaluate(set) { rows.append($0) }
            if let path = dumpFeatures {
                let encoder = JSONEncoder()
                let lines = try rows.map { String(decoding: try encoder.encode($0), as: UTF8.self) }
                try (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
            }
            if common.json {
                Output.json(report)
            } else {
                Output.line(String(format: "%d questions (%d answerable, %d out of scope)", report.queries, report.answerable, report.outOfScope))
                Output.line(String(format: "MRR@10 %.3f   Success@1 %.3f   Recall@5 %.3f   Recall@10 %.3f   nDCG@10 %.3f",
                                   report.mrrAt10, report.successAt1, report.recallAt5, report.recallAt10, report.ndcgAt10))
                Output.line(String(format: "hand-over: %.1f%% of out-of-scope, %.1f%% of answerable (false)",
                                   report.outOfScopeHandoffRate * 100, report.falseHandoffRate * 100))
                for (type, m) in report.byType.sorted(by: { $0.key < $1.key }) {
                    Output.line(String(format: "  %-14@ %4d  MRR@10 %.3f  S@1 %.3f", type, m.queries, m.mrrAt10, m.successAt1))
                }
                for miss in report.misses.prefix(showMisses) {
                    let rank = miss.rank.map { "rank \($0)" } ?? "not in top 10"
                    Output.line("miss \(miss.qid) \(miss.query) → \(miss.got ?? "-") [\(miss.gotTitle ?? "")], wanted \(miss.expected.joined(separator: ",")) (\(rank))")
                }
                for miss in report.unflaggedOutOfScope.prefix(showMisses) {
                    Output.line(String(format: "answered out-of-scope %@ %@ → %@ (confidence %.2f)", miss.qid, miss.query, miss.got ?? "-", miss.confidence))
                }
            }
            if let floor = minMrr, report.mrrAt10 < floor { failed = true; Output.error("MRR@10 \(report.mrrAt10) is below \(floor)") }
            if let floor = minSuccess1, report.successAt1 < floor { failed = true; Output.error("Success@1 \(report.successAt1) is below \(floor)") }
        }
        if failed { throw ExitCode.failure }
    }
}
