import ZhixunIndex

/// The answer to a question: the best passage, how sure the engine is, alternatives, and whether a
/// person should take over.
public struct Answer: Codable, Equatable, Sendable {
    /// The question as asked.
    public var query: String
    /// Id of this question for feedback (present when the question was recorded).
    public var queryID: String?
    /// The best passage, if any matched at all.
    public var answer: SearchResult?
    /// Confidence in [0, 1] that `answer` answers the question (see ``ConfidenceModel``).
    public var confidence: Double
    /// Up to three next-best passages.
    public var alternatives: [SearchResult]
    /// Whether to hand over to a person, and why.
    public var handoff: Handoff

    /// A hand-over suggestion.
    public struct Handoff: Codable, Equatable, Sendable {
        /// Whether a person should take over (nothing matched, or confidence below the threshold).
        public var suggested: Bool
        /// `no_match`, `low_confidence`, or nil.
        public var reason: String?
    }
}

/// The features confidence is computed from, kept for calibration and explanations.
public struct ConfidenceFeatures: Codable, Equatable, Sendable {
    /// Share of the query's idf mass whose terms occur in the top passage.
    public var coverage: Double
    /// Top score over the query's attainable score (sum of its terms' upper bounds).
    public var relativeScore: Double
    /// (top − second) / top.
    public var margin: Double
    /// Share of the query's idf mass in terms the index has never seen.
    public var unknownShare: Double = 0
    /// The top score itself.
    public var topScore: Double = 0
    /// Query terms (after filler) that occur in the top passage.
    public var matchedTerms: Double = 0
}

/// Maps score features to a confidence in [0, 1] and applies the hand-over threshold.
///
/// A logistic combination of coverage (did the best passage contain what was asked?), relative
/// score, margin, the share of the query the index has never seen, the top score and the number of
/// matched terms; the weights and threshold are configuration, calibrated on the evaluation set.
public struct ConfidenceModel: Codable, Equatable, Sendable {
    /// Weight of ``ConfidenceFeatures/coverage``.
    public var coverageWeight: Double
    /// Weight of ``ConfidenceFeatures/relativeScore``.
    public var relativeScoreWeight: Double
    /// Weight of ``ConfidenceFeatures/margin``.
    public var marginWeight: Double
    /// Weight of ``ConfidenceFeatures/unknownShare``.
    public var unknownShareWeight: Double = 0
    /// Weight of ln(1 + top score).
    public var topScoreWeight: Double = 0
    /// Weight of ``ConfidenceFeatures/matchedTerms``.
    public var matchedTermsWeight: Double = 0
    /// Intercept of the logistic combination.
    public var bias: Double
    /// Below this confidence the answer suggests a hand-over.
    public var threshold: Double

    /// Defaults fitted by `Scripts/calibrate_confidence.py` on `Tests/Fixtures/eval/questions.jsonl`
    /// (answerable vs out-of-scope). Re-fit whenever ranking or the corpus changes much.
    public static let `default` = ConfidenceModel(
        coverageWeight: 10.515, relativeScoreWeight: -8.745, marginWeight: -1.826, unknownShareWeight: 0.059,
        topScoreWeight: 1.437, matchedTermsWeight: 1.15, bias: -4.639, threshold: 0.4)

    public init(coverageWeight: Double, relativeScoreWeight: Double, marginWeight: Double,
                unknownShareWeight: Double = 0, topScoreWeight: Double = 0, matchedTermsWeight: Double = 0,
                bias: Double, threshold: Double) {
        self.coverageWeight = coverageWeight
        self.relativeScoreWeight = relativeScoreWeight
        self.marginWeight = marginWeight
        self.unknownShareWeight = unknownShareWeight
        self.topScoreWeight = topScoreWeight
        self.matchedTermsWeight = matchedTermsWeight
        self.bias = bias
        self.threshold = threshold
    }

    /// The confidence for a set of features.
    public func confidence(_ f: ConfidenceFeatures) -> Double {
        let z = bias + coverageWeight * f.coverage + relativeScoreWeight * f.relativeScore + marginWeight * f.margin
            + unknownShareWeight * f.unknownShare + topScoreWeight * log(1 + f.topScore) + matchedTermsWeight * f.matchedTerms
        return 1 / (1 + exp(-z))
    }
}

import Foundation
