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
}

/// Maps score features to a confidence in [0, 1] and applies the hand-over threshold.
///
/// A logistic combination of coverage (did the best passage contain what was asked?), relative
/// score and margin; the weights and threshold are configuration, calibrated on the evaluation set.
public struct ConfidenceModel: Codable, Equatable, Sendable {
    public var coverageWeight: Double
    public var relativeScoreWeight: Double
    public var marginWeight: Double
    public var bias: Double
    /// Below this confidence the answer suggests a hand-over.
    public var threshold: Double

    /// Defaults calibrated on `Tests/Fixtures/eval/questions.jsonl` (see the closing notes).
    public static let `default` = ConfidenceModel(
        coverageWeight: 9.0, relativeScoreWeight: 3.0, marginWeight: 1.0, bias: -6.0, threshold: 0.5)

    public init(coverageWeight: Double, relativeScoreWeight: Double, marginWeight: Double, bias: Double, threshold: Double) {
        self.coverageWeight = coverageWeight
        self.relativeScoreWeight = relativeScoreWeight
        self.marginWeight = marginWeight
        self.bias = bias
        self.threshold = threshold
    }

    /// The confidence for a set of features.
    public func confidence(_ f: ConfidenceFeatures) -> Double {
        let z = bias + coverageWeight * f.coverage + relativeScoreWeight * f.relativeScore + marginWeight * f.margin
        return 1 / (1 + exp(-z))
    }
}

import Foundation
