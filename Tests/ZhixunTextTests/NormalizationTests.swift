import Testing
@testable import ZhixunText

@Suite struct NormalizationTests {
    static let analyzer = try! Analyzer.standard()

    @Test func traditionalAndSimplifiedGiveTheSameTokens() {
        let traditional = Self.analyzer.tokens("如何查詢繳稅記錄")
        let simplified = Self.analyzer.tokens("如何查询缴税记录")
        #expect(traditional == simplified)
        #expect(simplified.map(\.text) == ["如何", "何查", "查询", "询缴", "缴税", "税记", "记录"])
    }

    @Test func fullWidthAndCaseFold() {
        #expect(Self.analyzer.normalize("ＶＡＴ　１２３６６") == "vat 12366")
        #expect(Self.analyzer.tokens("ＶＡＴ发票").map(\.text) == ["vat", "发票"])
    }

    @Test func traditionalFoldsInsideBigramsOfSupplementaryText() {
        #expect(Self.analyzer.tokens("𩬅艱鍟").map(\.text) == ["𩬅艰", "艰鍟"])
    }

    @Test func compatibilityFormsExpand() {
        #expect(Self.analyzer.normalize("①") == "1")
        #expect(Self.analyzer.normalize("㈱") == "(株)")
        #expect(Self.analyzer.tokens("ﬁle").map(\.text) == ["file"])
    }

    @Test func zeroWidthCharactersDoNotSplit() {
        #expect(Self.analyzer.tokens("增值\u{200B}税").map(\.text) == ["增值", "值税"])
    }

    @Test func combiningMarksCompose() {
        #expect(Self.analyzer.normalize("cafe\u{301}") == Self.analyzer.normalize("café"))
        #expect(Self.analyzer.tokens("cafe\u{301}").count == 1)
    }

    @Test func queriesAndDocumentsShareTerms() {
        let doc = Set(Self.analyzer.terms("纳税人可以通过電子稅務局查詢繳稅記錄"))
        for term in Self.analyzer.terms("查询缴税记录") {
            #expect(doc.contains(term))
        }
    }
}
