import Foundation
import Testing
import ZhixunIngest
@testable import ZhixunStore

@Suite struct KnowledgeStoreTests {
    static func temporaryStore() throws -> (KnowledgeStore, String) {
        let dir = NSTemporaryDirectory() + "zhixun-store-\(UUID().uuidString)"
        return (try KnowledgeStore(path: dir + "/kb.sqlite"), dir)
    }

    static let faq = KnowledgeDocument(id: "faq-1", kind: .faq, title: "怎么红冲", similar: ["红字发票怎么开"],
                                       body: "在电子税务局填开红字确认单。", category: "数电发票", tags: ["红冲"])

    @Test func reingestingCreatesVersionsAndIdenticalContentIsANoOp() throws {
        let (store, dir) = try Self.temporaryStore()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        #expect(try store.ingest([Self.faq], run: nil) == [.added])
        #expect(try store.ingest([Self.faq], run: nil) == [.unchanged])
        var changed = Self.faq
        changed.body = "登录电子税务局，进入红字发票业务。"
        #expect(try store.ingest([changed], run: nil) == [.updated])
        #expect(try store.versionCount(id: "faq-1") == 2)
        let current = try store.currentDocuments()
        #expect(current.count == 1)
        #expect(current[0].version == 2)
        #expect(current[0].document.body == changed.body)
        #expect(current[0].passages.map(\.text) == [changed.body])
    }

    @Test func withdrawnDocumentsStayButAreNotCurrent() throws {
        let (store, dir) = try Self.temporaryStore()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        _ = try store.ingest([Self.faq], run: nil)
        try store.withdraw(id: "faq-1")
        #expect(try store.currentDocuments().isEmpty)
        #expect(try store.documentSummaries().map(\.status) == ["withdrawn"])
        #expect(throws: StoreError.self) { try store.withdraw(id: "missing") }
    }

    @Test func policyPassagesKeepTheirHeadingPath() throws {
        let (store, dir) = try Self.temporaryStore()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let policy = KnowledgeDocument(id: "p-1", kind: .policy, title: "发票管理办法",
                                       body: "第一章 总则\n第一条 目的。\n第四章 发票的开具和使用\n第三十四条 丢失发票应当报告。\n（一）单位；\n（二）个人。")
        _ = try store.ingest([policy], run: nil)
        let passages = try store.currentDocuments()[0].passages
        #expect(passages.map(\.headingPath) == ["第一章 总则 › 第一条", "第四章 发票的开具和使用 › 第三十四条"])
        #expect(passages[1].text.contains("（二）个人。"))
    }

    @Test func ingestRunsAreRecorded() throws {
        let (store, dir) = try Self.temporaryStore()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let run = try store.beginRun(source: "Corpus/faq", editor: "王编辑")
        _ = try store.ingest([Self.faq], run: run)
        try store.finishRun(run, files: 1, documents: 1, failures: 0, report: "{}")
        let recorded = try #require(try store.ingestRuns().first)
        #expect(recorded.id == run)
        #expect(recorded.editor == "王编辑")
        #expect(recorded.source == "Corpus/faq")
        #expect(recorded.documents == 1)
        #expect(recorded.finishedAt != nil)
    }
}
