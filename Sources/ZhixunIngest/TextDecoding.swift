import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Turns file bytes into text, the way Chinese government and enterprise files arrive: UTF-8 with
/// or without BOM, UTF-16 with BOM, or GB18030/GBK/GB2312 (declared in a `<meta charset>`, an XML
/// declaration, or detected when undeclared). Binary data is refused rather than guessed at.
public enum TextDecoding {
    /// The encodings recognised.
    public enum Encoding: String, Sendable {
        case utf8 = "UTF-8"
        case utf16LE = "UTF-16LE"
        case utf16BE = "UTF-16BE"
        case gb18030 = "GB18030"
    }

    /// Decoded text and how it was decoded.
    public struct Decoded: Sendable {
        public var text: String
        public var encoding: Encoding
        /// Whether the encoding was declared (BOM or charset) rather than detected.
        public var declared: Bool
    }

    /// Decodes `data`; `file` names it in errors.
    public static func decode(_ data: Data, file: String) throws -> Decoded {
        let bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            return Decoded(text: try utf8(bytes.dropFirst(3), file: file), encoding: .utf8, declared: true)
        }
        if bytes.starts(with: [0xFF, 0xFE]) {
            return Decoded(text: try convert(Array(bytes.dropFirst(2)), from: .utf16LE, file: file), encoding: .utf16LE, declared: true)
        }
        if bytes.starts(with: [0xFE, 0xFF]) {
            return Decoded(text: try convert(Array(bytes.dropFirst(2)), from: .utf16BE, file: file), encoding: .utf16BE, declared: true)
        }
        if looksBinary(bytes) {
            throw IngestError.invalidEncoding(file: file, detail: "the file looks binary (NUL or control bytes), not text")
        }
        if let declared = declaredCharset(bytes) {
            switch declared {
            case "gbk", "gb2312", "gb18030", "x-gbk", "cp936", "euc-cn":
                return Decoded(text: try convert(bytes, from: .gb18030, file: file), encoding: .gb18030, declared: true)
            case "utf-8", "utf8":
                return Decoded(text: try utf8(bytes[...], file: file), encoding: .utf8, declared: true)
            default:
                throw IngestError.invalidEncoding(file: file, detail: "declared charset '\(declared)' is not supported (use UTF-8 or GB18030/GBK)")
            }
        }
        if let text = String(validating: bytes, as: UTF8.self) {
            return Decoded(text: text, encoding: .utf8, declared: false)
        }
        // Undeclared and not UTF-8: GB18030 decodes any GBK file; accept it only if the result is
        // mostly CJK text, so random Latin-1 or corrupt bytes are not taken for Chinese.
        if let text = try? convert(bytes, from: .gb18030, file: file), mostlyPlausible(text) {
            return Decoded(text: text, encoding: .gb18030, declared: false)
        }
        throw IngestError.invalidEncoding(file: file, detail: "not valid UTF-8, and not GB18030/GBK text either")
    }

    static func utf8(_ bytes: ArraySlice<UInt8>, file: String) throws -> String {
        guard let text = String(validating: bytes, as: UTF8.self) else {
            var offset = 0
            var iterator = bytes.makeIterator()
            var decoder = UTF8()
            loop: while true {
                switch decoder.decode(&iterator) {
                case .scalarValue(let s): offset += UTF8.width(s)
                case .emptyInput: break loop
                case .error: break loop
                }
            }
            throw IngestError.invalidEncoding(file: file, detail: "invalid UTF-8 at byte \(offset)")
        }
        return text
    }

    /// NUL bytes or many C0 control bytes (other than tab, CR, LF, FF) mean binary data.
    static func looksBinary(_ bytes: [UInt8]) -> Bool {
        let sample = bytes.prefix(8192)
        guard !sample.isEmpty else { return false }
        var controls = 0
        for b in sample {
            if b == 0 { return true }
            if b < 0x20 && b != 0x09 && b != 0x0A && b != 0x0D && b != 0x0C { controls += 1 }
        }
        return controls * 100 > sample.count
    }

    /// The charset declared in the first 2 KB: `<meta charset=…>`, `charset=…` in a content type,
    /// or `encoding="…"` in an XML declaration. Lowercased.
    static func declaredCharset(_ bytes: [UInt8]) -> String? {
        let head = String(decoding: bytes.prefix(2048), as: UTF8.self).lowercased()
        for marker in ["charset=", "encoding="] {
            var searchStart = head.startIndex
            while let range = head.range(of: marker, range: searchStart..<head.endIndex) {
                searchStart = range.upperBound
                var rest = head[range.upperBound...].drop(while: { $0 == "\"" || $0 == "'" || $0 == " " })
                rest = rest.prefix(while: { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" })
                if !rest.isEmpty { return String(rest) }
            }
        }
        return nil
    }

    /// Converts with iconv (glibc), refusing invalid sequences.
    static func convert(_ bytes: [UInt8], from encoding: Encoding, file: String) throws -> String {
        guard let cd = Optional(iconv_open("UTF-8", encoding.rawValue)), Int(bitPattern: cd) != -1 else {
            throw IngestError.invalidEncoding(file: file, detail: "no converter for \(encoding.rawValue)")
        }
        defer { iconv_close(cd) }
        var input = bytes
        var output = [UInt8](repeating: 0, count: bytes.count * 2 + 16)
        let produced: Int = input.withUnsafeMutableBufferPointer { inBuf in
            output.withUnsafeMutableBufferPointer { outBuf in
                var inPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(inBuf.baseAddress)?
                    .assumingMemoryBound(to: CChar.self)
                var inLeft = inBuf.count
                var outPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(outBuf.baseAddress!)
                    .assumingMemoryBound(to: CChar.self)
                var outLeft = outBuf.count
                if inLeft > 0 && iconv(cd, &inPtr, &inLeft, &outPtr, &outLeft) == -1 { return -1 }
                return outBuf.count - outLeft
            }
        }
        guard produced >= 0 else {
            throw IngestError.invalidEncoding(file: file, detail: "invalid \(encoding.rawValue) byte sequence")
        }
        guard let text = String(validating: output[..<produced], as: UTF8.self) else {
            throw IngestError.invalidEncoding(file: file, detail: "conversion from \(encoding.rawValue) failed")
        }
        return text
    }

    /// Whether decoded text is plausibly Chinese/ASCII prose (≥ 90 % of letters CJK or ASCII).
    static func mostlyPlausible(_ text: String) -> Bool {
        var good = 0, total = 0
        for s in text.unicodeScalars where !s.properties.isWhitespace {
            total += 1
            if s.isASCII || (0x4E00...0x9FFF).contains(s.value) || (0x3000...0x303F).contains(s.value)
                || (0xFF00...0xFFEF).contains(s.value) { good += 1 }
        }
        return total == 0 || good * 10 >= total * 9
    }
}
