import Foundation
import Testing
@testable import ZhixunEngine

@Suite struct EngineTests {
    typealias S = EngineTestSupport

    @Test func badLinesAreReportedWithLineNumbersAndGoodLinesKept() throws {
        let data = S.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: data) }
        let engine = try ZhixunEngine(dataDirectory: data)
        let report = try engine.ingest(paths: [S.fixtures + "/jsonl/mixed.jsonl"])
        #expect(report.documents == 4)
        let errors = report.files[0].errors
        #expect(errors.count == 4)
        #expect(errors.contains { $0.contains("mixed.jsonl:3:") && $0.contains("malformed JSON") })
        #expect(errors.contains { $0.contains("mixed.jsonl:4:") && $0.contains("question") })
        #expect(errors.contains { $0.contains("mixed.jsonl:5:") })
        #expect(errors.contains { $0.contains("mixed.jsonl:6:") && $0.contains("memo") })
        #expect(report.failed)
    }

    @Test func invalidEncodingAndMissingFilesAreClearErrors() throws {
        let data = S.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: data) }
        let engine = try ZhixunEngine(dataDirectory: data)
        let report = try engine.ingest(paths: [S.fixtures + "/jsonl/binary.jsonl", data + "/nope.jsonl"])
        #expect(report.documents == 0)
        #expect(report.files.allSatisfy { !$0.errors.isEmpty })
        #expect(report.files.contains { $0.errors.contains { $0.contains("no such file") } })
    }

    @Test func oversizedFilesAreRefusedAndOthersKept() throws {
        let data = S.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: data) }
        let engine = try ZhixunEngine(dataDirectory: data, maxFileBytes: 1000)
        let report = try engine.ingest(paths: [S.fixtures + "/jsonl/mixed.jsonl", S.repository + "/Corpus/faq/vat.jsonl"])
        #expect(report.files.allSatisfy { $0.errors.contains { $0.contains("limit") } })
        #expect(try engine.store.documentSummaries().isEmpty)
    }

    @Test func searchReturnsTheDocumentedFieldsAndHidesSupersededVersions() throws {
        let data = S.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: data) }
        let engine = try ZhixunEngine(dataDirectory: data)
        _ = try engine.ingest(paths: [S.fixtures + "/jsonl/mixed.jsonl"])
        try engine.rebuild()
        let results = try engine.search("发票丢失怎么办")
        #expect(results.first?.doc == "policy-new")
        #expect(!results.contains { $0.doc == "policy-old" })
        let top = try #require(results.first)
        #expect(top.id == "policy-new#1")
        #expect(top.kind == "policy")
        #expect(top.title == "发票管理说明")
        #expect(top.heading == "第一章 总则 › 第一条")
        #expect(top.text.contains("（一）使用单位应当报告"))
        #expect(top.version == "2023-07-20")
        #expect(top.status == "current")
        let all = try engine.search("发票丢失怎么办", options: SearchOptions(includeSuperseded: true))
        let old = try #require(all.first { $0.doc == "policy-old" })
        #expect(old.status == "superseded")
    }

    @Test func filtersByKindAndRegion() throws {
        let data = S.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: data) }
        let engine = try ZhixunEngine(dataDirectory: data)
        _ = try engine.ingest(paths: [S.repository + "/Corpus"])
        try engine.rebuild()
        let faqs = try engine.search("发票", options: SearchOptions(limit: 20, kinds: ["faq"]))
        #expect(faqs.count == 20)
        #expect(faqs.allSatisfy { $0.kind == "faq" })
        let beijing = try engine.search("发票 北京", options: SearchOptions(limit: 50, regions: ["北京"]))
        #expect(beijing.allSatisfy { $0.region == "北京" || $0.region == "全国" })
    }

    @Test func traditionalQueriesFindSimplifiedAnswers() throws {
        let data = S.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: data) }
        let engine = try ZhixunEngine(dataDirectory: data)
        _ = try engine.ingest(paths: [S.repository + "/Corpus"])
        try engine.rebuild()
        let simplified = try engine.search("如何查询缴税记录", options: SearchOptions(limit: 5))
        let traditional = try engine.search("如何查詢繳稅記錄", options: SearchOptions(limit: 5))
        #expect(!simplified.isEmpty)
        #expect(simplified == traditional)
    }

    @Test func queryLimitsAreEnforced() throws {
        let data = S.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: data) }
        let engine = try ZhixunEngine(dataDirectory: data)
        _ = try engine.ingest(paths: [S.fixtures + "/jsonl/mixed.jsonl"])
        try engine.rebuild()
        #expect(throws: EngineError.self) { try engine.search("   ") }
        #expect(throws: EngineError.self) { try engine.search(String(repeating: "税", count: 257)) }
        #expect(throws: EngineError.self) { try engine.search("发票", options: SearchOptions(limit: 0)) }
        #expect(try engine.search(String(repeating: "税", count: 256)).count >= 0)
    }

    @Test func searchBeforeAnyRebuildSaysWhatToDo() throws {
        let data = S.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: data) }
        let engine = try ZhixunEngine(dataDirectory: data)
        do {
            _ = try engine.search("发票")
            Issue.record("expected an error")
        } catch let error as EngineError {
            #expect(error.code == "no_index")
        }
    }

    @Test func withdrawnDocumentsAreNotServedAfterRebuild() throws {
        let data = S.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: data) }
        let engine = try ZhixunEngine(dataDirectory: data)
        _ = try engine.ingest(paths: [S.fixtures + "/jsonl/mixed.jsonl"])
        try engine.rebuild()
        #expect(try engine.search("忘记密码").first?.doc == "faq-b")
        try engine.withdraw(id: "faq-b")
        try engine.rebuild()
        #expect(try !engine.search("忘记密码").contains { $0.doc == "faq-b" })
        #expect(throws: (any Error).self) { try engine.withdraw(id: "no-such-doc") }
    }

    @Test func aSecondEngineSeesANewGenerationAfterReload() throws {
        let data = S.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: data) }
        let writer = try ZhixunEngine(dataDirectory: data)
        _ = try writer.ingest(paths: [S.fixtures + "/jsonl/mixed.jsonl"])
        try writer.rebuild()
        let serving = try ZhixunEngine(dataDirectory: data)
        #expect(try serving.search("增值税").isEmpty)
        _ = try writer.ingest(paths: [S.repository + "/Corpus/faq/vat.jsonl"])
        try writer.rebuild()
        #expect(try serving.search("增值税").isEmpty)  // still on the generation it opened
        try serving.reload()
        #expect(try !serving.search("增值税").isEmpty)
    }
}
