import Foundation
import Testing
@testable import ZhixunEngine

/// The shipped Corpus and the real tax laws beside the clone, end to end through the engine.
@Suite(.serialized) struct PolicyCorpusTests {
    typealias S = EngineTestSupport
    static let taxLaw = URL(fileURLWithPath: S.repository).deletingLastPathComponent()
        .appendingPathComponent("shared/corpora/tax-law").path

    @Test func corpusAndTaxLawIngestWithoutFailuresAndTheNewInvoiceMeasuresWin() throws {
        let data = S.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: data) }
        let engine = try ZhixunEngine(dataDirectory: data)
        let report = try engine.ingest(paths: [S.repository + "/Corpus", Self.taxLaw])
        #expect(report.errorCount == 0, "\(report.files.flatMap(\.errors))")
        #expect(report.files.filter { $0.file.hasSuffix(".md") }.count >= 43)
        try engine.rebuild()

        let top3 = try engine.search("发票丢失怎么办", options: SearchOptions(limit: 3))
        let article = try #require(top3.first { $0.doc == "发票管理办法(2023-07-20)" })
        #expect(article.heading.hasSuffix("第三十四条"))
        #expect(article.status == "current")
        #expect(article.version == "2023-07-20")
        let all = try engine.search("发票丢失怎么办", options: SearchOptions(limit: 50))
        #expect(!all.contains { $0.doc == "发票管理办法(2019-03-02)" })
        let withOld = try engine.search("发票丢失怎么办", options: SearchOptions(limit: 10, includeSuperseded: true))
        let old = try #require(withOld.first { $0.doc == "发票管理办法(2019-03-02)" })
        #expect(old.status == "superseded")
    }

    @Test func oversizedFilesAreRefusedWithoutReadingThem() throws {
        let data = S.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: data) }
        // A sparse 200 MB file: refused by size before any byte is read.
        let big = data + "/huge.html"
        FileManager.default.createFile(atPath: big, contents: nil)
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: big))
        try handle.truncate(atOffset: 200 << 20)
        try handle.close()
        let engine = try ZhixunEngine(dataDirectory: data)
        let report = try engine.ingest(paths: [big, S.repository + "/Corpus/faq/vat.jsonl"])
        let hugeResult = try #require(report.files.first { $0.file == big })
        #expect(hugeResult.errors.first?.contains("limit") == true)
        #expect(report.documents > 0)
        #expect(report.failed)
    }

    @Test func badFilesFailAloneAndGoodFilesAreKept() throws {
        let data = S.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: data) }
        let engine = try ZhixunEngine(dataDirectory: data)
        let report = try engine.ingest(paths: [S.fixtures + "/ingest/bad"])
        let byName = Dictionary(uniqueKeysWithValues: report.files.map { (($0.file as NSString).lastPathComponent, $0) })
        for failing in ["binary.html", "empty.html", "empty.xml", "empty.md", "empty.csv", "whitespace.md",
                        "invalid-utf8.md", "invalid-utf8.jsonl", "billion-laughs.xml", "truncated.xml"] {
            #expect(byName[failing]?.errors.isEmpty == false, "\(failing) should report an error")
            #expect(byName[failing]?.documents == 0)
        }
        for good in ["utf16-bom.md", "utf16be-bom.txt", "utf8-bom.md", "malformed.html"] {
            #expect(byName[good]?.errors.isEmpty == true, "\(good): \(byName[good]?.errors ?? [])")
            #expect(byName[good]?.documents == 1)
        }
        #expect(byName["README.md"] == nil, "README files in folders are not knowledge")
        try engine.rebuild()
        let everything = try engine.store.currentDocuments().map { $0.document.body + $0.document.title }.joined()
        #expect(!everything.contains("root:"))
    }
}
