import Testing
@testable import ZhixunText

@Suite struct ChineseNumeralsTests {
    @Test(arguments: [
        ("每个月五千以下", "每个月5000以下"),
        ("季度三十万以内", "季度30万以内"),
        ("超过五百万要登记", "超过500万要登记"),
        ("十五日内申报", "15日内申报"),
        ("第二十三条", "第23条"),
        ("月薪两千五", "月薪2500"),
        ("一千零五元", "1005元"),
        ("一万元", "1万元"),
        ("三百五", "350"),
    ])
    func rewritesUnambiguousNumerals(_ input: String, _ expected: String) {
        #expect(ChineseNumerals.arabicForm(of: input) == expected)
    }

    @Test(arguments: ["一般纳税人", "统一社会信用代码", "千万不要逃税", "万一扣款失败", "百分之十", "十分感谢", "三三两两", "五一放假", "过了三年", "两千五一个月"])
    func leavesWordsAndBareDigitsAlone(_ input: String) {
        // `百分之十`: the run `十` alone is the adverb case; `过了三年`: a bare digit has no unit.
        #expect(ChineseNumerals.arabicForm(of: input) == nil)
    }

    @Test func rewritesOnlyTheNumeralInMixedText() {
        #expect(ChineseNumerals.arabicForm(of: "一般纳税人月销售额十万") == "一般纳税人月销售额10万")
    }
}
