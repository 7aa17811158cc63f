import Foundation
import ZhixunText

/// Accumulates passages into in-memory postings; ``IndexWriter`` then writes them as a generation.
///
/// Each passage is analyzed field by field; per passage, each distinct term records its frequency
/// in every field, and one posting (passage number, frequencies) is appended to the term's chain
/// in the ``PostingPool``. Passages are numbered in the order they are added; a batch given to
/// ``add(contentsOf:)`` is numbered shortest first.
public final class IndexBuilder {
    /// The analyzer shared with query processing.
    public let analyzer: Analyzer
    /// Scoring parameters the generation will be written with.
    public let parameters: ScoringParameters

    /// Postings by passage range, in passage order: one per ``add(contentsOf:)`` worker
    /// (``IndexWriter`` merges them term by term); single ``add(_:)`` calls extend the last.
    var accumulators = [PostingAccumulator()]

    /// Field lengths in tokens, passage-major (`passage * fieldCount + field`).
    var fieldLengths: [UInt32] = []
    var attributeIDs: [UInt16] = []
    var attributeTables = AttributeTables()
    var storedOffsets: [UInt64] = [0]
    var stored: [UInt8] = []
    /// UTF-8 bytes of field text analyzed, for throughput reports.
    public private(set) var inputBytes = 0
    /// Postings accumulated so far.
    public var postingCount: Int { accumulators.reduce(0) { $0 + $1.postingCount } }

    // Per-passage scratch of `add(_:)`.
    private var scratch: [UInt32] = []
    private var keys: [UInt64] = []

    /// Passages added so far.
    public var passageCount: Int { storedOffsets.count - 1 }

    /// Below this many passages ``add(contentsOf:)`` stays on one thread.
    static let parallelThreshold = 2048

    public init(analyzer: Analyzer, parameters: ScoringParameters = .default) throws {
        try parameters.validate()
        self.analyzer = analyzer
        self.parameters = parameters
    }

    /// Analyzes and adds one passage; returns its passage number.
    @discardableResult
    public func add(_ passage: PassageInput) throws -> Int {
        try check([passage])
        let doc = Int32(passageCount)
        inputBytes += Self.accumulate(passage, doc: doc, analyzer: analyzer, into: &accumulators[accumulators.count - 1],
                                      scratch: &scratch, keys: &keys, lengths: &fieldLengths)
        try addAttributesAndPayload(passage)
        return Int(doc)
    }

    /// Analyzes and adds passages, shortest first (see ``lengthOrder(_:)``), splitting the
    /// analysis and counting across the processor's cores (each core takes a contiguous range of
    /// about equal text); numbers are the same as adding the reordered passages one by one.
    public func add(contentsOf passages: [PassageInput]) throws {
        try add(contentsOf: passages, workers: min(ProcessInfo.processInfo.activeProcessorCount, 8))
    }

    /// The order ``add(contentsOf:)`` numbers a batch in: by ascending text length (UTF-8 bytes of
    /// all fields), ties in input order.
    ///
    /// Document reordering for query speed: short passages have the largest length norms and so
    /// the highest scores, so retrieval (``WindowedMaxScore``, a window at a time in passage
    /// order) meets them first, its top-k threshold rises early and more lists turn non-essential
    /// sooner. Measured on the 100k-passage benchmark corpus: p50 about a fifth lower, p99 about a
    /// tenth.
    public static func lengthOrder(_ passages: [PassageInput]) -> [Int] {
        let lengths = passages.map(Self.textBytes)
        return passages.indices.sorted { lengths[$0] < lengths[$1] || (lengths[$0] == lengths[$1] && $0 < $1) }
    }

    /// UTF-8 bytes of a passage's fields (constant time for native strings).
    static func textBytes(_ passage: PassageInput) -> Int {
        passage.fields.reduce(0) { $0 + $1.utf8.count }
    }

