import Foundation

/// The one text analysis path shared by indexing and querying: fold, then tokenize.
///
/// ```swift
/// let analyzer = try Analyzer.standard()
/// analyzer.tokens("如何查詢繳稅記錄").map(\.text)  // ["如何", "何查", "查询", "询缴", "缴税", "税记", "记录"]
/// ```
///
/// An `Analyzer` is an immutable value: share it freely across threads.
public struct Analyzer: Sendable {
    /// The per-character folding table (NFKC, lowercase, traditional → simplified).
    public let folding: CharacterFolding

    /// Creates an analyzer over a folding table.
    public init(folding: CharacterFolding) {
        self.folding = folding
    }

    /// The standard analyzer, folding with OpenCC's `t2s` table.
    public static func standard() throws -> Analyzer {
        Analyzer(folding: try CharacterFolding.shared())
    }

    /// Folds `text` into table entries (scalar and class), appending to `buffer`.
    public func fold(_ text: String, into buffer: inout [UInt32]) {
        var text = text
        if Self.hasCombiningMarks(text) {
            // Rare in Chinese text; composition needs the whole-string algorithm.
            text = text.precomposedStringWithCompatibilityMapping
        }
        text.makeContiguousUTF8()
        text.utf8.withContiguousStorageIfAvailable { bytes in
            fold(utf8: bytes, into: &buffer)
        }
    }

    /// Folds UTF-8 bytes into entries. Invalid sequences become separators.
    public func fold(utf8 bytes: UnsafeBufferPointer<UInt8>, into buffer: inout [UInt32]) {
        buffer.reserveCapacity(buffer.count + bytes.count)
        let n = bytes.count
        var i = 0
        while i < n {
            let b0 = UInt32(bytes[i])
            if b0 < 0x80 {
                buffer.append(folding.bmp[Int(b0)])
                i += 1
                continue
            }
            var scalar: UInt32 = 0xFFFD
            if b0 >= 0xE0 && b0 < 0xF0 && i + 2 < n {
                scalar = (b0 & 0x0F) << 12 | (UInt32(bytes[i + 1]) & 0x3F) << 6 | (UInt32(bytes[i + 2]) & 0x3F)
                i += 3
            } else if b0 >= 0xC0 && b0 < 0xE0 && i + 1 < n {
                scalar = (b0 & 0x1F) << 6 | (UInt32(bytes[i + 1]) & 0x3F)
                i += 2
            } else if b0 >= 0xF0 && i + 3 < n {
                scalar = (b0 & 0x07) << 18 | (UInt32(bytes[i + 1]) & 0x3F) << 12
                    | (UInt32(bytes[i + 2]) & 0x3F) << 6 | (UInt32(bytes[i + 3]) & 0x3F)
                i += 4
            } else {
                i += 1
            }
            if scalar > 0x10FFFF || (0xD800...0xDFFF).contains(scalar) { scalar = 0xFFFD }
            folding.forEachEntry(of: scalar) { entry in
                if CharacterFolding.scalarClass(of: entry) != .ignorable { buffer.append(entry) }
            }
        }
    }

    /// `text` after folding: NFKC width folding, lowercase, traditional → simplified.
    public func normalize(_ text: String) -> String {
        var entries: [UInt32] = []
        fold(text, into: &entries)
        var out = String.UnicodeScalarView()
        for e in entries {
            if let s = Unicode.Scalar(CharacterFolding.scalar(of: e)) { out.append(s) }
        }
        return String(out)
    }

    /// The tokens of `text`, with their text and positions.
    public func tokens(_ text: String) -> [Token] {
        var entries: [UInt32] = []
        fold(text, into: &entries)
        var tokens: [Token] = []
        entries.withUnsafeBufferPointer { buf in
            BigramTokenizer.tokenize(buf) { term, range in
                var s = String.UnicodeScalarView()
                for e in buf[range] {
                    let cls = CharacterFolding.scalarClass(of: e)
                    if cls == .ignorable || (term.isCJK && cls == .mark) { continue }
                    if let u = Unicode.Scalar(CharacterFolding.scalar(of: e)) { s.append(u) }
                }
                tokens.append(Token(text: String(s), term: term, position: UInt32(tokens.count)))
            }
        }
        return tokens
    }

    /// Calls `body(term, position)` for each token of `text`: the hot path of indexing and querying.
    @inlinable
    public func forEachTerm(in text: String, scratch: inout [UInt32], _ body: (Term, UInt32) -> Void) {
        scratch.removeAll(keepingCapacity: true)
        fold(text, into: &scratch)
        var position: UInt32 = 0
        scratch.withUnsafeBufferPointer { buf in
            BigramTokenizer.tokenize(buf) { term, _ in
                body(term, position)
                position += 1
            }
        }
    }

    /// The terms of `text`, in order.
    public func terms(_ text: String) -> [Term] {
        var scratch: [UInt32] = []
        var out: [Term] = []
        forEachTerm(in: text, scratch: &scratch) { term, _ in out.append(term) }
        return out
    }

    /// Whether `text` holds combining diacritics (U+0300–U+036F), which need composition first.
    static func hasCombiningMarks(_ text: String) -> Bool {
        var found = false
        var text = text
        text.withUTF8 { bytes in
            for b in bytes where b == 0xCC || b == 0xCD {
                found = true
                break
            }
        }
        return found
    }
}
