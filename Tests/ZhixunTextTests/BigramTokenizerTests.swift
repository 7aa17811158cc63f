import Testing
@testable import ZhixunText

/// Published vectors from Lucene's `TestCJKAnalyzer` / `TestCJKBigramFilter`. They check the
/// tokenizer stage, so they are run through an analyzer whose folding leaves Chinese script alone
/// (the standard analyzer would also fold 艱 → 艰, which Lucene does not do).
@Suite struct BigramTokenizerTests {
    static let identityScript = Analyzer(folding: try! CharacterFolding(openCCConfig: nil))

    static func tokens(_ text: String) -> [String] {
        identityScript.tokens(text).map(\.text)
    }

    @Test func hanRunGivesOverlappingBigrams() {
        #expect(Self.tokens("一二三四五六七八九十") == ["一二", "二三", "三四", "四五", "五六", "六七", "七八", "八九", "九十"])
    }

    @Test func spacesSplitAndLoneCharactersAreUnigrams() {
        #expect(Self.tokens("一 二三四 五六七八九 十") == ["一", "二三", "三四", "五六", "六七", "七八", "八九", "十"])
    }

    @Test func kanaBigramsAndLatinBreaksTheRun() {
        #expect(Self.tokens("あいうえおabcかきくけこ") == ["あい", "いう", "うえ", "えお", "abc", "かき", "きく", "くけ", "けこ"])
        #expect(Self.tokens("あいうえおabんcかきくけ こ") == ["あい", "いう", "うえ", "えお", "ab", "ん", "c", "かき", "きく", "くけ", "こ"])
    }

    @Test func supplementaryCharactersBigram() {
        #expect(Self.tokens("𩬅艱鍟䇹愯瀛") == ["𩬅艱", "艱鍟", "鍟䇹", "䇹愯", "愯瀛"])
    }

    @Test func fullWidthLatinAndDigitsFoldToWords() {
        #expect(Self.tokens("Ｔｅｓｔ １２３４") == ["test", "1234"])
    }

    @Test func mixedScriptsBigramAcrossHanAndKana() {
        #expect(Self.tokens("多くの学生が試験に落ちた。") == ["多く", "くの", "の学", "学生", "生が", "が試", "試験", "験に", "に落", "落ち", "ちた"])
    }

    @Test func hangulRunsBigram() {
        #expect(Self.tokens("한국어") == ["한국", "국어"])
    }

    @Test func punctuationSplitsBigrams() {
        #expect(Self.tokens("发票，红冲。") == ["发票", "红冲"])
        #expect(Self.tokens("增值税发票") == ["增值", "值税", "税发", "发票"])
    }

    @Test func digitsAndLatinGiveSingleLowercaseTokens() {
        #expect(Self.tokens("拨打12366热线") == ["拨打", "12366", "热线"])
        #expect(Self.tokens("VAT税率13%") == ["vat", "税率", "13"])
        #expect(Self.tokens("税率3.5%或1,000元") == ["税率", "3.5", "或", "1,000", "元"])
    }

    @Test func positionsIncreaseByOne() {
        let tokens = Self.identityScript.tokens("一 二三 abc")
        #expect(tokens.map(\.position) == [0, 1, 2])
    }

    @Test func emptyAndSeparatorOnlyTextGiveNoTokens() {
        #expect(Self.tokens("").isEmpty)
        #expect(Self.tokens("，。！？  \n\t").isEmpty)
    }

    @Test func overlongWordsSplitAtMaxLength() {
        let tokens = Self.tokens(String(repeating: "a", count: 600))
        #expect(tokens.map(\.count) == [255, 255, 90])
    }
}

@Suite struct RunUnigramTests {
    @Test func charactersOfLongerRunsOnly() throws {
        let analyzer = try Analyzer.standard()
        var entries: [UInt32] = []
        analyzer.fold("发票 税 abc 红字冲", into: &entries)
        var out: [String] = []
        entries.withUnsafeBufferPointer { BigramTokenizer.runUnigrams($0) { out.append($0.description) } }
        #expect(out == ["发", "票", "红", "字", "冲"])
    }
}
