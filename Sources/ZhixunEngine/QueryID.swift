import Foundation

/// Identifiers for answered questions: UUID version 7 (RFC 9562), a 48-bit Unix-millisecond
/// timestamp followed by 74 random bits, in the usual lowercase 8-4-4-4-12 form.
///
/// The event log stores every answered question under its id. Random (version 4) ids land all over
/// the primary-key index, so each insert touches a different page; time-ordered ids append at its
/// right edge, which keeps the event writer cheap at thousands of questions per second. The random
/// part keeps ids unguessable, since feedback is accepted for any id a client presents.
public enum QueryID {
    /// A new id for a question asked at `date`.
    public static func make(at date: Date = Date()) -> String {
        var generator = SystemRandomNumberGenerator()
        return make(milliseconds: UInt64(max(0, date.timeIntervalSince1970 * 1000)), using: &generator)
    }

    /// A new id from an explicit timestamp and random source (deterministic in tests).
    public static func make(milliseconds: UInt64, using generator: inout some RandomNumberGenerator) -> String {
        var bytes = [UInt8](repeating: 0, count: 16)
        for i in 0..<6 { bytes[i] = UInt8(truncatingIfNeeded: milliseconds >> (40 - 8 * UInt64(i))) }
        let random = (generator.next() as UInt64, generator.next() as UInt64)
        for i in 6..<16 {
            let word = i < 14 ? random.0 : random.1
            bytes[i] = UInt8(truncatingIfNeeded: word >> (8 * UInt64(i % 8)))
        }
        bytes[6] = 0x70 | (bytes[6] & 0x0F)  // version 7
        bytes[8] = 0x80 | (bytes[8] & 0x3F)  // RFC 9562 variant
        let hex = Array("0123456789abcdef".utf8)
        var text = [UInt8]()
        text.reserveCapacity(36)
        for (i, byte) in bytes.enumerated() {
            if i == 4 || i == 6 || i == 8 || i == 10 { text.append(UInt8(ascii: "-")) }
            text.append(hex[Int(byte >> 4)])
            text.append(hex[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }
}
