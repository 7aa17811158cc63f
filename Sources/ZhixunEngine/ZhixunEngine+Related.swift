import Foundation
import ZhixunIndex
import ZhixunText

/// One item of related-topic push.
public struct RelatedItem: Codable, Equatable, Sendable {
    /// Passage id (`<doc>#<ordinal>`).
    public var id: String
    /// Document id as ingested.
    public var doc: String
    /// `faq` or `policy`.
    public var kind: String
    /// Document title (an FAQ's question).
    public var title: String
    /// Heading path of the passage.
    public var heading: String
    /// Content similarity relative to the item itself, plus category and next-question bonuses.
    public var score: Double
    /// Why it is related: `content`, `category`, `next_question` (several when several apply).
    public var reasons: [String]
}

extension ZhixunEngine {
    /// Related items shown with an answer (the answer API's push).
    public static let answerRelatedLimit = 5

    static func relatedKey(generation: String, id: String, limit: Int) -> String {
        "\(generation)\u{1F}\(id)\u{1F}\(limit)"
    }

    /// Related knowledge for an FAQ entry or passage (`doc#n`, or an FAQ's document id): content that
    /// is similar (BM25 over the item's most distinctive terms), knowledge sharing its category and
    /// tags, and questions asked next by the same sessions. Never the item itself, its superseded
    /// versions, or near-duplicates of it.
    public func related(to id: String, limit: Int = 5) throws -> [RelatedItem] {
        guard (1...20).contains(limit) else {
            throw EngineError.invalidArgument(name: "limit", reason: "must be between 1 and 20, got \(limit)")
        }
        let snapshot = try snapshot()
        return try relatedCache.value(for: Self.relatedKey(generation: snapshot.name, id: id, limit: limit)) { [self] in
            try computeRelated(to: id, limit: limit, snapshot: snapshot)
        }
    }

    func computeRelated(to id: String, limit: Int, snapshot: CurrentGeneration.Snapshot) throws -> [RelatedItem] {
        let reader = snapshot.reader
        guard let passage = snapshot.faqs.passages[id] ?? snapshot.faqs.passages[id + "#1"] else {
            throw EngineError.unknownItem(id: id)
        }
        let item = result(for: SearchHit(passage: passage, score: 0), in: reader)
        let stored = try JSONDecoder().decode(StoredPassage.self, from: Data(reader.storedPayload(passage: passage)))

        // Content: the item's most distinctive terms as a query.
        var termIDF: [Term: Double] = [:]
        for term in analyzer.terms(stored.title + "\n" + stored.heading + "\n" + stored.text) where !filler.terms.contains(term) {
            if let info = reader.lookup(term) { termIDF[term] = info.idf }
        }
        var query = WeightedQuery()
        for (term, _) in termIDF.sorted(by: { ($0.value, $0.key.rawValue) > ($1.value, $1.key.rawValue) }).prefix(12) {
            query.add(term)
        }
        let filter = reader.filter(statuses: SearchOptions.currentStatuses)
        let selfScore = Searcher(reader: reader).search(query, limit: 1, filter: .all).first?.score ?? 1
        var scores: [Int: (score: Double, reasons: Set<String>)] = [:]
        for hit in Searcher(reader: reader).search(query, limit: limit * 4 + 1, filter: filter) {
            scores[hit.passage] = (hit.score / max(selfScore, 1e-9), ["content"])
        }
        // Category and tags: FAQ entries of the same category, by shared tags and popularity.
        let popularity = popularityScores()
        let tags = Set(stored.tags ?? [])
        for entry in snapshot.faqs.entries where !stored.category.isEmpty && entry.category == stored.category {
            guard let p = snapshot.faqs.passages[entry.passage] else { continue }
            let shared = Double(tags.intersection(entry.tags).count)
            let bonus = 0.1 + 0.1 * shared + 0.05 * min(popularity[entry.document] ?? 0, 10) / 10
            scores[p, default: (0, [])].score += bonus
            scores[p]!.reasons.insert("category")
        }
        // Questions asked next in the same sessions.
        // Session signals may lag the event buffer by a few milliseconds: not worth a flush per request.
        for (document, count) in try store.nextAnswers(after: stored.doc, limit: 20) {
            guard let index = snapshot.faqs.byDocument[document],
                  let p = snapshot.faqs.passages[snapshot.faqs.entries[index].passage] else { continue }
            scores[p, default: (0, [])].score += 0.2 * Double(min(count, 5))
            scores[p]!.reasons.insert("next_question")
        }
        return scores.compactMap { p, value -> RelatedItem? in
            let r = result(for: SearchHit(passage: p, score: value.score), in: reader)
            // Not the item, not another version of its document, not a near-duplicate of it.
            guard r.doc != item.doc, !isNearDuplicate(r, of: item) else { return nil }
            return RelatedItem(id: r.id, doc: r.doc, kind: r.kind, title: r.title, heading: r.heading,
                               score: value.score, reasons: value.reasons.sorted())
        }
        .sorted { ($0.score, $1.id) > ($1.score, $0.id) }
        .prefix(limit).map { $0 }
    }

    /// Same title and heading, or the same text: another copy of the item.
    private func isNearDuplicate(_ a: SearchResult, of b: SearchResult) -> Bool {
        (a.title == b.title && a.heading == b.heading) || a.text == b.text
    }
}
