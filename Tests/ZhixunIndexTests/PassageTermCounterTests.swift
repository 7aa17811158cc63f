import Testing
@testable import ZhixunIndex

@Suite struct PassageTermCounterTests {
    @Test func countsPerFieldInFirstSeenOrder() {
        var counter = PassageTermCounter()
        counter.add([7, 3, 7, 7], field: 0)
        counter.add([3, 9], field: 2)
        #expect(counter.entries.map(\.key) == [7, 3, 9])
        #expect(counter.entries[0].tf == (3, 0, 0, 0))
        #expect(counter.entries[1].tf == (1, 0, 1, 0))
        #expect(counter.entries[2].tf == (0, 0, 1, 0))
    }

    @Test func resetForgetsThePreviousPassage() {
        var counter = PassageTermCounter()
        counter.add([1, 2, 2], field: 1)
        counter.reset()
        #expect(counter.entries.isEmpty)
        counter.add([2, 5], field: 3)
        #expect(counter.entries.map(\.key) == [2, 5])
        #expect(counter.entries[0].tf == (0, 0, 0, 1))
    }

    /// A passage with more distinct terms than the table starts with grows it without losing counts.
    @Test func growsPastItsInitialSize() {
        var counter = PassageTermCounter()
        let keys = (1...10_000).map { UInt64($0) &* 0x1_0000_0001 }
        counter.add(keys, field: 0)
        counter.add(keys.reversed(), field: 1)
        #expect(counter.entries.count == keys.count)
        #expect(counter.entries.map(\.key) == keys)
        #expect(counter.entries.allSatisfy { $0.tf == (1, 1, 0, 0) })
        counter.reset()
        counter.add([keys[0]], field: 0)
        #expect(counter.entries.count == 1)
        #expect(counter.entries[0].tf == (1, 0, 0, 0))
    }
}
