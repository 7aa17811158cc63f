import ArgumentParser
import ZhixunEngine

struct AnswerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "answer",
        abstract: "The answer response for a question: best passage, confidence, alternatives, hand-over.",
        discussion: """
        Example: zhixun answer 数电发票怎么红冲 --json
        When confidence is under the threshold (or nothing matches), the response suggests handing
        the conversation over to a person.
        """)

    @OptionGroup var common: CommonOptions

    @Option(name: .long, help: "Only this region (nationwide 全国 knowledge is always included).")
    var region: [String] = []

    @Argument(help: "The question.")
    var text: [String]

    func run() throws {
        try Output.guarded(json: common.json) {
            let answer = try common.engine().answer(
                text.joined(separator: " "), options: SearchOptions(limit: 4, regions: region.isEmpty ? nil : region))
            if common.json { Output.json(answer); return }
            if let best = answer.answer {
                SearchCommand.print(rank: 1, best)
            } else {
                Output.line("no matching knowledge")
            }
            Output.line(String(format: "confidence %.2f%@", answer.confidence,
                               answer.handoff.suggested ? " — hand over to a person (\(answer.handoff.reason ?? ""))" : ""))
            for (i, alt) in answer.alternatives.enumerated() { SearchCommand.print(rank: i + 2, alt) }
        }
    }
}
