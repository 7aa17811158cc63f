/// How the tokenizer treats a (folded) Unicode scalar.
///
/// The classes mirror what Lucene's `StandardTokenizer` + `CJKBigramFilter` distinguish:
/// CJK scripts are bigrammed, letters and digits form word tokens, everything else splits.
public enum ScalarClass: UInt8, Sendable {
    /// Punctuation, spaces, symbols: ends the current token run.
    case separator = 0
    /// A letter of an alphabetic script (Latin, Greek, Cyrillic, …): part of a word token.
    case letter = 1
    /// A decimal digit: part of a word token.
    case digit = 2
    /// Han, Hiragana, Katakana or Hangul: bigrammed with its CJK neighbours.
    case cjk = 3
    /// Zero-width and format characters (soft hyphen, ZWSP, BOM): dropped without splitting.
    case ignorable = 4
    /// A combining mark: extends a word token, otherwise splits.
    case mark = 5

    /// Classifies a scalar that has already been folded (NFKC, lowercase, simplified).
    public static func of(_ scalar: Unicode.Scalar) -> ScalarClass {
        let v = scalar.value
        if v < 0x80 {
            if (v >= 0x61 && v <= 0x7A) || (v >= 0x41 && v <= 0x5A) { return .letter }
            if v >= 0x30 && v <= 0x39 { return .digit }
            return .separator
        }
        if isCJK(v) { return .cjk }
        let props = scalar.properties
        switch props.generalCategory {
        case .format: return .ignorable
        case .nonspacingMark, .spacingMark, .enclosingMark: return .mark
        case .decimalNumber: return .digit
        case .letterNumber, .otherNumber: return .letter
        default: return props.isAlphabetic ? .letter : .separator
        }
    }

    /// Whether a scalar belongs to a script that `CJKBigramFilter` bigrams by default
    /// (Han, Hiragana, Katakana, Hangul), including ideographic iteration marks.
    public static func isCJK(_ v: UInt32) -> Bool {
        switch v {
        case 0x3005, 0x3007, 0x3021...0x3029, 0x3038...0x303B: return true  // 々 〇 Hangzhou numerals
        case 0x3040...0x309F: return true          // Hiragana
        case 0x30A0...0x30FF, 0x31F0...0x31FF: return true  // Katakana (incl. ー)
        case 0x3400...0x4DBF, 0x4E00...0x9FFF: return true  // CJK Ext A, Unified
        case 0xF900...0xFAFF: return true          // CJK compatibility ideographs
        case 0x1100...0x11FF, 0x3130...0x318F, 0xA960...0xA97F, 0xAC00...0xD7AF, 0xD7B0...0xD7FF: return true  // Hangul
        case 0xFF66...0xFF9F: return true          // half-width Katakana (before folding)
        case 0x1B000...0x1B16F: return true        // Kana supplement / extended
        case 0x20000...0x323AF: return true        // CJK Ext B…H, compatibility supplement
        default: return false
        }
    }
}
