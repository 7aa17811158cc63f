import Foundation

/// One labelled question of an evaluation set (`{"qid","query","relevant":[ids…]}`); an empty
/// `relevant` marks an out-of-scope question that should be handed over.
public struct EvaluationQuery: Codable, Sendable {
    /// Question id, naming the question in reports and feature rows.
    public var qid: String
    /// The question as a user would ask it.
    public var query: String
    /// Passage ids (`doc#n`) or document ids that answer the question.
    public var relevant: [String]
    /// Question type (`colloquial`, `traditional`, …) for per-type metrics; nil counts as `untyped`.
    public var type: String?
}

/// Retrieval and hand-over metrics of an evaluation run.
public struct EvaluationReport: Codable, Sendable {
    /// Number of questions in the set.
    public var queries: Int
    /// Questions with at least one relevant id: the denominator of the ranking metrics.
    public var answerable: Int
    /// Questions with no relevant id, which should be handed over.
    public var outOfScope: Int
    /// Mean reciprocal rank of the first relevant result in the top 10, over answerable questions.
    public var mrrAt10: Double
    /// Share of answerable questions whose first result is relevant.
    public var successAt1: Double
    /// Mean share of each answerable question's relevant ids found in the top 5 (capped at 1).
    public var recallAt5: Double
    /// Mean share of each answerable question's relevant ids found in the top 10 (capped at 1).
    public var recallAt10: Double
    /// Mean binary-relevance nDCG of the top 10 over answerable questions: rewards ranking hits higher.
    public var ndcgAt10: Double
    /// Share of out-of-scope questions handed over (higher is better).
    public var outOfScopeHandoffRate: Double
    /// Share of answerable questions handed over (lower is better).
    public var falseHandoffRate: Double
    /// Metrics per question type (`colloquial`, `traditional`, …), when the set labels types.
    public var byType: [String: TypeMetrics]
    /// Answerable questions whose first result was wrong, with what came first instead.
    public var misses: [Miss]
    /// Out-of-scope questions answered without a hand-over.
    public var unflaggedOutOfScope: [Miss]

    /// Ranking metrics of the answerable questions of one type.
    public struct TypeMetrics: Codable, Sendable {
        /// Answerable questions of this type.
        public var queries: Int
        /// Mean reciprocal rank of the first relevant result in the top 10, for this type.
        public var mrrAt10: Double
        /// Share of this type's questions whose first result is relevant.
        public var successAt1: Double
    }

    /// A question the engine got wrong: what was expected and what came first instead.
    public struct Miss: Codable, Sendable {
        /// Id of the question.
        public var qid: String
        /// The question text.
        public var query: String
        /// The set's relevant ids (empty for an out-of-scope question).
        public var expected: [String]
        /// Id of the first result, nil when nothing matched.
        public var got: String?
        /// Title of the first result (with its heading for answerable misses), for reading reports.
        public var gotTitle: String?
        /// Rank of the first relevant result (nil if not in the top 10).
        public var rank: Int?
        /// The answer's confidence, to see how far it was from the hand-over threshold.
        public var confidence: Double
    }
}

/// Features and outcome of one question, for calibrating the confidence model.
public struct EvaluationFeatureRow: Codable, Sendable {
    /// Id of the question.
    public var qid: String
    /// Whether the question has relevant ids: the label the confidence model is fitted to.
    public var inScope: Bool
    /// Whether the first result is relevant.
    public var topRelevant: Bool
    /// Whether any result matched at all.
    public var matched: Bool
    /// The confidence features of the question's answer.
    public var features: ConfidenceFeatures
}

