import Testing
@testable import ZhixunEngine

@Suite struct PersonalDataMaskerTests {
    let masker = PersonalDataMasker()

    @Test func masksIDCardsPhonesTaxIDsAndBankCards() {
        let text = "我的身份证110101199003071234，手机13812345678，税号91310000MA1FL4CT3X，卡号6222 0212 3456 7890 123，请帮忙"
        let masked = masker.mask(text)
        for secret in ["110101199003071234", "13812345678", "91310000MA1FL4CT3X", "6222 0212 3456 7890 123"] {
            #expect(!masked.contains(secret), "\(secret) not masked in \(masked)")
        }
        #expect(masked.contains("[身份证号]"))
        #expect(masked.contains("[手机号]"))
        #expect(masked.contains("[纳税人识别号]"))
        #expect(masked.contains("[银行卡号]"))
        #expect(masked.hasSuffix("请帮忙"))
    }

    @Test func leavesOrdinaryNumbersAlone() {
        for text in ["拨打12366咨询", "2024年汇算", "税率13%", "发票号码有20位", "第三十四条"] {
            #expect(masker.mask(text) == text)
        }
        #expect(masker.mask("身份证号11010119900307123x") == "身份证号[身份证号]")
        #expect(masker.mask("+86 138 1234 5678") == "[手机号]")
    }

    /// The cheap pre-check may only skip texts the expressions would leave unchanged. Random texts
    /// drawn from digits (ASCII and full-width), capitals, separators and Han characters probe it.
    @Test func preCheckNeverSkipsWhatTheRulesWouldMask() {
        let alphabet = Array("0123456789０１２３４５６７８９ABCDEFGHJKLMNPQRTUWXYx -+发票税号")
        var generator = SystemRandomNumberGenerator()
        var masked = 0
        for _ in 0..<20_000 {
            let length = Int.random(in: 8...30, using: &generator)
            // Mostly digits, so that near-misses around the thresholds are common.
            let text = String((0..<length).map { _ in
                Bool.random(using: &generator) ? Character(String(Int.random(in: 0...9, using: &generator)))
                                               : alphabet.randomElement(using: &generator)!
            })
            let full = masker.applyRules(text)
            if full != text { masked += 1 }
            if !PersonalDataMasker.mayContainPersonalData(text) {
                #expect(full == text, "pre-check skipped \(text), which the rules mask as \(full)")
            }
            #expect(masker.mask(text) == full)
        }
        #expect(masked > 100, "the generator should produce maskable texts too")
    }
}
