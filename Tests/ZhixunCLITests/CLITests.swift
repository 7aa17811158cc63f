import Foundation
import Testing

/// End-to-end tests of the built `zhixun` binary: real processes, real files, exit codes.
@Suite(.serialized) struct CLITests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().path

    /// The binary sits beside the test bundle in the build products folder.
    static let binary: String = {
        var dir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = dir.appendingPathComponent("zhixun").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            dir = dir.deletingLastPathComponent()
        }
        return repository + "/.build/debug/zhixun"
    }()

    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static func run(_ args: [String], stdin: String? = nil) throws -> Run {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = args
        process.currentDirectoryURL = URL(fileURLWithPath: repository)
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                   stderr: String(decoding: errData, as: UTF8.self))
    }

    static func temporaryDirectory() -> String {
        let path = NSTemporaryDirectory() + "zhixun-cli-\(UUID().uuidString)"
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    @Test func analyzePrintsOneTokenPerLine() throws {
        let r = try Self.run(["analyze", "如何查詢繳稅記錄"])
        #expect(r.status == 0)
        #expect(r.stdout.split(separator: "\n") == ["如何", "何查", "查询", "询缴", "缴税", "税记", "记录"])
    }

    @Test func ingestRebuildSearchAndBatch() throws {
        let data = Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: data) }
        let ingest = try Self.run(["ingest", "Corpus", "--rebuild", "--data", data, "--json"])
        #expect(ingest.status == 0, "\(ingest.stderr)")
        let report = try JSONSerialization.jsonObject(with: Data(ingest.stdout.utf8)) as? [String: Any]
        let rebuild = try #require(report?["rebuild"] as? [String: Any])
        #expect((rebuild["passages"] as? Int ?? 0) > 150)

        let search = try Self.run(["search", "数电发票怎么红冲", "--limit", "3", "--json", "--data", data])
        #expect(search.status == 0)
        let results = try #require(try JSONSerialization.jsonObject(with: Data(search.stdout.utf8)) as? [[String: Any]])
        #expect(results.count == 3)
        for key in ["id", "doc", "score", "kind", "title", "heading", "text"] {
            #expect(results[0][key] != nil, "missing \(key)")
        }
        #expect((results[0]["title"] as? String ?? "").contains("红冲"))

        let batchFile = data + "/queries.jsonl"
        try """
        {"qid":"q1","query":"忘记密码怎么办"}
        {"qid":"q2","query":"个税汇算"}
        not json
        {"qid":3,"query":"12366"}
        """.write(toFile: batchFile, atomically: true, encoding: .utf8)
        let batch = try Self.run(["search", "--batch", batchFile, "--limit", "2", "--data", data])
        #expect(batch.status == 1)
        #expect(batch.stderr.contains("queries.jsonl:3:"))
        let lines = batch.stdout.split(separator: "\n")
        #expect(lines.count == 3)
        let first = try #require(try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any])
        #expect(first["qid"] as? String == "q1")
        #expect((first["results"] as? [[String: Any]])?.count == 2)
        let third = try #require(try JSONSerialization.jsonObject(with: Data(lines[2].utf8)) as? [String: Any])
        #expect(third["qid"] as? String == "3")

        let stats = try Self.run(["stats", "--json", "--data", data])
        #expect(stats.status == 0)
        #expect(stats.stdout.contains("\"generation\""))
    }

    @Test func errorsAreClearAndExitNonZero() throws {
        let missing = try Self.run(["search", "发票", "--data", "/nonexistent/zhixun"])
        #expect(missing.status != 0)
        #expect(missing.stderr.contains("does not exist"))

        let unknown = try Self.run(["search", "发票", "--no-such-option"])
        #expect(unknown.status != 0)
        #expect(unknown.stderr.contains("no-such-option"))

        let data = Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: data) }
        let unreadable = try Self.run(["ingest", data + "/missing.jsonl", "--data", data])
        #expect(unreadable.status == 1)
        #expect(unreadable.stderr.contains("no such file"))

        let noIndex = try Self.run(["search", "发票", "--data", data, "--json"])
        #expect(noIndex.status == 1)
        #expect(noIndex.stdout.contains("\"no_index\""))

        let tooLong = try Self.run(["search", String(repeating: "税", count: 300), "--data", data])
        #expect(tooLong.status == 1)
    }

    @Test func helpTeaches() throws {
        let help = try Self.run(["search", "--help"])
        #expect(help.status == 0)
        #expect(help.stdout.contains("--batch"))
        #expect(help.stdout.contains("line number"))
    }
}
