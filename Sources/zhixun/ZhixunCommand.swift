import ArgumentParser

/// `zhixun`: the operator's and editor's command line over the engine.
@main
struct ZhixunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "zhixun",
        abstract: "Zhixun (智询): knowledge base and retrieval engine for tax and e-invoice consultation.",
        discussion: """
        Typical first run:
          zhixun ingest Corpus --rebuild     # parse the knowledge base and build an index
          zhixun search 数电发票怎么红冲       # ranked passages
        Every command reads and writes the data directory given by --data (default: Indexes):
        the knowledge store kb.sqlite and the index generations. Add --json for machine-readable output.
        """,
        subcommands: [
            AnalyzeCommand.self, IngestCommand.self, RebuildCommand.self, SearchCommand.self,
            AnswerCommand.self, EvalCommand.self, ServeCommand.self, StatsCommand.self, DocumentsCommand.self,
            WithdrawCommand.self,
        ]
    )
}
