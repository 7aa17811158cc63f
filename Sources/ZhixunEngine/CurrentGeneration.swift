import Synchronization
import ZhixunIndex

/// The generation queries run against, with what the engine derives from it: swapped atomically
/// when a rebuild commits, so a request in flight keeps the generation it started with (readers
/// are immutable and reference-counted).
final class CurrentGeneration: Sendable {
    /// One opened generation and its derived catalog.
    struct Snapshot: Sendable {
        let name: String
        let reader: IndexReader
        let faqs: FAQCatalog
        let suggestions: SuggestIndex
        let synonyms: SynonymExpander
        let passages = StoredPassageCache()
        let answers = AnswerCache()
    }

    private let state = Mutex<Snapshot?>(nil)

    /// The generation in use, if any.
    var snapshot: Snapshot? { state.withLock { $0 } }

    /// The reader in use, if any.
    var reader: IndexReader? { snapshot?.reader }

    /// The current generation's name, if any.
    var name: String? { snapshot?.name }

    func replace(_ snapshot: Snapshot) {
        state.withLock { $0 = snapshot }
    }
}
