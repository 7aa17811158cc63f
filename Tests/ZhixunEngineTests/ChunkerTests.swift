import Testing
import ZhixunIngest

@Suite struct ChunkerTests {
    @Test func longArticlesSplitOnLinesWithTheirHeading() {
        let body = "第二章 管理\n第五条 " + String(repeating: "甲", count: 80) + "\n" + String(repeating: "乙", count: 80)
        let doc = KnowledgeDocument(id: "p", kind: .policy, title: "t", body: body)
        let passages = PassageChunker(maxPassageLength: 100).passages(of: doc)
        #expect(passages.count == 2)
        #expect(passages.allSatisfy { $0.heading == ["第二章 管理", "第五条"] })
        #expect(passages.map(\.id) == ["p#1", "p#2"])
    }

    @Test func preambleAndSectionsAreKept() {
        let body = "为了规范管理，制定本说明。\n第一章 总则\n第一节 范围\n第一条 适用于全国。\n第二节 定义\n第二条 本说明所称发票。"
        let doc = KnowledgeDocument(id: "p", kind: .policy, title: "t", body: body)
        let passages = PassageChunker().passages(of: doc)
        #expect(passages.map(\.headingPath) == ["", "第一章 总则 › 第一节 范围 › 第一条", "第一章 总则 › 第二节 定义 › 第二条"])
    }

    @Test func faqIsOnePassage() {
        let doc = KnowledgeDocument(id: "f", kind: .faq, title: "q", body: "a\nb")
        #expect(PassageChunker().passages(of: doc) == [Passage(document: "f", ordinal: 1, heading: [], text: "a\nb")])
    }
}

import ZhixunText
@testable import ZhixunEngine

@Suite struct SupersessionTests {
    @Test func lawsReplaceTheirProvisionalRegulations() {
        let old = KnowledgeDocument(id: "vat-2017", kind: .policy, title: "中华人民共和国增值税暂行条例", body: "x", published: "2017-11-19")
        let new = KnowledgeDocument(id: "vat-2024", kind: .policy, title: "中华人民共和国增值税法", body: "x", published: "2024-12-25")
        let rules = KnowledgeDocument(id: "vat-rules", kind: .policy, title: "中华人民共和国增值税暂行条例实施细则", body: "x", published: "2011-10-28")
        #expect(ZhixunEngine.supersededIDs([old, new, rules]) == ["vat-2017"])
        let invoice2019 = KnowledgeDocument(id: "i19", kind: .policy, title: "中华人民共和国发票管理办法", body: "x", published: "2019-03-02")
        let invoice2023 = KnowledgeDocument(id: "i23", kind: .policy, title: "中华人民共和国发票管理办法", body: "x", published: "2023-07-20")
        #expect(ZhixunEngine.supersededIDs([invoice2023, invoice2019]) == ["i19"])
    }

    /// The 关税法 (2024) replaced the 进出口关税条例; implementing regulations stay with their law.
    @Test func lawsReplaceTheRegulationsOnTheirTax() {
        let customs = KnowledgeDocument(id: "customs-2017", kind: .policy, title: "中华人民共和国进出口关税条例", body: "x", published: "2017-03-01")
        let law = KnowledgeDocument(id: "customs-law", kind: .policy, title: "中华人民共和国关税法", body: "x", published: "2024-04-26")
        let cit = KnowledgeDocument(id: "cit", kind: .policy, title: "中华人民共和国企业所得税法", body: "x", published: "2018-12-29")
        let citRules = KnowledgeDocument(id: "cit-rules", kind: .policy, title: "中华人民共和国企业所得税法实施条例", body: "x", published: "2007-12-06")
        #expect(ZhixunEngine.supersededIDs([customs, law, cit, citRules]) == ["customs-2017"])
        // A regulation newer than the law (none here) or on another tax is left alone.
        let later = KnowledgeDocument(id: "later", kind: .policy, title: "进出口关税条例", body: "x", published: "2025-01-01")
        #expect(ZhixunEngine.supersededIDs([law, later]).isEmpty)
        #expect(ZhixunEngine.lawTax("关税法") == "关税" && ZhixunEngine.lawTax("税收征收管理法") == nil)
        #expect(ZhixunEngine.regulationTax("企业所得税法实施条例") == nil)
    }
}