    /// ``add(contentsOf:)`` on `workers` ranges (tests use more ranges than this machine has cores).
    func add(contentsOf batch: [PassageInput], workers: Int) throws {
        let passages = Self.lengthOrder(batch).map { batch[$0] }
        guard workers > 1, passages.count >= Self.parallelThreshold else {
            for p in passages { try add(p) }
            return
        }
        try check(passages)
        let first = passageCount
        for p in passages { try addAttributesAndPayload(p) }
        let ranges = Self.balancedRanges(passages, parts: workers)
        struct Part {
            var postings = PostingAccumulator()
            var lengths: [UInt32] = []
            var bytes = 0
        }
        nonisolated(unsafe) let parts = UnsafeMutableBufferPointer<Part>.allocate(capacity: ranges.count)
        // One Part each: copies of a Part share its posting pool, so `repeatElement` would have
        // had every worker after the first writing into the same memory.
        for r in ranges.indices { (parts.baseAddress! + r).initialize(to: Part()) }
        defer {
            parts.baseAddress!.deinitialize(count: ranges.count)
            parts.deallocate()
        }
        parts[0].postings = accumulators.removeLast()  // the first range continues the last accumulator
        let analyzer = self.analyzer
        DispatchQueue.concurrentPerform(iterations: ranges.count) { r in
            var part = parts[r]
            parts[r] = Part()  // so that `part` holds the only reference to its arrays
            var scratch: [UInt32] = [], keys: [UInt64] = []
            part.lengths.reserveCapacity(ranges[r].count * IndexField.count)
            for i in ranges[r] {
                part.bytes += Self.accumulate(passages[i], doc: Int32(first + i), analyzer: analyzer, into: &part.postings,
                                              scratch: &scratch, keys: &keys, lengths: &part.lengths)
            }
            parts[r] = part
        }
        for r in ranges.indices {
            accumulators.append(parts[r].postings)
            parts[r].postings = PostingAccumulator()
            fieldLengths.append(contentsOf: parts[r].lengths)
            inputBytes += parts[r].bytes
        }
    }

    /// Contiguous ranges of `passages` with about equal text each (the passages are sorted by
    /// length, so equal counts would give the last worker the longest ones).
    static func balancedRanges(_ passages: [PassageInput], parts: Int) -> [Range<Int>] {
        let total = passages.reduce(0) { $0 + textBytes($1) }
        var ranges: [Range<Int>] = []
        var lower = 0, bytes = 0
        for (i, p) in passages.enumerated() {
            bytes += textBytes(p)
            // Cut when this range's share of the text is reached, leaving passages for the rest.
            if ranges.count < parts - 1 && bytes * parts >= total * (ranges.count + 1) && i + 1 < passages.count {
                ranges.append(lower..<(i + 1))
                lower = i + 1
            }
        }
        ranges.append(lower..<passages.count)
        return ranges
    }

    /// Readies the accumulated postings for ``IndexWriter``: each accumulator's term states by
    /// term number, laid out on its own core.
    func sealPostings() {
        nonisolated(unsafe) let parts = UnsafeMutableBufferPointer<PostingAccumulator>.allocate(capacity: accumulators.count)
        _ = parts.initialize(from: accumulators)
        accumulators = []  // so that each part holds the only reference to its arrays
        DispatchQueue.concurrentPerform(iterations: parts.count) { parts[$0].seal() }
        accumulators = Array(parts)
        parts.baseAddress!.deinitialize(count: parts.count)
        parts.deallocate()
    }

    private func check(_ passages: [PassageInput]) throws {
        for passage in passages where passage.fields.count > IndexField.count {
            throw IndexError.invalidInput(reason: "a passage has \(passage.fields.count) fields, at most \(IndexField.count)")
        }
        guard passageCount + passages.count <= Int(Int32.max) else {
            throw IndexError.invalidInput(reason: "more than \(Int32.max) passages in one generation")
        }
    }

    /// Analyzes one passage's fields into `postings` and appends its field lengths; returns the
    /// UTF-8 bytes analyzed.
    static func accumulate(_ passage: PassageInput, doc: Int32, analyzer: Analyzer, into postings: inout PostingAccumulator,
                           scratch: inout [UInt32], keys: inout [UInt64], lengths: inout [UInt32]) -> Int {
        var bytes = 0
        for f in 0..<IndexField.count {
            let text = f < passage.fields.count ? passage.fields[f] : ""
            bytes += text.utf8.count
            keys.removeAll(keepingCapacity: true)
            analyzer.forEachTerm(in: text, scratch: &scratch) { term, _ in keys.append(term.rawValue) }
            lengths.append(UInt32(keys.count))
            if IndexField.unigramFields.contains(f) {
                // Short question and title fields also index single characters (not counted in the
                // field length, so bigram scoring is unchanged).
                scratch.withUnsafeBufferPointer { BigramTokenizer.runUnigrams($0) { keys.append($0.rawValue) } }
            }
            postings.add(keys, field: f)
        }
        postings.finishPassage(doc)
        return bytes
    }

    private func addAttributesAndPayload(_ passage: PassageInput) throws {
        for slot in PassageAttributes.Slot.allCases {
            attributeIDs.append(try attributeTables.id(for: passage.attributes[slot], in: slot))
        }
        stored.append(contentsOf: passage.stored)
        storedOffsets.append(UInt64(stored.count))
    }
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
