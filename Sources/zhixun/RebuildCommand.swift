import ArgumentParser
import Foundation
import ZhixunEngine

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

    func run() throws {
        try Output.guarded(json: common.json) {
            let engine = try common.engine()
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