extension ZhixunEngine {
    /// Reads an evaluation set (JSONL).
    public static func loadEvaluationSet(_ path: String) throws -> [EvaluationQuery] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw EngineError.invalidArgument(name: "queries", reason: "cannot read \(path)")
        }
        let decoder = JSONDecoder()
        var queries: [EvaluationQuery] = []
        for (n, line) in data.split(separator: UInt8(ascii: "\n")).enumerated() {
            if line.allSatisfy({ $0 == 0x20 || $0 == 0x0D }) { continue }
            do {
                queries.append(try decoder.decode(EvaluationQuery.self, from: Data(line)))
            } catch {
                throw EngineError.invalidArgument(name: "queries", reason: "\(path):\(n + 1): expected {\"qid\",\"query\",\"relevant\":[…]}")
            }
        }
        return queries
    }

    /// Runs every question through the answer path and computes the metrics.
    public func evaluate(_ queries: [EvaluationQuery], features: ((EvaluationFeatureRow) -> Void)? = nil) throws -> EvaluationReport {
        var mrr = 0.0, s1 = 0.0, r5 = 0.0, r10 = 0.0, ndcg = 0.0
        var answerable = 0, outOfScope = 0, oosHandoff = 0, falseHandoff = 0
        var misses: [EvaluationReport.Miss] = [], unflagged: [EvaluationReport.Miss] = []
        var typeSums: [String: (n: Int, mrr: Double, s1: Double)] = [:]
        for q in queries {
            let outcome: (answer: Answer, features: ConfidenceFeatures, results: [SearchResult])
            do {
                outcome = try answerWithFeatures(q.query, options: SearchOptions(limit: 10))
            } catch EngineError.emptyQuery {
                outcome = (Answer(query: q.query, queryID: nil, answer: nil, confidence: 0, alternatives: [],
                                  handoff: .init(suggested: true, reason: "no_match")),
                           ConfidenceFeatures(coverage: 0, relativeScore: 0, margin: 0), [])
            }
            let ids = outcome.results.map(\.id)
            let relevant = q.relevant
            func isRelevant(_ r: SearchResult) -> Bool {
                relevant.contains { $0 == r.id || (!$0.contains("#") && $0 == r.doc) }
            }
            let flags = outcome.results.prefix(10).map(isRelevant)
            features?(EvaluationFeatureRow(qid: q.qid, inScope: !relevant.isEmpty, topRelevant: flags.first ?? false,
                                           matched: !ids.isEmpty, features: outcome.features))
            if relevant.isEmpty {
                outOfScope += 1
                if outcome.answer.handoff.suggested {
                    oosHandoff += 1
                } else {
                    unflagged.append(.init(qid: q.qid, query: q.query, expected: [], got: ids.first,
                                           gotTitle: outcome.results.first?.title, rank: nil, confidence: outcome.answer.confidence))
                }
                continue
            }
            answerable += 1
            if outcome.answer.handoff.suggested { falseHandoff += 1 }
            let firstRank = flags.firstIndex(of: true).map { $0 + 1 }
            let rr = firstRank.map { 1 / Double($0) } ?? 0
            mrr += rr
            if flags.first == true { s1 += 1 }
            let wanted = Double(relevant.count)
            r5 += min(1, Double(flags.prefix(5).filter { $0 }.count) / wanted)
            r10 += min(1, Double(flags.filter { $0 }.count) / wanted)
            var dcg = 0.0
            for (i, hit) in flags.enumerated() where hit { dcg += 1 / log2(Double(i) + 2) }
            var ideal = 0.0
            for i in 0..<min(relevant.count, 10) { ideal += 1 / log2(Double(i) + 2) }
            ndcg += ideal > 0 ? dcg / ideal : 0
            let type = q.type ?? "untyped"
            typeSums[type, default: (0, 0, 0)].n += 1
            typeSums[type]!.mrr += rr
            typeSums[type]!.s1 += flags.first == true ? 1 : 0
            if flags.first != true {
                misses.append(.init(qid: q.qid, query: q.query, expected: relevant, got: ids.first,
                                    gotTitle: outcome.results.first.map { $0.title + " " + $0.heading }, rank: firstRank,
                                    confidence: outcome.answer.confidence))
            }
        }
        let a = Double(max(answerable, 1))
        return EvaluationReport(
            queries: queries.count, answerable: answerable, outOfScope: outOfScope,
            mrrAt10: mrr / a, successAt1: s1 / a, recallAt5: r5 / a, recallAt10: r10 / a, ndcgAt10: ndcg / a,
            outOfScopeHandoffRate: outOfScope > 0 ? Double(oosHandoff) / Double(outOfScope) : 0,
            falseHandoffRate: Double(falseHandoff) / a,
            byType: typeSums.mapValues { .init(queries: $0.n, mrrAt10: $0.mrr / Double($0.n), successAt1: $0.s1 / Double($0.n)) },
            misses: misses, unflaggedOutOfScope: unflagged)
    }
}
