/// Safe HTML for a passage: the text escaped, paragraphs kept, and the passage's action links
/// turned into anchors where their titles occur (only `http(s)` or site-relative URLs). Front ends
/// can show it as is; nothing from the source markup survives except what is rebuilt here.
public enum RichText {
    /// The sanitized HTML of `text` with `links`.
    public static func html(_ text: String, links: [ActionLink]) -> String {
        let safeLinks = links.filter { isSafe($0.url) && !$0.title.isEmpty }
        let paragraphs = text.split(whereSeparator: \.isNewline).map { String($0) }.filter { !$0.isEmpty }
        return paragraphs.map { paragraph in
            var html = escape(paragraph)
            for link in safeLinks {
                let title = escape(link.title)
                guard let range = html.range(of: title) else { continue }
                html.replaceSubrange(range, with: "<a href=\"\(escape(link.url))\">\(title)</a>")
            }
            return "<p>" + html + "</p>"
        }.joined()
    }

    static func isSafe(_ url: String) -> Bool {
        let lower = url.lowercased()
        return lower.hasPrefix("https://") || lower.hasPrefix("http://") || (lower.hasPrefix("/") && !lower.hasPrefix("//"))
    }

    static func escape(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for c in s {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(c)
            }
        }
        return out
    }
}

import ZhixunIngest
