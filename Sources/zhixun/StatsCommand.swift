import ArgumentParser
import Foundation
import ZhixunEngine

struct StatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Facts about the current index generation and the knowledge store.")

    @OptionGroup var common: CommonOptions

    func run() throws {
        try Output.guarded(json: common.json) {
            let s = try common.engine().stats()
            if common.json { Output.json(s); return }
            Output.line("generation   \(s.generation) (created \(s.createdAt))")
            Output.line("passages     \(s.passages)")
            Output.line("terms        \(s.terms)")
            Output.line("postings     \(s.postings)")
            Output.line(String(format: "index size   %.2f MB", Double(s.indexBytes) / 1_048_576))
            Output.line(String(format: "input text   %.2f MB", Double(s.inputBytes) / 1_048_576))
            Output.line("documents    \(s.documents) (\(s.withdrawn) withdrawn)")
            Output.line("generations  \(s.generations.joined(separator: ", "))")
            let lengths = s.averageFieldLengths.sorted { $0.key < $1.key }
                .map { String(format: "%@ %.1f", $0.key, $0.value) }.joined(separator: ", ")
            Output.line("avg tokens   \(lengths)")
        }
    }
}
