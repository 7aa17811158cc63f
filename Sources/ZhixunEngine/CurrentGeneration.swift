import Synchronization
import ZhixunIndex

/// The generation queries run against: swapped atomically when a rebuild commits, so a request
/// in flight keeps the reader it started with (readers are immutable and reference-counted).
final class CurrentGeneration: Sendable {
    private let state = Mutex<(name: String, reader: IndexReader)?>(nil)

    /// The reader in use, if any.
    var reader: IndexReader? { state.withLock { $0?.reader } }

    /// The current generation's name, if any.
    var name: String? { state.withLock { $0?.name } }

    func replace(name: String, reader: IndexReader) {
        state.withLock { $0 = (name, reader) }
    }
}
