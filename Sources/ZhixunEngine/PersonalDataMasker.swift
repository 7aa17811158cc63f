import Foundation

/// Masks personal data in text before anything is stored: 18-digit resident ID numbers, 11-digit
/// mobile numbers, unified social credit codes / taxpayer identification numbers, and bank card
/// numbers. Each is replaced by a labelled placeholder so analytics still see what kind of data
/// the user typed.
public struct PersonalDataMasker: Sendable {
    private struct Rule: @unchecked Sendable {
        let pattern: NSRegularExpression
        let replacement: String
    }

    private let rules: [Rule]

    public init() {
        // Order matters: longer, more specific patterns first.
        let specs: [(String, String)] = [
            // Resident ID: 6-digit area, 8-digit birth date, 3 digits, check digit or X.
            (#"(?<![0-9A-Za-z])[1-9]\d{5}(?:18|19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dXx](?![0-9A-Za-z])"#, "[身份证号]"),
            // Unified social credit code (18 chars) and taxpayer ids (15 or 20 alphanumerics with digits).
            (#"(?<![0-9A-Za-z])[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}(?![0-9A-Za-z])"#, "[纳税人识别号]"),
            (#"(?<![0-9A-Za-z])(?=[0-9A-Z]*\d[0-9A-Z]*)[0-9A-Z]{15}(?:[0-9A-Z]{5})?(?![0-9A-Za-z])"#, "[纳税人识别号]"),
            // Bank cards: 16–19 digits, optionally grouped by spaces or hyphens.
            (#"(?<!\d)(?:\d[ -]?){15,18}\d(?!\d)"#, "[银行卡号]"),
            // Mobile numbers, optionally with +86.
            (#"(?<!\d)(?:\+?86[ -]?)?1[3-9]\d[ -]?\d{4}[ -]?\d{4}(?!\d)"#, "[手机号]"),
        ]
        rules = specs.map { Rule(pattern: try! NSRegularExpression(pattern: $0.0), replacement: $0.1) }
    }

    /// `text` with personal data replaced by placeholders.
    public func mask(_ text: String) -> String {
        Self.mayContainPersonalData(text) ? applyRules(text) : text
    }

    /// Whether any rule could match: each needs at least 11 decimal digits (ID, bank card, mobile)
    /// or a run of at least 15 characters that are digits or capital letters (credit codes, taxpayer
    /// ids). Most questions have neither, and this scan is far cheaper than the expressions.
    static func mayContainPersonalData(_ text: String) -> Bool {
        var digits = 0, run = 0
        for scalar in text.unicodeScalars {
            let isDigit = scalar.properties.numericType == .decimal
            if isDigit {
                digits += 1
                if digits >= 11 { return true }
            }
            if isDigit || ("A"..."Z").contains(scalar) {
                run += 1
                if run >= 15 { return true }
            } else {
                run = 0
            }
        }
        return false
    }

    /// Every rule applied in order, with no pre-check.
    func applyRules(_ text: String) -> String {
        var result = text
        for rule in rules {
            let range = NSRange(result.startIndex..., in: result)
            result = rule.pattern.stringByReplacingMatches(in: result, range: range, withTemplate: rule.replacement)
        }
        return result
    }
}
