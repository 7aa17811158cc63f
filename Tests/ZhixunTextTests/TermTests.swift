import Testing
@testable import ZhixunText

@Suite struct TermTests {
    @Test func cjkTermsRoundTrip() {
        #expect(Term.bigram(0x589E, 0x503C).text == "增值")
        #expect(Term.unigram(0x7A0E).text == "税")
        #expect(Term.unigram(0x7A0E).isUnigram)
        #expect(!Term.bigram(0x589E, 0x503C).isUnigram)
        #expect(Term.bigram(0x29B05, 0x8271).text == "𩬅艱")
    }

    @Test func shortWordsAreLosslessAndLongWordsHash() {
        let short = Term.word([0x76, 0x61, 0x74].map(UInt32.init))
        #expect(short.text == "vat")
        #expect(!short.isCJK)
        let long = Term.word(Array("internationalization".unicodeScalars.map(\.value)))
        #expect(long.text == nil)
        #expect(long == Term.word(Array("internationalization".unicodeScalars.map(\.value))))
        #expect(long != Term.word(Array("internationalisation".unicodeScalars.map(\.value))))
    }

    @Test func keyClassesDoNotOverlap() {
        let cjk = Term.bigram(0x10FFFF, 0x10FFFF).rawValue
        let word = Term.word([0x61]).rawValue
        #expect(cjk < word)
        #expect(word >> 62 == 0b10)
    }
}
