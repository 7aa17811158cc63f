/// An indexed term as a 64-bit key, so the hot paths never build strings.
///
/// Layout of ``rawValue``:
/// - CJK unigram or bigram (top two bits `00`): `first << 21 | second` (second is 0 for a unigram);
///   a scalar fits in 21 bits, so every CJK term is exact.
/// - Short ASCII word (top bits `10`): up to 7 bytes packed big-endian with the length in bits 56–58.
/// - Any other word (top bits `11`): a 62-bit FNV-1a hash of its UTF-8 bytes (collisions are
///   astronomically unlikely at the vocabulary sizes of a knowledge base).
public struct Term: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The encoded key; stable across releases because index files store it.
    public let rawValue: UInt64

    /// Wraps a key read back from an index.
    @inlinable public init(rawValue: UInt64) { self.rawValue = rawValue }

    /// A CJK bigram of two scalars.
    @inlinable public static func bigram(_ a: UInt32, _ b: UInt32) -> Term {
        Term(rawValue: UInt64(a) << 21 | UInt64(b))
    }

    /// A lone CJK character.
    @inlinable public static func unigram(_ a: UInt32) -> Term {
        Term(rawValue: UInt64(a) << 21)
    }

    /// A word token (letters and digits) from its folded scalars.
    @inlinable public static func word<C: Collection>(_ scalars: C) -> Term where C.Element == UInt32 {
        if scalars.count <= 7, scalars.allSatisfy({ $0 < 0x80 }) {
            var packed: UInt64 = 0
            for s in scalars { packed = packed << 8 | UInt64(s) }
            packed <<= UInt64(8 * (7 - scalars.count))
            return Term(rawValue: 0b10 << 62 | UInt64(scalars.count) << 56 | packed)
        }
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for s in scalars {
            for byte in String(Unicode.Scalar(s)!).utf8 {
                hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
            }
        }
        return Term(rawValue: 0b11 << 62 | (hash >> 2))
    }

    /// Whether the term is a CJK unigram or bigram.
    @inlinable public var isCJK: Bool { rawValue >> 62 == 0 }

    /// Whether the term is a single CJK character.
    @inlinable public var isUnigram: Bool { isCJK && rawValue & 0x1F_FFFF == 0 }

    /// The term as text, when the key is lossless (CJK terms and short ASCII words).
    public var text: String? {
        switch rawValue >> 62 {
        case 0:
            let a = UInt32(truncatingIfNeeded: rawValue >> 21) & 0x1F_FFFF
            let b = UInt32(truncatingIfNeeded: rawValue) & 0x1F_FFFF
            var s = String.UnicodeScalarView()
            guard let first = Unicode.Scalar(a) else { return nil }
            s.append(first)
            if b != 0, let second = Unicode.Scalar(b) { s.append(second) }
            return String(s)
        case 0b10:
            let length = Int((rawValue >> 56) & 0x7)
            var bytes: [UInt8] = []
            for i in 0..<length {
                bytes.append(UInt8(truncatingIfNeeded: rawValue >> UInt64(48 - 8 * i)))
            }
            return String(decoding: bytes, as: UTF8.self)
        default:
            return nil
        }
    }

    public var description: String { text ?? String(format: "#%016llx", rawValue) }

    public static func < (lhs: Term, rhs: Term) -> Bool { lhs.rawValue < rhs.rawValue }
}

import Foundation
