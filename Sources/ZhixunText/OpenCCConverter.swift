import COpenCC
import Foundation

/// Errors raised while preparing text analysis.
public enum TextAnalysisError: Error, CustomStringConvertible, Sendable {
    /// OpenCC could not open its configuration (missing `libopencc` data files).
    case openCCUnavailable(config: String)
    /// OpenCC failed to convert a buffer.
    case openCCConversionFailed(reason: String)

    public var description: String {
        switch self {
        case .openCCUnavailable(let config):
            return "OpenCC configuration '\(config)' could not be opened; install libopencc-dev (Debian) so /usr/share/opencc exists"
        case .openCCConversionFailed(let reason):
            return "OpenCC conversion failed: \(reason)"
        }
    }
}

/// A thin owner of one OpenCC converter (`t2s.json` by default: traditional → simplified).
///
/// OpenCC is the source of truth for Chinese script folding; ``CharacterFolding`` derives its
/// per-character table from it once, so the hot analysis path never calls into OpenCC.
public final class OpenCCConverter {
    private let handle: opencc_t

    /// Opens the converter named by an OpenCC configuration file (`t2s.json`, `tw2s.json`, …).
    public init(config: String = "t2s.json") throws {
        let h = opencc_open(config)
        // OpenCC signals failure with (opencc_t)-1.
        if h == nil || UInt(bitPattern: h) == UInt.max {
            throw TextAnalysisError.openCCUnavailable(config: config)
        }
        handle = h!
    }

    deinit { opencc_close(handle) }

    /// Converts UTF-8 text as a whole (phrase-aware).
    public func convert(_ text: String) throws -> String {
        var utf8 = Array(text.utf8)
        utf8.append(0)
        let length = utf8.count - 1
        guard let out = utf8.withUnsafeBufferPointer({ buf in
            buf.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buf.count) {
                opencc_convert_utf8(handle, $0, length)
            }
        }) else {
            throw TextAnalysisError.openCCConversionFailed(reason: String(cString: opencc_error()))
        }
        defer { opencc_convert_utf8_free(out) }
        return String(cString: out)
    }
}
