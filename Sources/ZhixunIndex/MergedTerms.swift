import Foundation

/// The distinct terms of several ``PostingAccumulator``s (consecutive passage ranges) in key
/// order, each with the term number it has in every accumulator that holds it. Each accumulator's
/// keys are sorted on its own core, then the sorted runs are merged.
struct MergedTerms: Sendable {
    /// Distinct keys, ascending.
    let keys: [UInt64]
    /// `keys.count × sources` term numbers, −1 where an accumulator lacks the term.
    private let numbers: [Int32]
    private let sources: Int

    init(_ accumulators: [PostingAccumulator]) {
        sources = accumulators.count
        let count = accumulators.count
        nonisolated(unsafe) let sorted = UnsafeMutableBufferPointer<[Int32]>.allocate(capacity: count)
        _ = sorted.initialize(from: repeatElement([], count: count))
        defer {
            sorted.baseAddress!.deinitialize(count: count)
            sorted.deallocate()
        }
        nonisolated(unsafe) let shared = accumulators  // read-only while sorting
        DispatchQueue.concurrentPerform(iterations: count) { a in
            let keys = shared[a].termKeys
            // Keys are distinct within an accumulator, so an unstable sort is deterministic.
            sorted[a] = (0..<Int32(keys.count)).sorted { keys[Int($0)] < keys[Int($1)] }
        }
        if count == 1 {
            keys = sorted[0].map { accumulators[0].termKeys[Int($0)] }
            numbers = sorted[0]
            return
        }
        var keys: [UInt64] = []
        var numbers: [Int32] = []
        keys.reserveCapacity(accumulators.map(\.termKeys.count).max() ?? 0)
        var next = [Int](repeating: 0, count: count)
        while true {
            var smallest = UInt64.max
            var any = false
            for a in 0..<count where next[a] < sorted[a].count {
                let k = accumulators[a].termKeys[Int(sorted[a][next[a]])]
                if !any || k < smallest { smallest = k }
                any = true
            }
            guard any else { break }
            keys.append(smallest)
            for a in 0..<count {
                if next[a] < sorted[a].count, accumulators[a].termKeys[Int(sorted[a][next[a]])] == smallest {
                    numbers.append(sorted[a][next[a]])
                    next[a] += 1
                } else {
                    numbers.append(-1)
                }
            }
        }
        self.keys = keys
        self.numbers = numbers
    }

    /// Calls `body` with each (accumulator, term number) pair of merged term `i`, in passage order.
    @inline(__always)
    func forEachMember(of i: Int, _ body: (Int, Int) -> Void) {
        for a in 0..<sources where numbers[i * sources + a] >= 0 {
            body(a, Int(numbers[i * sources + a]))
        }
    }
}
