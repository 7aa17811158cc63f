import ArgumentParser
import ZhixunEngine

struct DocumentsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "documents",
        abstract: "List the documents of the knowledge store with their status and versions.")

    @OptionGroup var common: CommonOptions

    func run() throws {
        try Output.guarded(json: common.json) {
            let docs = try common.engine().documentSummaries()
            if common.json { Output.json(docs); return }
            for d in docs {
                Output.line("\(d.id)\t\(d.kind)\t\(d.status)\tv\(d.versions)\t\(d.title)")
            }
            Output.line("\(docs.count) documents")
        }
    }
}

struct WithdrawCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "withdraw",
        abstract: "Mark a document withdrawn: kept in the store, never served after the next rebuild.")

    @OptionGroup var common: CommonOptions

    @Flag(name: .long, help: "Also rebuild the index and make it current.")
    var rebuild = false

    @Argument(help: "The document id.")
    var id: String

    func run() throws {
        try Output.guarded(json: common.json) {
            let engine = try common.engine()
            try engine.withdraw(id: id)
            var summary: RebuildSummary?
            if rebuild { summary = try RebuildCommand.rebuild(engine, showProgress: false) }
            if common.json {
                struct Result: Encodable { let withdrawn: String; let rebuild: RebuildSummary? }
                Output.json(Result(withdrawn: id, rebuild: summary))
            } else {
                Output.line("withdrew \(id)")
                if let summary { RebuildCommand.printSummary(summary) }
            }
        }
    }
}
