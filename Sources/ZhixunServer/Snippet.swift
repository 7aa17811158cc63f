/// A short, HTML-escaped excerpt of a passage with query terms wrapped in `<em>…</em>`.
enum Snippet {
    static func make(_ text: String, highlighting terms: [String], width: Int = 90) -> String {
        let chars = Array(text.replacingOccurrences(of: "\n", with: " "))
        var marked = [Bool](repeating: false, count: chars.count)
        for term in Set(terms) {
            let t = Array(term)
            guard !t.isEmpty, t.count <= chars.count else { continue }
            var i = 0
            while i + t.count <= chars.count {
                if chars[i] == t[0] && Array(chars[i..<(i + t.count)]) == t {
                    for j in i..<(i + t.count) { marked[j] = true }
                    i += t.count
                } else {
                    i += 1
                }
            }
        }
        let first = marked.firstIndex(of: true) ?? 0
        let start = max(0, min(first - width / 4, chars.count - width))
        let end = min(chars.count, start + width)
        var out = start > 0 ? "…" : ""
        var open = false
        for i in start..<end {
            if marked[i] && !open { out += "<em>"; open = true }
            if !marked[i] && open { out += "</em>"; open = false }
            out += escape(chars[i])
        }
        if open { out += "</em>" }
        if end < chars.count { out += "…" }
        return out
    }

    private static func escape(_ c: Character) -> String {
        switch c {
        case "<": "&lt;"
        case ">": "&gt;"
        case "&": "&amp;"
        case "\"": "&quot;"
        default: String(c)
        }
    }
}
