import ArgumentParser
import Foundation
import ZhixunEngine
import ZhixunIndex

/// What a rebuild reports.
struct RebuildSummary: Encodable {
    let generation: String
    let passages: Int
    let terms: Int
    let indexBytes: Int
    let inputBytes: Int
    let seconds: Double
}

struct RebuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rebuild",
        abstract: "Build a new index generation from the knowledge store and switch to it.",
        discussion: """
        The new generation is written beside the current one and made current by an atomic rename
        of the CURRENT pointer; if the rebuild fails or is interrupted, the previous generation stays
        current. The newest three generations are kept. Progress is shown on a terminal.
        """)

    @OptionGroup var common: CommonOptions

    @Option(name: .long, help: "BM25 k1 (term-frequency saturation).")
    var k1: Double = ScoringParameters.default.k1

    @Option(name: .long, help: "BM25 b (length normalization): one value for every field, or title,alias,body,tags.")
    var b: String = ScoringParameters.default.b.map { String($0) }.joined(separator: ",")

    @Option(name: .long, help: "Field weights title,alias,body,tags (FAQ: question, similar, answer, tags).")
    var fieldWeights: String = ScoringParameters.default.weights.map { String($0) }.joined(separator: ",")

    func run() throws {
        try Output.guarded(json: common.json) {
            let weights = fieldWeights.split(separator: ",").compactMap { Double($0.trimmingCharacters(in: .whitespaces)) }
            var bs = b.split(separator: ",").compactMap { Double($0.trimmingCharacters(in: .whitespaces)) }
            if bs.count == 1 { bs = Array(repeating: bs[0], count: IndexField.count) }
            let parameters = ScoringParameters(k1: k1, b: bs, weights: weights)
            try parameters.validate()
            let engine = try common.engine(parameters: parameters)
            let summary = try Self.rebuild(engine, showProgress: !common.json && Output.stderrIsTerminal)
            if common.json { Output.json(summary) } else { Self.printSummary(summary) }
        }
    }

    static func rebuild(_ engine: ZhixunEngine, showProgress: Bool) throws -> RebuildSummary {
        let start = Date()
        let manifest = try engine.rebuild { p in
            guard showProgress else { return }
            let mb = Double(p.inputBytes) / 1_048_576
            let rate = p.seconds > 0 ? mb / p.seconds : 0
            Output.progress(String(format: "%@: %d passages, %.1f MB, %.1f MB/s", p.phase, p.passages, mb, rate))
        }
        if showProgress { Output.progress("") }
        return RebuildSummary(
            generation: manifest.generation, passages: manifest.passageCount, terms: manifest.termCount,
            indexBytes: manifest.files.values.reduce(0) { $0 + $1.bytes }, inputBytes: manifest.inputBytes,
            seconds: Date().timeIntervalSince(start))
    }

    static func printSummary(_ s: RebuildSummary) {
        Output.line(String(format: "generation %@: %d passages, %d terms, %.2f MB index, built in %.2f s",
                           s.generation, s.passages, s.terms, Double(s.indexBytes) / 1_048_576, s.seconds))
    }
}
