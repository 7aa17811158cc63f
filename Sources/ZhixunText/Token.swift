/// One token produced by the analyzer, with its text, for display and tests.
///
/// The indexing and query hot paths use ``Analyzer/forEachTerm(in:_:)`` instead, which yields
/// only the ``Term`` key and position.
public struct Token: Equatable, Sendable, CustomStringConvertible {
    /// The token's text after folding (`增值`, `12366`, `vat`).
    public let text: String
    /// The 64-bit term key stored in the index.
    public let term: Term
    /// The token's position in the stream (0-based, one step per token).
    public let position: UInt32

    public init(text: String, term: Term, position: UInt32) {
        self.text = text
        self.term = term
        self.position = position
    }

    public var description: String { text }
}
