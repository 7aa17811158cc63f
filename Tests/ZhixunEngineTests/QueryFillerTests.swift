import Testing
import ZhixunText
@testable import ZhixunEngine

/// Filler words and bigrams across function characters leave a query; its topic stays.
@Suite struct QueryFillerTests {
    static let analyzer = try! Analyzer.standard()

    @Test func fillerTermsAreDroppedButContentStays() {
        let filler = QueryFiller(analyzer: Self.analyzer)
        let kept = filler.strip(Self.analyzer.terms("请问发票丢失怎么办")).map(\.description)
        #expect(kept.contains("发票"))
        #expect(kept.contains("丢失"))
        #expect(!kept.contains("请问"))
        #expect(!kept.contains("怎么"))
        #expect(filler.strip(Self.analyzer.terms("怎么办理退税")).map(\.description).contains("办理"))
    }

    @Test func aQueryOfOnlyFillerIsKept() {
        let filler = QueryFiller(analyzer: Self.analyzer)
        let terms = Self.analyzer.terms("怎么办")
        #expect(filler.strip(terms) == terms)
    }

    /// `游艇的车船税怎么收`: `艇的` and `的车` span a word boundary and name no topic (`的车` would
    /// match every passage with `的车船`), so they go; `游艇`, `车船` and `船税` stay.
    @Test func bigramsAcrossFunctionCharactersAreDropped() {
        let filler = QueryFiller(analyzer: Self.analyzer)
        let kept = Set(filler.strip(Self.analyzer.terms("游艇的车船税怎么收")).map(\.description))
        #expect(kept == ["游艇", "车船", "船税"])
        #expect(filler.isFiller(Self.analyzer.terms("的车")[0]))
        #expect(!filler.isFiller(Self.analyzer.terms("车船")[0]))
    }
}
