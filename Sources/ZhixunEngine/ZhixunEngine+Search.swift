import Foundation
import ZhixunIndex
import ZhixunText

extension ZhixunEngine {
    /// Ranked passages for `text`.
    public func search(_ text: String, options: SearchOptions = SearchOptions()) throws -> [SearchResult] {
        try options.validate()
        let reader = try reader()
        let query = try makeQuery(text)
        let hits = Searcher(reader: reader).search(query, limit: options.limit, filter: filter(options, reader))
        return hits.map { result(for: $0, in: reader) }
    }

    /// The display form of a hit, from its stored payload.
    func result(for hit: SearchHit, in reader: IndexReader) -> SearchResult {
        let stored: StoredPassage?
        if let snapshot = current.snapshot, snapshot.reader === reader {
            stored = snapshot.passages.passage(hit.passage, in: reader)
        } else {
            stored = try? JSONDecoder().decode(StoredPassage.self, from: Data(reader.storedPayload(passage: hit.passage)))
        }
        guard let stored else {
            return SearchResult(id: "#\(hit.passage)", doc: "", score: hit.score, kind: "", title: "",
                                heading: "", text: "", category: "", region: "")
        }
        return stored.result(score: hit.score)
    }

    /// The analyzed, weighted query for `text`, after length checks.
    public func makeQuery(_ text: String) throws -> WeightedQuery {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { throw EngineError.emptyQuery }
        let length = trimmed.unicodeScalars.count
        guard length <= Self.maxQueryLength else {
            throw EngineError.queryTooLong(length: length, limit: Self.maxQueryLength)
        }
        var query = WeightedQuery(terms: filler.strip(analyzer.terms(trimmed)))
        addArabicNumerals(of: trimmed, to: &query)
        current.snapshot?.synonyms.expand(&query, text: trimmed, analyzer: analyzer, filler: filler)
        // Fallback: a query none of whose terms the index knows is searched by its characters
        // (indexed for questions and titles), so partial matches still rank.
        if let reader = current.reader, !query.terms.contains(where: { reader.lookup($0.term) != nil }) {
            var entries: [UInt32] = []
            analyzer.fold(trimmed, into: &entries)
            entries.withUnsafeBufferPointer { buffer in
                BigramTokenizer.runUnigrams(buffer) { if !filler.isFiller($0) { query.add($0, weight: 0.5) } }
            }
        }
        if let reader = current.reader { query = rareTermCap.apply(to: query, reader: reader) }
        return query
    }

    /// Adds the terms of the query's digit spelling (`五千以下` → `5000以下`) that it lacks, at the
    /// weight of typed terms: the corpus writes amounts and deadlines in digits.
    func addArabicNumerals(of text: String, to query: inout WeightedQuery) {
        guard let arabic = ChineseNumerals.arabicForm(of: text) else { return }
        for term in filler.strip(analyzer.terms(arabic)) {
            query.addIfAbsent(term, weight: Self.arabicNumeralWeight)
        }
    }

    /// Weight of a term from the digit spelling of a query's numerals.
    static let arabicNumeralWeight = 1.0

    func filter(_ options: SearchOptions, _ reader: IndexReader) -> PassageFilter {
        var regions = options.regions
        if let r = regions, !r.contains("全国") { regions = r + ["全国"] }
        return reader.filter(
            kinds: options.kinds, categories: options.categories, regions: regions,
            statuses: options.includeSuperseded ? nil : SearchOptions.currentStatuses)
    }

    /// The tokens of `text`, as indexing and querying see them.
    public func analyze(_ text: String) -> [Token] {
        analyzer.tokens(text)
    }

    /// Facts about the current generation and the store.
    public func stats() throws -> EngineStats {
        let reader = try reader()
        let m = reader.manifest
        let summaries = try store.documentSummaries()
        return EngineStats(
            generation: m.generation, createdAt: m.createdAt, passages: m.passageCount, terms: m.termCount,
            postings: m.postingCount, indexBytes: m.files.values.reduce(0) { $0 + $1.bytes },
            inputBytes: m.inputBytes, averageFieldLengths: Dictionary(uniqueKeysWithValues: zip(m.fields, m.averageFieldLengths)),
            documents: summaries.count, withdrawn: summaries.filter(\.withdrawn).count,
            generations: generations.generations())
    }
}

/// Output of `zhixun stats`.
public struct EngineStats: Codable, Sendable {
    /// Name of the current generation (`gen-000042`).
    public var generation: String
    /// ISO 8601 time the generation was built.
    public var createdAt: String
    /// Passages in the generation.
    public var passages: Int
    /// Distinct terms in the generation.
    public var terms: Int
    /// Postings (term, passage pairs) in the generation.
    public var postings: Int
    /// Total size of the generation's data files.
    public var indexBytes: Int
    /// UTF-8 bytes of field text analyzed to build the generation.
    public var inputBytes: Int
    /// Average length in tokens of each field, by field name.
    public var averageFieldLengths: [String: Double]
    /// Documents in the store, withdrawn ones included.
    public var documents: Int
    /// Withdrawn documents in the store.
    public var withdrawn: Int
    /// Generations on disk, in name (build) order.
    public var generations: [String]
}
