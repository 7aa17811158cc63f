import Dispatch
import Foundation
import Synchronization
import Testing
@testable import ZhixunIndex

@Suite struct InOrderDrainTests {
    /// Items finished out of order on several threads are consumed once each, in index order.
    @Test func consumesInIndexOrderExactlyOnce() {
        let consumed = Mutex<[Int]>([])
        let drain = InOrderDrain<Int>(window: 3) { item in consumed.withLock { $0.append(item) } }
        DispatchQueue.concurrentPerform(iterations: 500) { i in
            drain.waitForTurn(i)
            // Uneven work, so later items often finish before earlier ones.
            var x = UInt64(i)
            for _ in 0..<((i * 7919) % 13) * 2000 { x = x &* 6364136223846793005 &+ 1 }
            drain.finish(i, i + Int(x & 0))
        }
        #expect(consumed.withLock { $0 } == Array(0..<500))
        #expect(drain.consumedCount == 500)
        #expect(drain.error == nil)
    }

    struct Refused: Error, Equatable { var item: Int }

    /// The first error is kept, and nothing after the failing item is consumed.
    @Test func stopsConsumingAtTheFirstError() {
        let consumed = Mutex<[Int]>([])
        let drain = InOrderDrain<Int>(window: 4) { item in
            if item == 37 { throw Refused(item: item) }
            consumed.withLock { $0.append(item) }
        }
        DispatchQueue.concurrentPerform(iterations: 100) { i in
            drain.waitForTurn(i)
            drain.finish(i, i)
        }
        #expect(consumed.withLock { $0 } == Array(0..<37))
        #expect(drain.error as? Refused == Refused(item: 37))
        #expect(drain.failed)
        #expect(drain.consumedCount == 100, "dropped items still advance the line, so no producer waits forever")
    }
}
