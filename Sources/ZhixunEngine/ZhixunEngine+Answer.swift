import Foundation
import ZhixunIndex
import ZhixunStore
import ZhixunText

extension ZhixunEngine {
    /// The answer response for a question: best passage, confidence, alternatives, hand-over.
    /// Superseded and repealed documents are never the answer.
    ///
    /// With `record`, the question (personal data masked) and the answer served are stored as an
    /// event, which drives hot questions and analytics, and the answer carries a `queryID` for feedback.
    /// `context` is the matter the user is on (a category, or a document id such as the page for
    /// 发票开具): passages of it are preferred when scores are close.
    public func answer(_ text: String, options: SearchOptions = SearchOptions(limit: 4), context: String = "",
                       session: String = "", record: Bool = false, now: Date = Date()) throws -> Answer {
        let snapshot = try snapshot()
        var answer = try snapshot.answers.answer(for: .init(text: text, context: context, options: options)) {
            try answerWithFeatures(text, options: options, context: context, snapshot: snapshot).answer
        }
        if record {
            let id = QueryID.make(at: now)
            events.record(QuestionEvent(
                id: id, askedAt: now, session: masker.mask(session), text: masker.mask(text),
                answerID: answer.answer?.id, answerDocument: answer.answer?.doc,
                category: answer.answer?.category ?? "", confidence: answer.confidence,
                handoff: answer.handoff.suggested, reason: answer.handoff.reason))
            answer.queryID = id
        }
        return answer
    }

    /// Records whether an answer solved the user's question (first-contact resolution).
    public func feedback(queryID: String, answerID: String, resolved: Bool, reason: String? = nil) throws {
        try events.flush()
        try store.recordFeedback(queryID: queryID, answerID: answerID, resolved: resolved,
                                 reason: reason.map(masker.mask))
    }

    /// The answer and the features its confidence came from (for evaluation and calibration).
    public func answerWithFeatures(_ text: String, options: SearchOptions = SearchOptions(limit: 4), context: String = "")
        throws -> (answer: Answer, features: ConfidenceFeatures, results: [SearchResult]) {
        try answerWithFeatures(text, options: options, context: context, snapshot: snapshot())
    }

    func answerWithFeatures(_ text: String, options: SearchOptions, context: String, snapshot: CurrentGeneration.Snapshot)
        throws -> (answer: Answer, features: ConfidenceFeatures, results: [SearchResult]) {
        var options = options
        options.includeSuperseded = false
        options.limit = max(options.limit, context.isEmpty ? 4 : 10)
        try options.validate()
        let reader = snapshot.reader
        let query = try makeQuery(text)
        // A deeper pool than shown, so a demoted passage's place goes to the next one.
        var hits = Searcher(reader: reader).search(query, limit: max(options.limit, Self.rerankPool),
                                                   filter: filter(options, reader))
        var results = hits.map { result(for: $0, in: reader) }
        (hits, results) = taxAgreement.rerank(question: text, hits: hits, results: results)
        for intent in intents { (hits, results) = intent.rerank(question: text, hits: hits, results: results) }
        if options.regions == nil { (hits, results) = regionAgreement.rerank(question: text, hits: hits, results: results) }
        if !context.isEmpty {
            // The matter at hand wins close calls: a 20 % bonus for its category or document.
            (hits, results) = Rescoring.apply(hits, results) { $0.category == context || $0.doc == context ? 1.2 : 1 }
        }
        hits = Array(hits.prefix(options.limit))
        results = Array(results.prefix(options.limit))
        let features = confidenceFeatures(query: query, hits: hits, reader: reader)
        let confidence = hits.isEmpty ? 0 : confidenceModel.confidence(features)
        let handoff: Answer.Handoff
        if hits.isEmpty {
            handoff = .init(suggested: true, reason: "no_match")
        } else if confidence < confidenceModel.threshold {
            handoff = .init(suggested: true, reason: "low_confidence")
        } else {
            handoff = .init(suggested: false, reason: nil)
        }
        var best = results.first
        if let b = best { best?.rich = RichText.html(b.text, links: b.links ?? []) }
        let answer = Answer(query: text, queryID: nil, answer: best, confidence: confidence,
                            alternatives: Array(results.dropFirst().prefix(3)), handoff: handoff)
        return (answer, features, results)
    }

    /// Passages retrieved before reranking (tax agreement, context) cuts them to the limit.
    static let rerankPool = 20

    /// Coverage, relative score and margin of the top hit.
    func confidenceFeatures(query: WeightedQuery, hits: [SearchHit], reader: IndexReader) -> ConfidenceFeatures {
        guard let top = hits.first, top.score > 0 else { return ConfidenceFeatures(coverage: 0, relativeScore: 0, margin: 0) }
        let unknownIDF = ScoringParameters.idf(docFreq: 0, docCount: max(reader.passageCount, 1))
        var total = 0.0, covered = 0.0, attainable = 0.0, unknown = 0.0, matched = 0.0
        for (term, weight) in query.terms {
            guard let info = reader.lookup(term) else {
                total += weight * unknownIDF
                unknown += weight * unknownIDF
                continue
            }
            total += weight * info.idf
            attainable += weight * info.maxScore
            if reader.contains(term: info, passage: top.passage) {
                covered += weight * info.idf
                matched += 1
            }
        }
        let second = hits.count > 1 ? hits[1].score : 0
        return ConfidenceFeatures(
            coverage: total > 0 ? covered / total : 0,
            relativeScore: attainable > 0 ? min(1, top.score / attainable) : 0,
            margin: (top.score - second) / top.score,
            unknownShare: total > 0 ? unknown / total : 0, topScore: top.score, matchedTerms: matched)
    }
}
