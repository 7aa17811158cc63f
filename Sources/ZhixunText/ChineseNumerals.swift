/// Chinese numerals written as Arabic digits, the way policy text and FAQs write amounts.
///
/// Taxpayers type `五千以下`, `三十万以内`, `十五日内`; the knowledge base writes `5000元以下`,
/// `30万元`, `15日内`. ``arabicForm(of:)`` rewrites a query's numerals so both spellings meet.
/// Only unambiguous numerals are rewritten: a run must hold a unit (`十`, `百`, `千`) or be a digit
/// before `万`/`亿`, and must start with a digit or `十`. Words that merely contain numeral
/// characters (`一般`, `统一`, `千万`, `万一`, `百分之`) are left as they are; `万` and `亿` stay as
/// characters because the corpus writes `30万元`, not `300000元`.
public enum ChineseNumerals {
    /// `text` with its Chinese numerals as Arabic digits, or `nil` when it has none to rewrite.
    public static func arabicForm(of text: String) -> String? {
        let scalars = Array(text.unicodeScalars)
        var out = String.UnicodeScalarView()
        var changed = false
        var i = 0
        while i < scalars.count {
            guard startsNumeral(scalars[i]) else {
                out.append(scalars[i])
                i += 1
                continue
            }
            var end = i
            while end < scalars.count, isNumeral(scalars[end]) { end += 1 }
            if let rewritten = rewrite(scalars[i..<end]) {
                out.append(contentsOf: rewritten.unicodeScalars)
                changed = true
            } else {
                out.append(contentsOf: scalars[i..<end])
            }
            i = end
        }
        return changed ? String(out) : nil
    }

    /// The run as digits with `万`/`亿` kept, or `nil` when it is not an unambiguous numeral.
    static func rewrite(_ run: ArraySlice<Unicode.Scalar>) -> String? {
        var result = ""
        var section: [Unicode.Scalar] = []
        for s in run {
            if s == "万" || s == "亿" {
                guard !section.isEmpty, let value = sectionValue(section, beforeBigUnit: true) else { return nil }
                result += String(value) + String(s)
                section = []
            } else {
                section.append(s)
            }
        }
        if !section.isEmpty {
            guard let value = sectionValue(section, beforeBigUnit: false) else {
                // `三十万五`: a trailing part that is not a numeral makes the whole run doubtful.
                return nil
            }
            result += String(value)
        }
        return result.isEmpty ? nil : result
    }

    /// The value of a run below `万` (`三千五百`, `十五`, `两千五`), or `nil` when it does not parse or
    /// is a bare digit that is not followed by `万`/`亿`.
    static func sectionValue(_ section: [Unicode.Scalar], beforeBigUnit: Bool) -> Int? {
        var value = 0
        var pending: Int?
        var lastUnit = 10_000
        var sawUnit = false
        var sawZero = false
        for (index, s) in section.enumerated() {
            if let d = digit(s) {
                guard pending == nil else { return nil }  // `一二`: two digits in a row
                if d == 0 {
                    sawZero = true  // `一千零五` = 1005: the next digit is a plain one
                    continue
                }
                pending = d
            } else if let unit = smallUnit(s) {
                guard unit < lastUnit else { return nil }  // units must fall: `十百` is not a number
                let multiplier: Int
                if let p = pending {
                    multiplier = p
                } else if unit == 10 && index == 0 {
                    multiplier = 1  // `十五` = 15
                } else {
                    return nil
                }
                value += multiplier * unit
                pending = nil
                lastUnit = unit
                sawUnit = true
                sawZero = false
            } else {
                return nil
            }
        }
        if let p = pending {
            // Colloquial `两千五` = 2500 and `三百五` = 350; otherwise a plain last digit.
            value += (sawUnit && lastUnit >= 100 && !sawZero) ? p * lastUnit / 10 : p
        }
        guard sawUnit || beforeBigUnit else { return nil }
        // A lone `十` is usually the adverb (`十分`, very), not ten.
        guard section.count > 1 || beforeBigUnit || section.first != "十" else { return nil }
        return value > 0 ? value : nil
    }

    static func startsNumeral(_ s: Unicode.Scalar) -> Bool {
        (digit(s).map { $0 > 0 } ?? false) || s == "十"
    }

    static func isNumeral(_ s: Unicode.Scalar) -> Bool {
        digit(s) != nil || smallUnit(s) != nil || s == "万" || s == "亿"
    }

    static func digit(_ s: Unicode.Scalar) -> Int? {
        switch s {
        case "零", "〇": 0
        case "一": 1
        case "二", "两": 2
        case "三": 3
        case "四": 4
        case "五": 5
        case "六": 6
        case "七": 7
        case "八": 8
        case "九": 9
        default: nil
        }
    }

    static func smallUnit(_ s: Unicode.Scalar) -> Int? {
        switch s {
        case "十": 10
        case "百": 100
        case "千": 1000
        default: nil
        }
    }
}
