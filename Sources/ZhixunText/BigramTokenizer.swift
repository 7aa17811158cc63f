/// Tokenization with the semantics of Lucene's `StandardTokenizer` followed by `CJKBigramFilter`.
///
/// Input is a buffer of folded entries (see ``CharacterFolding``); output is a stream of terms:
/// - a run of CJK characters (Han, Kana, Hangul) gives overlapping bigrams (`增值税` → `增值 值税`);
///   a lone CJK character gives a unigram;
/// - a run of letters and digits gives one word token (`12366`, `vat`, `3.5`); a word is split
///   every ``maxWordLength`` scalars, like Lucene's `maxTokenLength`;
/// - anything else separates, so bigrams never cross punctuation, spaces, Latin or digits.
public enum BigramTokenizer {
    /// Longest word token, in scalars, before it is split (Lucene's default is 255).
    public static let maxWordLength = 255

    /// Calls `emit(term, range)` for each token of `entries`; `range` indexes the entries it covers.
    @inlinable
    public static func tokenize(
        _ entries: UnsafeBufferPointer<UInt32>,
        _ emit: (Term, Range<Int>) -> Void
    ) {
        let n = entries.count
        var i = 0
        while i < n {
            let cls = CharacterFolding.scalarClass(of: entries[i])
            switch cls {
            case .cjk:
                var prev = i
                var first = true
                var j = i + 1
                while j < n {
                    let c = CharacterFolding.scalarClass(of: entries[j])
                    if c == .mark || c == .ignorable { j += 1; continue }  // variation selectors
                    if c != .cjk { break }
                    emit(.bigram(CharacterFolding.scalar(of: entries[prev]), CharacterFolding.scalar(of: entries[j])),
                         prev..<(j + 1))
                    first = false
                    prev = j
                    j += 1
                }
                if first { emit(.unigram(CharacterFolding.scalar(of: entries[i])), i..<(i + 1)) }
                i = j
            case .letter, .digit:
                var j = i + 1
                while j < n && j - i < maxWordLength {
                    let c = CharacterFolding.scalarClass(of: entries[j])
                    if c == .letter || c == .digit || c == .mark { j += 1; continue }
                    // Decimal and thousands separators inside numbers stay in the token (UAX #29 MidNum).
                    let s = CharacterFolding.scalar(of: entries[j])
                    if (s == 0x2E || s == 0x2C), j + 1 < n,
                       CharacterFolding.scalarClass(of: entries[j - 1]) == .digit,
                       CharacterFolding.scalarClass(of: entries[j + 1]) == .digit {
                        j += 2
                        continue
                    }
                    break
                }
                emit(wordTerm(entries, i..<j), i..<j)
                i = j
            case .separator, .ignorable, .mark:
                i += 1
            }
        }
    }

    /// Calls `emit` with a unigram for every character of the CJK runs of two or more characters
    /// (lone characters are unigrams already). Indexed for short fields only, so a one-character
    /// query (`票`) or a query whose bigrams the index lacks still finds questions and titles.
    public static func runUnigrams(_ entries: UnsafeBufferPointer<UInt32>, _ emit: (Term) -> Void) {
        var start = 0
        var i = 0
        let n = entries.count
        while i <= n {
            let isCJK = i < n && CharacterFolding.scalarClass(of: entries[i]) == .cjk
            if !isCJK {
                if i - start >= 2 {
                    for j in start..<i { emit(.unigram(CharacterFolding.scalar(of: entries[j]))) }
                }
                start = i + 1
            }
            i += 1
        }
    }

    @inlinable
    static func wordTerm(_ entries: UnsafeBufferPointer<UInt32>, _ range: Range<Int>) -> Term {
        Term.word(entries[range].lazy.map { CharacterFolding.scalar(of: $0) })
    }
}
