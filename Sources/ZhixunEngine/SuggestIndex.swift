import ZhixunText

/// Type-ahead completion over FAQ questions and their similar phrasings: a sorted array of folded
/// phrases searched by binary search, so a prefix costs microseconds.
///
/// Phrases are folded the way queries are (width, case, traditional → simplified) with spaces and
/// punctuation removed, so `如何查詢` completes `如何查询缴税记录`.
struct SuggestIndex: Sendable {
    struct Phrase: Sendable {
        let key: [Unicode.Scalar]
        let text: String
        let entry: Int
    }

    let phrases: [Phrase]

    init(catalog: FAQCatalog, analyzer: Analyzer) {
        var phrases: [Phrase] = []
        for (i, entry) in catalog.entries.enumerated() {
            for text in [entry.question] + entry.similar {
                let key = Self.key(text, analyzer: analyzer)
                if !key.isEmpty { phrases.append(Phrase(key: key, text: text, entry: i)) }
            }
        }
        phrases.sort { $0.key.lexicographicallyPrecedes($1.key) { $0.value < $1.value } }
        self.phrases = phrases
    }

    /// Folded letters, digits and CJK of `text`, without spaces and punctuation.
    static func key(_ text: String, analyzer: Analyzer) -> [Unicode.Scalar] {
        analyzer.normalize(text).unicodeScalars.filter { ScalarClass.of($0) != .separator }
    }

    /// Phrases starting with `prefix`, at most `limit` distinct entries, in phrase order.
    func complete(_ prefix: String, analyzer: Analyzer, limit: Int) -> [(phrase: Phrase, entry: Int)] {
        let key = Self.key(prefix, analyzer: analyzer)
        guard !key.isEmpty else { return [] }
        var lo = 0, hi = phrases.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if phrases[mid].key.lexicographicallyPrecedes(key, by: { $0.value < $1.value }) { lo = mid + 1 } else { hi = mid }
        }
        var seen = Set<Int>()
        var out: [(phrase: Phrase, entry: Int)] = []
        var i = lo
        while i < phrases.count, phrases[i].key.starts(with: key), out.count < limit * 4 {
            if seen.insert(phrases[i].entry).inserted { out.append((phrases[i], phrases[i].entry)) }
            i += 1
        }
        return out
    }
}
