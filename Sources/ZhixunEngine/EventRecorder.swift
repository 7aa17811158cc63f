import Foundation
import Synchronization
import ZhixunStore

/// Buffers question events and writes them in batches, one transaction per batch, from a background
/// thread: answering never waits on the database writer. Anything that reads events (hot questions,
/// feedback, statistics) flushes first, so readers always see every event recorded before them.
final class EventRecorder: Sendable {
    private let store: KnowledgeStore
    private let pending = Mutex<[QuestionEvent]>([])
    /// Serializes flushes so batches reach the store in order.
    private let flushing = Mutex<Void>(())
    private let interval: TimeInterval

    init(store: KnowledgeStore, interval: TimeInterval = 0.05) {
        self.store = store
        self.interval = interval
        let thread = Thread { [weak self] in
            while let recorder = self {
                Thread.sleep(forTimeInterval: recorder.interval)
                try? recorder.flush()
            }
        }
        thread.name = "zhixun.events"
        thread.start()
    }

    /// Queues an event; it reaches the store within `interval` seconds.
    func record(_ event: QuestionEvent) {
        pending.withLock { $0.append(event) }
    }

    /// Writes every queued event now.
    func flush() throws {
        try flushing.withLock { _ in
            let batch = pending.withLock { events -> [QuestionEvent] in
                defer { events.removeAll(keepingCapacity: true) }
                return events
            }
            if !batch.isEmpty { try store.record(batch) }
        }
    }

    deinit { try? flush() }
}
