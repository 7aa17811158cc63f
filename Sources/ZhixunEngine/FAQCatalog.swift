import Foundation
import ZhixunIndex

/// The current FAQ entries of a generation (id, question, category), read once from its stored
/// passages: the candidates for hot questions and suggestions.
struct FAQCatalog: Sendable {
    struct Entry: Sendable {
        let document: String
        let passage: String
        let question: String
        let category: String
    }

    let entries: [Entry]
    let byDocument: [String: Int]

    init(reader: IndexReader) {
        var entries: [Entry] = []
        let decoder = JSONDecoder()
        for p in 0..<reader.passageCount {
            let attributes = reader.attributes(passage: p)
            guard attributes.kind == "faq", SearchOptions.currentStatuses.contains(attributes.status),
                  let stored = try? decoder.decode(StoredPassage.self, from: Data(reader.storedPayload(passage: p))) else { continue }
            entries.append(Entry(document: stored.doc, passage: stored.id, question: stored.title, category: stored.category))
        }
        self.entries = entries
        byDocument = Dictionary(entries.enumerated().map { ($1.document, $0) }, uniquingKeysWith: { a, _ in a })
    }
}
