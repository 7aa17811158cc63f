import Foundation
import Synchronization

/// A per-scalar folding table: Unicode NFKC, then lowercase, then traditional → simplified Chinese.
///
/// The table is derived once from the sources of truth (Foundation's NFKC and case mapping, OpenCC's
/// `t2s` conversion) and then applied inside the byte loop of the analyzer, which is far faster than
/// converting whole strings. Each entry also carries the ``ScalarClass`` of the folded scalar, so
/// tokenization needs no further Unicode property look-ups.
///
/// Folding is character by character: OpenCC's phrase-level choices (乾隆 vs 干) are not applied.
/// That is what search needs: queries and documents go through the same table, so a traditional
/// query meets simplified text and the reverse.
public final class CharacterFolding: Sendable {
    /// Entry layout: bits 0–20 scalar (or expansion index), bits 24–26 class, bit 31 expansion flag.
    @usableFromInline let bmp: [UInt32]
    @usableFromInline let supplementary: [UInt32: UInt32]
    @usableFromInline let expansions: [[UInt32]]

    @usableFromInline static let expansionFlag: UInt32 = 1 << 31
    @usableFromInline static let scalarMask: UInt32 = 0x1F_FFFF

    /// Packs a folded scalar and its class into one table entry.
    @inlinable static func entry(_ scalar: UInt32, _ cls: ScalarClass) -> UInt32 {
        scalar | (UInt32(cls.rawValue) << 24)
    }

    private static let cache = Mutex<CharacterFolding?>(nil)

    /// The process-wide table, built on first use (tens of milliseconds) from `t2s.json`.
    public static func shared() throws -> CharacterFolding {
        try cache.withLock { cached in
            if let table = cached { return table }
            let table = try CharacterFolding(openCCConfig: "t2s.json")
            cached = table
            return table
        }
    }

    /// Builds the table with the given OpenCC configuration for script folding, or none at all
    /// (`nil`: NFKC and lowercase only, as Lucene's analyzers do).
    public init(openCCConfig: String?) throws {
        let converter = try openCCConfig.map { try OpenCCConverter(config: $0) }
        var bmp = [UInt32](repeating: 0, count: 0x10000)
        for v in 0..<UInt32(0x80) {
            let folded = (v >= 0x41 && v <= 0x5A) ? v + 0x20 : v
            bmp[Int(v)] = Self.entry(folded, ScalarClass.of(Unicode.Scalar(folded)!))
        }
        var expansions: [[UInt32]] = []
        var supplementary: [UInt32: UInt32] = [:]

        let bmpScalars = (UInt32(0x80)..<0x10000).filter { !(0xD800...0xDFFF).contains($0) }
        let smpScalars = Array(UInt32(0x1D400)...0x1D7FF) + Array(UInt32(0x1F100)...0x1F1FF)
            + Array(UInt32(0x1FBF0)...0x1FBF9) + Array(UInt32(0x20000)...0x323AF)
        let allScalars = bmpScalars + smpScalars
        let folded = try Self.fold(allScalars, converter: converter)

        for (index, source) in allScalars.enumerated() {
            let target = folded[index]
            let entry: UInt32
            if target.isEmpty {
                entry = Self.entry(0, .ignorable)
            } else if target.count == 1 {
                entry = Self.entry(target[0], ScalarClass.of(Unicode.Scalar(target[0])!))
            } else {
                expansions.append(target.map { Self.entry($0, ScalarClass.of(Unicode.Scalar($0)!)) })
                entry = Self.expansionFlag | UInt32(expansions.count - 1)
            }
            if source < 0x10000 {
                bmp[Int(source)] = entry
            } else if target.count != 1 || target[0] != source {
                supplementary[source] = entry
            }
        }
        self.bmp = bmp
        self.supplementary = supplementary
        self.expansions = expansions
    }

    /// Folds every scalar on its own: NFKC and lowercase through Foundation, then OpenCC, each in
    /// one call over a newline-separated list (no mapping contains a newline, so lines stay aligned).
    private static func fold(_ scalars: [UInt32], converter: OpenCCConverter?) throws -> [[UInt32]] {
        var joined = String.UnicodeScalarView()
        joined.reserveCapacity(scalars.count * 2)
        for v in scalars {
            joined.append(Unicode.Scalar(v)!)
            joined.append("\n")
        }
        let nfkc = String(joined).precomposedStringWithCompatibilityMapping.lowercased()
        let simplified = try converter?.convert(nfkc) ?? nfkc
        var lines = simplified.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.map(\.value) }
        if lines.last?.isEmpty == true { lines.removeLast() }
        guard lines.count == scalars.count else {
            throw TextAnalysisError.openCCConversionFailed(
                reason: "folding table misaligned: \(lines.count) lines for \(scalars.count) scalars")
        }
        // Ignorable (format) characters fold to nothing, so they never split a token.
        for i in lines.indices where lines[i].count == 1 {
            if let s = Unicode.Scalar(lines[i][0]), s.properties.generalCategory == .format {
                lines[i] = []
            }
        }
        return lines
    }

    /// Calls `body` with each folded scalar entry of `scalar` (usually one; none for ignorables).
    @inlinable @inline(__always)
    public func forEachEntry(of scalar: UInt32, _ body: (UInt32) -> Void) {
        let e: UInt32
        if scalar < 0x10000 {
            e = bmp[Int(scalar)]
        } else if let mapped = supplementary[scalar] {
            e = mapped
        } else {
            e = Self.entry(scalar, ScalarClass.isCJK(scalar) ? .cjk : ScalarClass.of(Unicode.Scalar(scalar)!))
        }
        if e & Self.expansionFlag == 0 {
            body(e)
        } else {
            for x in expansions[Int(e & Self.scalarMask)] { body(x) }
        }
    }

    /// The scalar value of a table entry.
    @inlinable @inline(__always)
    public static func scalar(of entry: UInt32) -> UInt32 { entry & scalarMask }

    /// The class of a table entry.
    @inlinable @inline(__always)
    public static func scalarClass(of entry: UInt32) -> ScalarClass {
        ScalarClass(rawValue: UInt8((entry >> 24) & 0x7)) ?? .separator
    }
}
