import Foundation
import Testing
@testable import ZhixunIngest

@Suite struct XMLParserTests {
    typealias S = IngestTestSupport

    @Test func exchangeFormGivesFAQsAndPolicies() throws {
        let xml = """
        <?xml version="1.0" encoding="UTF-8"?>
        <knowledge>
          <faq id="faq-x1" category="数电发票" region="北京"><question>怎么红冲？</question>
            <similar>红字发票怎么开</similar><similar>冲红流程</similar><answer>填开红字确认单。</answer><tag>红冲</tag></faq>
          <policy id="p-x1" status="current"><title>发票说明</title><number>智询说明〔2024〕2号</number>
            <published>2024-02-01</published><supersedes>p-x0</supersedes>
            <body>第一章 总则
        第一条 适用范围。</body></policy>
          <faq id="faq-bad"><question>没有答案</question></faq>
        </knowledge>
        """
        let outcome = try S.parse(xml, as: "xml")
        #expect(outcome.records.count == 3)
        let faq = try outcome.records[0].get()
        #expect(faq.similar == ["红字发票怎么开", "冲红流程"])
        #expect(faq.region == "北京")
        #expect(faq.tags == ["红冲"])
        let policy = try outcome.records[1].get()
        #expect(policy.supersedes == "p-x0")
        #expect(policy.number == "智询说明〔2024〕2号")
        #expect(PassageChunker().passages(of: policy).first?.headingPath == "第一章 总则 › 第一条")
        guard case .failure(let error) = outcome.records[2] else { Issue.record("expected an error"); return }
        #expect(error.description.contains("answer"))
    }

    @Test func externalEntitiesAreNeverRead() throws {
        for name in ["xxe.xml", "xxe-parameter.xml", "xxe-dtd.xml"] {
            let path = S.fixtures + "/bad/" + name
            let text = (try? S.parse(path))?.records.compactMap { try? $0.get() }
                .map { $0.title + $0.body + $0.similar.joined() } ?? []
            #expect(!text.joined().contains("root:"), "\(name) leaked /etc/passwd")
        }
    }

    @Test func entityBombFailsFastWithAClearError() throws {
        let start = Date()
        do {
            _ = try S.parse(S.fixtures + "/bad/billion-laughs.xml")
            Issue.record("the entity bomb should not parse")
        } catch let error as IngestError {
            #expect(error.description.contains("billion-laughs.xml"))
        }
        #expect(Date().timeIntervalSince(start) < 5)
    }

    @Test func truncatedXMLNamesTheLine() throws {
        do {
            _ = try S.parse(S.fixtures + "/bad/truncated.xml")
            Issue.record("truncated XML should fail")
        } catch let error as IngestError {
            guard case .malformedXML(_, let line, _) = error else { Issue.record("\(error)"); return }
            #expect(line > 0)
        }
    }

    @Test func genericXMLBecomesText() throws {
        let outcome = try S.parse("<report><name>年度报告</name><section><p>第一条 内容。</p></section></report>", as: "xml")
        let doc = try outcome.records[0].get()
        #expect(doc.title == "年度报告")
        #expect(doc.body.contains("第一条 内容。"))
        #expect(!outcome.warnings.isEmpty)
    }
}
