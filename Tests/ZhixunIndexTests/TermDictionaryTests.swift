import Foundation
import Testing
@testable import ZhixunIndex

/// The block-compressed term dictionary: every written term is found with its values, absent
/// keys (between, before and after the written ones) are not, and damaged bytes never crash.
@Suite struct TermDictionaryTests {
    /// Writes `keys` with derived values and returns the two files' bytes.
    func write(_ keys: [UInt64]) throws -> (terms: [UInt8], index: [UInt8]) {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("zx-dict-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let terms = try FileSink(path: dir + "/t"), index = try FileSink(path: dir + "/i")
        var writer = TermDictionary.Writer(terms: terms, index: index)
        var offset = 0
        for (i, key) in keys.enumerated() {
            try writer.add(key: key, docFreq: i % 300 + 1, postingsOffset: offset, postingsBytes: i * 7 % 1000 + 3,
                           maxScore: Float(i) / 8)
            offset += i * 7 % 1000 + 3
        }
        try terms.finish()
        try index.finish()
        return ([UInt8](try Data(contentsOf: URL(fileURLWithPath: dir + "/t"))),
                [UInt8](try Data(contentsOf: URL(fileURLWithPath: dir + "/i"))))
    }

    @Test func findsEveryTermAndNoOther() throws {
        // Odd keys with irregular gaps (some > 2^32) over several blocks, the last one partial.
        var keys: [UInt64] = []
        var k: UInt64 = 5
        for i in 0..<(TermDictionary.blockSize * 3 + 17) {
            keys.append(k)
            k += UInt64(2 + (i % 5) * 2) + (i % 50 == 0 ? 1 << 33 : 0)
        }
        let (terms, index) = try write(keys)
        #expect(index.count == 4 * TermDictionary.indexEntrySize)
        terms.withUnsafeBytes { t in
            index.withUnsafeBytes { x in
                var offset = 0
                for (i, key) in keys.enumerated() {
                    let found = TermDictionary.lookup(key, terms: t, index: x, termCount: keys.count)
                    #expect(found?.offset == offset && found?.docFreq == i % 300 + 1 && found?.maxScore == Double(Float(i) / 8))
                    offset += i * 7 % 1000 + 3
                    #expect(TermDictionary.lookup(key + 1, terms: t, index: x, termCount: keys.count) == nil)
                }
                #expect(TermDictionary.lookup(1, terms: t, index: x, termCount: keys.count) == nil)
                #expect(TermDictionary.lookup(UInt64.max, terms: t, index: x, termCount: keys.count) == nil)
            }
        }
    }

    @Test func damagedBlocksAnswerNil() throws {
        let keys = (1...200).map { UInt64($0) * 3 }
        var (terms, index) = try write(keys)
        for i in terms.indices { terms[i] = 0xFF }  // continuation bits everywhere: unterminated varints
        terms.withUnsafeBytes { t in
            index.withUnsafeBytes { x in
                for key in keys.dropFirst() where key % 64 != 0 {
                    #expect(TermDictionary.lookup(key, terms: t, index: x, termCount: keys.count) == nil)
                }
            }
        }
        // A block index pointing past the end is refused, not read.
        for i in 8..<16 { index[i] = 0x7F }
        terms.withUnsafeBytes { t in
            index.withUnsafeBytes { x in
                #expect(TermDictionary.lookup(keys[1], terms: t, index: x, termCount: keys.count) == nil)
            }
        }
    }
}
