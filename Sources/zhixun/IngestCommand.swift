import ArgumentParser
import Foundation
import ZhixunEngine

struct IngestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest",
        abstract: "Parse files or folders into the knowledge store.",
        discussion: """
        Folders are read recursively; files of unknown types in them are listed as skipped.
        Formats: bulk JSONL (.jsonl, one FAQ entry or policy document per line, see DESIGN.md),
        .json (one object or an array), HTML (.html, .htm), XML (.xml: the <knowledge> exchange form,
        or any XML as text), Markdown and plain text (.md, .txt, with optional --- front matter),
        and FAQ tables (.csv with a header row: question, similar, answer, category, tags, region).
        Encodings: UTF-8 (with or without BOM), UTF-16 with BOM, GB18030/GBK (declared or detected).
        Folder walks skip hidden files, README files and synonyms.txt. Files over 64 MB are refused.
        Each file is stored in one transaction. An invalid JSONL line is reported with its line
        number and skipped; the file's other lines are kept, and the exit status is 1.
        Re-ingesting an id stores a new version; identical content is a no-op.
        """)

    @OptionGroup var common: CommonOptions

    @Flag(name: .long, help: "Also rebuild the index and make it current.")
    var rebuild = false

    @Option(name: .long, help: "Who is ingesting (recorded with the ingest run; default: $USER).")
    var editor: String = ProcessInfo.processInfo.environment["USER"] ?? ""

    @Argument(help: "Files or folders to ingest.")
    var paths: [String]

    func run() throws {
        var failed = false
        try Output.guarded(json: common.json) {
            let engine = try common.engine(create: true)
            let showProgress = !common.json && Output.stderrIsTerminal
            let report = try engine.ingest(paths: paths, editor: editor) { file in
                if showProgress { Output.progress("ingesting \(file)") }
            }
            if showProgress { Output.progress("") }
            failed = report.failed
            var rebuilt: RebuildSummary?
            if rebuild {
                rebuilt = try RebuildCommand.rebuild(engine, showProgress: showProgress)
            }
            if common.json {
                struct Result: Encodable { let ingest: IngestReport; let rebuild: RebuildSummary? }
                Output.json(Result(ingest: report, rebuild: rebuilt))
            } else {
                for file in report.files {
                    let status = file.errors.isEmpty ? "ok" : "\(file.errors.count) error(s)"
                    Output.line("\(file.file): \(file.documents) documents (\(file.added) added, \(file.updated) updated, \(file.unchanged) unchanged), \(status)")
                    for e in file.errors { Output.error("  error: \(e)") }
                    for w in file.warnings { Output.error("  warning: \(w)") }
                }
                if !report.skipped.isEmpty { Output.line("skipped \(report.skipped.count) file(s) of unsupported types") }
                Output.line("ingested \(report.documents) documents from \(report.files.count) files, \(report.errorCount) error(s)")
                if let r = rebuilt { RebuildCommand.printSummary(r) }
            }
        }
        if failed { throw ExitCode.failure }
    }
}
