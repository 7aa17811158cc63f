import ArgumentParser
import ZhixunText

struct AnalyzeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "analyze",
        abstract: "Print the tokens of TEXT, one per line, as indexing and querying see them.",
        discussion: """
        Text is normalized (NFKC width folding, lowercase, traditional → simplified) and split into
        overlapping CJK bigrams, lone CJK characters, and Latin/digit words:
          zhixun analyze 如何查詢繳稅記錄   →  如何 何查 查询 询缴 缴税 税记 记录
        """)

    @OptionGroup var common: CommonOptions

    @Argument(help: "The text to analyze.")
    var text: [String]

    func run() throws {
        try Output.guarded(json: common.json) {
            let analyzer = try Analyzer.standard()
            let tokens = analyzer.tokens(text.joined(separator: " "))
            if common.json {
                struct Row: Encodable { let token: String; let position: UInt32; let term: String }
                Output.json(tokens.map { Row(token: $0.text, position: $0.position, term: String($0.term.rawValue, radix: 16)) })
            } else {
                for t in tokens { Output.line(t.text) }
            }
        }
    }
}
