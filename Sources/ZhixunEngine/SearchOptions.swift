/// Options of a search: how many results and which passages qualify.
public struct SearchOptions: Sendable, Hashable {
    /// Results wanted (1…100).
    public var limit: Int
    /// Only these kinds (`faq`, `policy`); `nil` for all.
    public var kinds: [String]?
    public var categories: [String]?
    /// Only these regions; a region other than 全国 also admits nationwide knowledge.
    public var regions: [String]?
    /// Also return superseded and repealed documents (never withdrawn ones).
    public var includeSuperseded: Bool

    public init(limit: Int = 10, kinds: [String]? = nil, categories: [String]? = nil,
                regions: [String]? = nil, includeSuperseded: Bool = false) {
        self.limit = limit
        self.kinds = kinds
        self.categories = categories
        self.regions = regions
        self.includeSuperseded = includeSuperseded
    }

    /// Largest `limit` accepted.
    public static let maxLimit = 100

    func validate() throws {
        guard (1...Self.maxLimit).contains(limit) else {
            throw EngineError.invalidArgument(name: "limit", reason: "must be between 1 and \(Self.maxLimit), got \(limit)")
        }
    }

    /// Statuses served as current answers.
    static let currentStatuses = ["current", "partly-repealed"]
}
