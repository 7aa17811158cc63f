extension StringProtocol {
    /// The text without leading and trailing white space (Unicode White_Space, including the
    /// ideographic space U+3000). Much cheaper than Foundation's `trimmingCharacters(in:)`, which
    /// bridges through NSString; parsing calls this for every line.
    func trimmedWhitespace() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let last = scalars.lastIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        var out = String.UnicodeScalarView()
        out.append(contentsOf: scalars[first...last])
        return String(out)
    }
}
