import Foundation
import Testing
@testable import ZhixunIngest

@Suite struct MarkdownCSVParserTests {
    typealias S = IngestTestSupport

    @Test func frontMatterWinsOverExtraction() throws {
        let md = """
        ---
        id: policy-md-1
        number: 智询说明〔2024〕7号
        published: 2024-05-01
        status: partly-repealed
        tags: 汇算, 个税
        ---
        # 年度汇算指引
        智询说明〔2020〕1号 2020年1月1日发布 全文废止
        ## 第一章 总则
        第一条 内容。
        """
        let doc = try #require(try S.parse(md, as: "md").records.first?.get())
        #expect(doc.id == "policy-md-1")
        #expect(doc.title == "年度汇算指引")
        #expect(doc.number == "智询说明〔2024〕7号")
        #expect(doc.published == "2024-05-01")
        #expect(doc.status == .partlyRepealed)
        #expect(doc.tags == ["汇算", "个税"])
    }

    @Test func metadataIsExtractedFromText() throws {
        let md = """
        # 关于调整某项政策的公告
        国家税务总局公告2023年第1号
        2023年1月3日发布
        本公告自2023年2月1日起施行。
        一、总体要求
        相关内容。
        二、具体措施
        更多内容。
        """
        let doc = try #require(try S.parse(md, as: "md").records.first?.get())
        #expect(doc.number == "国家税务总局公告2023年第1号")
        #expect(doc.published == "2023-01-03")
        #expect(doc.effective == "2023-02-01")
        let passages = PassageChunker().passages(of: doc)
        #expect(passages.map(\.headingPath) == ["", "一、总体要求", "二、具体措施"])
    }

    @Test func repealedStatusWordsInThePreamble() throws {
        let doc = try #require(try S.parse("# 旧条例（已废止）\n第一条 本条例失效后不再适用。", as: "md").records.first?.get())
        #expect(doc.status == .repealed)
        let current = try #require(try S.parse("# 新条例\n第一条 原规定同时失效。", as: "md").records.first?.get())
        #expect(current.status == .current)
    }

    @Test func taxLawArticlesAndHeadingPaths() throws {
        let cases: [(String, Int)] = [
            ("行政法规/发票管理办法(2023-07-20).md", 43), ("经济法/增值税法(2024-12-25).md", 38),
            ("经济法/个人所得税法(2018-08-31).md", 22), ("刑法/刑法-第三章第六节-危害税收征管罪(excerpt).md", 14),
        ]
        for (file, articles) in cases {
            let doc = try #require(try S.documents(S.taxLaw + "/" + file).first)
            let passages = PassageChunker().passages(of: doc)
            let labels = Set(passages.compactMap { $0.heading.last }.filter { $0.hasPrefix("第") && $0.contains("条") })
            #expect(labels.count == articles, "\(file)")
        }
        let invoice = try #require(try S.documents(S.taxLaw + "/行政法规/发票管理办法(2023-07-20).md").first)
        #expect(invoice.title == "中华人民共和国发票管理办法")
        #expect(invoice.published == "2023-07-20")
        let art34 = try #require(PassageChunker().passages(of: invoice).first { $0.heading.last == "第三十四条" })
        #expect(art34.headingPath == "第六章 罚 则 › 第三十四条")
        #expect(art34.text.contains("丢失发票"))
        let vat = try #require(try S.documents(S.taxLaw + "/经济法/增值税法(2024-12-25).md").first)
        let art22 = try #require(PassageChunker().passages(of: vat).first { $0.heading.last == "第二十二条" })
        #expect(art22.headingPath == "第三章 应纳税额 › 第二十二条")
        #expect(art22.text.contains("（一）"))
        let crime = try #require(try S.documents(S.taxLaw + "/刑法/刑法-第三章第六节-危害税收征管罪(excerpt).md").first)
        #expect(PassageChunker().passages(of: crime).first?.heading.first == "第六节 危害税收征管罪")
    }

    @Test func bomEncodingsGiveTheSameDocument() throws {
        let docs = try ["utf16-bom.md", "utf16be-bom.txt", "utf8-bom.md"].map { try #require(try S.documents(S.fixtures + "/bad/" + $0).first) }
        #expect(Set(docs.map(\.title)).count == 1)
        #expect(Set(docs.map(\.body)).count == 1)
        #expect(!docs[0].title.hasPrefix("\u{FEFF}"))
    }

    @Test func invalidUTF8IsAClearError() {
        #expect(throws: IngestError.self) { _ = try S.parse(S.fixtures + "/bad/invalid-utf8.md") }
        #expect(throws: IngestError.self) { _ = try S.parse(S.fixtures + "/bad/whitespace.md") }
    }

    @Test func csvKeepsGoodRowsAndNamesBadOnes() throws {
        let outcome = try S.parse(S.fixtures + "/bad/bad.csv")
        let good = outcome.records.compactMap { try? $0.get() }
        #expect(good.map(\.id).sorted() == ["faq-csv-1", "faq-csv-3"])
        let errors = outcome.records.compactMap { if case .failure(let e) = $0 { return e.description } else { return nil } }
        #expect(errors.count == 2)
        #expect(errors.allSatisfy { $0.contains("bad.csv:") })
    }

    @Test func csvFieldsAreMapped() throws {
        let csv = "question,similar,answer,category,tags,region\n怎么红冲,冲红|红字发票,\"先填开确认单，再开具\",数电发票,红冲|确认单,上海\n"
        let doc = try #require(try S.parse(csv, as: "csv").records.first?.get())
        #expect(doc.id == "inline-2")
        #expect(doc.similar == ["冲红", "红字发票"])
        #expect(doc.body == "先填开确认单，再开具")
        #expect(doc.tags == ["红冲", "确认单"])
        #expect(doc.region == "上海")
    }
}
