import Foundation
import Testing
@testable import ZhixunEngine

/// Query ids are RFC 9562 version-7 UUIDs: well-formed, ordered by time, and unique.
@Suite struct QueryIDTests {
    /// A fixed random source, so the expected text can be written down.
    struct Counter: RandomNumberGenerator {
        var value: UInt64 = 0
        mutating func next() -> UInt64 { value &+= 0x0101_0101_0101_0101; return value }
    }

    @Test func encodesTimestampVersionAndVariant() {
        var source = Counter()
        // 0x0123456789ab ms: the first 12 hex digits carry the timestamp.
        let id = QueryID.make(milliseconds: 0x0123_4567_89AB, using: &source)
        #expect(id.count == 36)
        #expect(id.hasPrefix("01234567-89ab-7"))
        let parts = id.split(separator: "-")
        #expect(parts.map(\.count) == [8, 4, 4, 4, 12])
        #expect(["8", "9", "a", "b"].contains(parts[3].first.map(String.init)))
        #expect(UUID(uuidString: id) != nil)
    }

    @Test func laterQuestionsSortAfterEarlierOnes() {
        var previous = ""
        for step in 0..<200 {
            let id = QueryID.make(at: Date(timeIntervalSince1970: 1_790_000_000 + Double(step) * 0.002))
            #expect(id > previous)
            previous = id
        }
    }

    @Test func idsAreUniqueWithinOneMillisecond() {
        let now = Date()
        let ids = Set((0..<10_000).map { _ in QueryID.make(at: now) })
        #expect(ids.count == 10_000)
    }
}
