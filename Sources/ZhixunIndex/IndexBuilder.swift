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

    var terms = TermTable()
    var termKeys: [UInt64] = []
    var chains: [PostingPool.Chain] = []
    var docFreqs: [UInt32] = []
    /// The passage being analyzed when each term was last seen (marks terms once per passage).
    var lastDoc: [Int32] = []
    /// The passage of each term's last written posting (−1 before the first), for delta coding.
    var previousDoc: [Int32] = []
    var pool = PostingPool(reservingCapacity: 1 << 24)

    /// Field lengths in tokens, passage-major (`passage * fieldCount + field`).
    var fieldLengths: [UInt32] = []
    var attributeIDs: [UInt16] = []
    var attributeTables = AttributeTables()
    var storedOffsets: [UInt64] = [0]
    var stored: [UInt8] = []
    /// UTF-8 bytes of field text analyzed, for throughput reports.
    public private(set) var inputBytes = 0
    /// Postings accumulated so far.
    public private(set) var postingCount = 0

    // Per-passage scratch.
    private var scratch: [UInt32] = []
    private var docTerms: [Int32] = []
    private var tf: [UInt32] = []

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
        docTerms.removeAll(keepingCapacity: true)
        for f in 0..<IndexField.count {
            let text = f < passage.fields.count ? passage.fields[f] : ""
            inputBytes += text.utf8.count
            var length: UInt32 = 0
            analyzer.forEachTerm(in: text, scratch: &scratch) { term, _ in
                length += 1
                let (t, isNew) = terms.number(for: term.rawValue)
                let ti = Int(t)
                if isNew {
                    termKeys.append(term.rawValue)
                    chains.append(pool.newChain())
                    docFreqs.append(0)
                    lastDoc.append(-1)
                    previousDoc.append(-1)
                    tf.append(contentsOf: repeatElement(0, count: IndexField.count))
                }
                if lastDoc[ti] != doc {
                    lastDoc[ti] = doc
                    docTerms.append(t)
                }
                tf[ti &* IndexField.count &+ f] &+= 1
            }
            fieldLengths.append(length)
        }
        for t in docTerms {
            appendPosting(term: Int(t), doc: doc)
        }
        for slot in PassageAttributes.Slot.allCases {
            attributeIDs.append(try attributeTables.id(for: passage.attributes[slot], in: slot))
        }
        stored.append(contentsOf: passage.stored)
        storedOffsets.append(UInt64(stored.count))
        return Int(doc)
    }

    /// Writes the posting of `term` for `doc` and clears its scratch frequencies.
    private func appendPosting(term ti: Int, doc: Int32) {
        let base = ti * IndexField.count
        var mask: UInt64 = 0
        for f in 0..<IndexField.count where tf[base + f] > 0 { mask |= 1 << UInt64(f) }
        let previous = Int64(previousDoc[ti])
        let delta = UInt64(Int64(doc) - previous)
        pool.appendVarint(delta << UInt64(IndexField.count) | mask, to: &chains[ti])
        for f in 0..<IndexField.count where tf[base + f] > 0 {
            pool.appendVarint(UInt64(tf[base + f]), to: &chains[ti])
            tf[base + f] = 0
        }
        docFreqs[ti] += 1
        postingCount += 1
        previousDoc[ti] = doc
    }


    /// Distinct terms so far.
    public var termCount: Int { termKeys.count }
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
