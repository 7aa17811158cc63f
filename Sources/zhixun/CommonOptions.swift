import ArgumentParser
import Foundation
import ZhixunEngine
import ZhixunIndex

/// Options every command takes.
struct CommonOptions: ParsableArguments {
    @Option(name: .long, help: "Data directory holding the knowledge store and index generations.")
    var data: String = "Indexes"

    @Flag(name: .long, help: "Write machine-readable JSON to standard output.")
    var json = false

    /// Opens the engine; `create` allows a data directory that does not exist yet.
    func engine(create: Bool = false, parameters: ScoringParameters = .default) throws -> ZhixunEngine {
        var isDirectory: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: data, isDirectory: &isDirectory)
        if exists && !isDirectory.boolValue {
            throw CLIError("data directory '\(data)' is a file, not a folder")
        }
        if !exists && !create {
            throw CLIError("data directory '\(data)' does not exist; create it with `zhixun ingest Corpus --rebuild --data \(data)`")
        }
        return try ZhixunEngine(dataDirectory: data, parameters: parameters)
    }
}

/// An error the CLI reports as is.
struct CLIError: Error, CustomStringConvertible {
    let description: String
    init(_ message: String) { description = message }
}

/// Output helpers: JSON to stdout, messages and progress to stderr.
enum Output {
    static func json<T: Encodable>(_ value: T, pretty: Bool = true) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty ? [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        if let data = try? encoder.encode(value) {
            FileHandle.standardOutput.write(data)
            FileHandle.standardOutput.write(Data("\n".utf8))
        }
    }

    static func line(_ text: String) {
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }

    static func error(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    /// Whether standard error is a terminal (progress is shown only then).
    static var stderrIsTerminal: Bool { isatty(2) == 1 }

    static func progress(_ text: String) {
        FileHandle.standardError.write(Data(("\r\u{1B}[K" + text).utf8))
    }

    /// Runs `body`, turning errors into a message (and a JSON error object with `--json`) and exit code 1.
    static func guarded(json: Bool, _ body: () throws -> Void) throws {
        do {
            try body()
        } catch let error as ExitCode {
            throw error
        } catch {
            let code = (error as? EngineError)?.code ?? "error"
            if json {
                struct Failure: Encodable { let error: Detail; struct Detail: Encodable { let code: String; let message: String } }
                Output.json(Failure(error: .init(code: code, message: "\(error)")))
            }
            Output.error("error: \(error)")
            throw ExitCode.failure
        }
    }
}
