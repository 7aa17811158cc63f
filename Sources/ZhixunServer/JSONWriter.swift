import ZhixunEngine
import ZhixunIngest

/// A small streaming JSON writer for the answer path, the API's hottest response: Foundation's
/// `JSONEncoder` cost about a fifth of the CPU of each answer under load. The output has the same
/// keys as the types' `Codable` form (absent optionals are left out).
struct JSONWriter {
    private(set) var bytes: [UInt8] = []
    private var needsComma = [false]

    init(capacity: Int = 4096) {
        bytes.reserveCapacity(capacity)
    }

    /// Writes a comma when a value already stands at this level, unless a key was just written.
    private mutating func separate() {
        if pendingKey {
            pendingKey = false
        } else if needsComma[needsComma.count - 1] {
            bytes.append(UInt8(ascii: ","))
        }
        needsComma[needsComma.count - 1] = true
    }

    private var pendingKey = false

    /// Writes `"key":`; the next value belongs to it.
    mutating func key(_ name: String) {
        separate()
        writeString(name)
        bytes.append(UInt8(ascii: ":"))
        pendingKey = true
    }

    mutating func string(_ s: String) { separate(); writeString(s) }
    mutating func number(_ d: Double) { separate(); bytes.append(contentsOf: (d.isFinite ? "\(d)" : "0").utf8) }
    mutating func bool(_ b: Bool) { separate(); bytes.append(contentsOf: (b ? "true" : "false").utf8) }

    mutating func object(_ body: (inout JSONWriter) -> Void) {
        separate()
        bytes.append(UInt8(ascii: "{"))
        needsComma.append(false)
        body(&self)
        needsComma.removeLast()
        bytes.append(UInt8(ascii: "}"))
    }

    mutating func array<T>(_ items: [T], _ body: (inout JSONWriter, T) -> Void) {
        separate()
        bytes.append(UInt8(ascii: "["))
        needsComma.append(false)
        for item in items { body(&self, item) }
        needsComma.removeLast()
        bytes.append(UInt8(ascii: "]"))
    }

    private mutating func writeString(_ s: String) {
        bytes.append(UInt8(ascii: "\""))
        var s = s
        s.withUTF8 { utf8 in
            // Copy runs that need no escaping in one go: answers are long Chinese texts.
            var runStart = 0
            for (i, b) in utf8.enumerated() where b < 0x20 || b == UInt8(ascii: "\"") || b == UInt8(ascii: "\\") {
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<i]))
                escape(b)
                runStart = i + 1
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart...]))
        }
        bytes.append(UInt8(ascii: "\""))
    }

    private mutating func escape(_ b: UInt8) {
        switch b {
        case UInt8(ascii: "\""): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\"")])
        case UInt8(ascii: "\\"): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
        case 0x0A: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
        case 0x0D: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
        case 0x09: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
        default:
            let hex = Array("0123456789abcdef".utf8)
            bytes.append(contentsOf: Array("\\u00".utf8) + [hex[Int(b >> 4)], hex[Int(b & 0xF)]])
        }
    }
}

extension JSONWriter {
    mutating func field(_ name: String, _ value: String?) { if let value { key(name); string(value) } }

    mutating func write(_ r: SearchResult) {
        object { w in
            w.field("id", r.id); w.field("doc", r.doc)
            w.key("score"); w.number(r.score)
            w.field("kind", r.kind); w.field("title", r.title); w.field("heading", r.heading); w.field("text", r.text)
            w.field("version", r.version); w.field("status", r.status); w.field("category", r.category)
            w.field("region", r.region); w.field("number", r.number)
            if let links = r.links {
                w.key("links")
                w.array(links) { w, l in w.object { w in w.field("title", l.title); w.field("url", l.url) } }
            }
            w.field("rich", r.rich)
        }
    }

    mutating func write(_ item: RelatedItem) {
        object { w in
            w.field("id", item.id); w.field("doc", item.doc); w.field("kind", item.kind); w.field("title", item.title)
            w.field("heading", item.heading); w.key("score"); w.number(item.score)
            w.key("reasons"); w.array(item.reasons) { w, r in w.string(r) }
        }
    }

    mutating func write(_ hot: HotQuestion) {
        object { w in
            w.field("id", hot.id); w.field("question", hot.question); w.field("category", hot.category)
            w.key("score"); w.number(hot.score); w.key("pinned"); w.bool(hot.pinned)
        }
    }
}
