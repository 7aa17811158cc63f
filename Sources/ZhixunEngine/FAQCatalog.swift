import Foundation
import ZhixunIndex

/// What the engine reads once from a generation's stored passages: the current FAQ entries (the
/// candidates for hot questions and suggestions) and the passage number of every passage id.
struct FAQCatalog: Sendable {
    struct Entry: Sendable {
        let document: String
        let passage: String
        let question: String
        let similar: [String]
        let category: String
        let tags: [String]
    }

    let entries: [Entry]
    let byDocument: [String: Int]
    /// Passage number of every passage id (`doc#n`), any kind and status.
    let passages: [String: Int]

    init(reader: IndexReader) {
        var entries: [Entry] = []
        var passages: [String: Int] = [:]
        let decoder = JSONDecoder()
        for p in 0..<reader.passageCount {
            guard let stored = try? decoder.decode(StoredPassage.self, from: Data(reader.storedPayload(passage: p))) else { continue }
            passages[stored.id] = p
            let attributes = reader.attributes(passage: p)
            guard attributes.kind == "faq", SearchOptions.currentStatuses.contains(attributes.status) else { continue }
            entries.append(Entry(document: stored.doc, passage: stored.id, question: stored.title,
                                 similar: stored.similar ?? [], category: stored.category, tags: stored.tags ?? []))
        }
        self.entries = entries
        self.passages = passages
        byDocument = Dictionary(entries.enumerated().map { ($1.document, $0) }, uniquingKeysWith: { a, _ in a })
    }
}
