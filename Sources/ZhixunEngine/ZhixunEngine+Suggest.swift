import Foundation

/// A completion of a partly typed question.
public struct Suggestion: Codable, Equatable, Sendable {
    /// The phrasing that matched the prefix.
    public var text: String
    /// The FAQ entry it belongs to.
    public var id: String
    /// The entry's main question.
    public var question: String
}

extension ZhixunEngine {
    /// Hot scores of FAQ entries (from the cached popularity snapshot).
    func popularityScores() -> [String: Double] {
        Dictionary(((try? hotQuestions(limit: 100)) ?? []).map { ($0.id, $0.score) }, uniquingKeysWith: max)
    }

    /// Completions of `prefix` from FAQ questions and similar phrasings, popular entries first,
    /// then shorter phrasings.
    public func suggest(_ prefix: String, limit: Int = 8) throws -> [Suggestion] {
        guard (1...50).contains(limit) else {
            throw EngineError.invalidArgument(name: "limit", reason: "must be between 1 and 50, got \(limit)")
        }
        guard prefix.unicodeScalars.count <= Self.maxQueryLength else {
            throw EngineError.queryTooLong(length: prefix.unicodeScalars.count, limit: Self.maxQueryLength)
        }
        let snapshot = try snapshot()
        let matches = snapshot.suggestions.complete(prefix, analyzer: analyzer, limit: limit)
        guard !matches.isEmpty else { return [] }
        let hot = popularityScores()
        let ranked = matches.sorted { a, b in
            let ha = hot[snapshot.faqs.entries[a.entry].document] ?? 0
            let hb = hot[snapshot.faqs.entries[b.entry].document] ?? 0
            if ha != hb { return ha > hb }
            return a.phrase.key.count < b.phrase.key.count
        }
        return ranked.prefix(limit).map {
            let entry = snapshot.faqs.entries[$0.entry]
            return Suggestion(text: $0.phrase.text, id: entry.document, question: entry.question)
        }
    }
}
