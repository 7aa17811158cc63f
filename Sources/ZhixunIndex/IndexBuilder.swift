import ZhixunText

/// Accumulates passages into in-memory postings; ``IndexWriter`` then writes them as a generation.
///
/// Each passage is analyzed field by field; per passage, each distinct term records its frequency
/// in every field, and one posting (passage number, frequencies) is appended to the term's chain
/// in the ``PostingPool``. Passages are numbered in the order they are added.
public final class IndexBuilder {
    /// The analyzer shared with query processing.
    public let analyzer: Analyzer
    /// Scoring parameters the generation will be written with.
    public let parameters: ScoringParameters

    var postings = PostingAccumulator()

    /// Field lengths in tokens, passage-major (`passage * fieldCount + field`).
    var fieldLengths: [UInt32] = []
    var attributeIDs: [UInt16] = []
    var attributeTables = AttributeTables()
    var storedOffsets: [UInt64] = [0]
    var stored: [UInt8] = []
    /// UTF-8 bytes of field text analyzed, for throughput reports.
    public private(set) var inputBytes = 0
    /// Postings accumulated so far.
    public var postingCount: Int { postings.postingCount }

    // Per-passage scratch.
    private var scratch: [UInt32] = []
    private var keys: [UInt64] = []

    /// Passages added so far.
    public var passageCount: Int { storedOffsets.count - 1 }

    public init(analyzer: Analyzer, parameters: ScoringParameters = .default) throws {
        try parameters.validate()
        self.analyzer = analyzer
        self.parameters = parameters
    }

    /// Analyzes and adds one passage; returns its passage number.
    @discardableResult
    public func add(_ passage: PassageInput) throws -> Int {
        guard passage.fields.count <= IndexField.count else {
            throw IndexError.invalidInput(reason: "a passage has \(passage.fields.count) fields, at most \(IndexField.count)")
        }
        let doc = Int32(passageCount)
        guard passageCount < Int(Int32.max) else {
            throw IndexError.invalidInput(reason: "more than \(Int32.max) passages in one generation")
        }
        for f in 0..<IndexField.count {
            let text = f < passage.fields.count ? passage.fields[f] : ""
            inputBytes += text.utf8.count
            var keys = self.keys  // a local, so the token loop pays no class-property access checks
            self.keys = []
            keys.removeAll(keepingCapacity: true)
            analyzer.forEachTerm(in: text, scratch: &scratch) { term, _ in keys.append(term.rawValue) }
            fieldLengths.append(UInt32(keys.count))
            if IndexField.unigramFields.contains(f) {
                // Short question and title fields also index single characters (not counted in the
                // field length, so bigram scoring is unchanged).
                scratch.withUnsafeBufferPointer { BigramTokenizer.runUnigrams($0) { keys.append($0.rawValue) } }
            }
            postings.add(keys, field: f, doc: doc)
            self.keys = keys
        }
        postings.finishPassage(doc)
        for slot in PassageAttributes.Slot.allCases {
            attributeIDs.append(try attributeTables.id(for: passage.attributes[slot], in: slot))
        }
        stored.append(contentsOf: passage.stored)
        storedOffsets.append(UInt64(stored.count))
        return Int(doc)
    }

    /// Distinct terms so far.
    public var termCount: Int { postings.termKeys.count }
}

/// Per-generation string tables for passage attributes (at most 65,535 values per slot).
struct AttributeTables: Codable, Equatable {
    var values: [[String]] = Array(repeating: [], count: PassageAttributes.Slot.allCases.count)
    private var ids: [[String: UInt16]] = Array(repeating: [:], count: PassageAttributes.Slot.allCases.count)

    enum CodingKeys: String, CodingKey { case values }

    init() {}

    init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        values = try c.decode([[String]].self, forKey: .values)
        ids = values.map { Dictionary(uniqueKeysWithValues: $0.enumerated().map { ($1, UInt16($0)) }) }
    }

    mutating func id(for value: String, in slot: PassageAttributes.Slot) throws -> UInt16 {
        if let id = ids[slot.rawValue][value] { return id }
        guard values[slot.rawValue].count < Int(UInt16.max) else {
            throw IndexError.invalidInput(reason: "more than \(UInt16.max) distinct values of \(slot)")
        }
        let id = UInt16(values[slot.rawValue].count)
        values[slot.rawValue].append(value)
        ids[slot.rawValue][value] = id
        return id
    }

    func id(of value: String, in slot: PassageAttributes.Slot) -> UInt16? {
        ids[slot.rawValue][value]
    }
}
