import Foundation

/// Hands items that concurrent workers finish out of order to one consumer in index order, with
/// no barrier between batches: whichever worker finishes the next item in line consumes it and
/// every item already waiting behind it, while the other workers go on producing.
///
/// The writer uses it so that appending encoded chunks to the generation files overlaps with
/// encoding the following chunks. ``waitForTurn(_:)`` bounds how far producers run ahead, and so
/// how many finished items wait in memory.
final class InOrderDrain<Item>: @unchecked Sendable {
    private let condition = NSCondition()
    private var pending: [Int: Item] = [:]
    private var next = 0
    private var draining = false
    private let window: Int
    private let consume: (Item) throws -> Void
    /// The first error ``consume`` threw; once set, later items are dropped unconsumed.
    private(set) var error: (any Error)?

    /// `window`: how many items past the next one in line a producer may start.
    init(window: Int, consume: @escaping (Item) throws -> Void) {
        precondition(window > 0, "InOrderDrain: the window holds at least one item")
        self.window = window
        self.consume = consume
    }

    /// Blocks until item `index` is within the window of the next item in line. Deadlock-free:
    /// the item in line was claimed by a producer that is not waiting (it is within the window).
    func waitForTurn(_ index: Int) {
        condition.lock()
        while index >= next + window { condition.wait() }
        condition.unlock()
    }

    /// Whether consuming has failed (producers may stop early).
    var failed: Bool {
        condition.lock()
        defer { condition.unlock() }
        return error != nil
    }

    /// Stores finished item `index`; if it is next in line and no one is consuming, consumes it
    /// and the items behind it.
    func finish(_ index: Int, _ item: Item) {
        condition.lock()
        pending[index] = item
        guard !draining else {
            condition.unlock()
            return
        }
        draining = true
        while let ready = pending.removeValue(forKey: next) {
            let failedBefore = error != nil
            condition.unlock()
            var thrown: (any Error)?
            if !failedBefore {
                do { try consume(ready) } catch { thrown = error }
            }
            condition.lock()
            if let thrown, error == nil { error = thrown }
            next += 1
            condition.broadcast()
        }
        draining = false
        condition.unlock()
    }

    /// Items consumed (or dropped after an error) so far.
    var consumedCount: Int {
        condition.lock()
        defer { condition.unlock() }
        return next
    }
}
