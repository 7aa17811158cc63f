/// The fields every passage is indexed under, in storage order.
///
/// FAQ entries map question → ``title``, similar questions → ``alias``, answer → ``body``;
/// policy passages map document title → ``title``, heading path → ``alias``, text → ``body``.
/// Tags and category go to ``tags``.
public enum IndexField: Int, CaseIterable, Codable, Sendable {
    case title = 0, alias, body, tags

    /// Number of indexed fields.
    public static let count = IndexField.allCases.count

    /// Fields that also index the single characters of their CJK runs (short fields: questions,
    /// similar phrasings, titles, heading paths), for one-character and fallback queries.
    public static let unigramFields: Set<Int> = [IndexField.title.rawValue, IndexField.alias.rawValue]

    /// The field's name in manifests and configuration.
    public var name: String {
        switch self {
        case .title: "title"
        case .alias: "alias"
        case .body: "body"
        case .tags: "tags"
        }
    }
}

/// BM25F parameters, fixed per generation (block maximum scores are computed with them).
///
/// A passage's pseudo term frequency is `Σ_f weight_f · tf_f / (1 − b_f + b_f · len_f / avglen_f)`,
/// and its score for a term is `idf · tf' / (k1 + tf')` with Lucene's
/// `idf = ln(1 + (N − n + 0.5) / (n + 0.5))`.
public struct ScoringParameters: Codable, Equatable, Sendable {
    /// Term-frequency saturation.
    public var k1: Double
    /// Length normalization per field (index = ``IndexField`` raw value).
    public var b: [Double]
    /// Field weights (index = ``IndexField`` raw value).
    public var weights: [Double]

    /// Tuned on the team's evaluation set with `Scripts/tune_ranking.py` (MRR@10 0.773 → 0.788 over
    /// Lucene's k1 = 1.2, b = 0.75 and weights 3/2/1/1.5): similar phrasings and heading paths weigh
    /// twice the answer or text; shorter passages are penalised less (b = 0.5).
    public static let `default` = ScoringParameters(
        k1: 0.9, b: [0.5, 0.5, 0.5, 0.5], weights: [1.0, 2.0, 1.0, 0.5])

    public init(k1: Double, b: [Double], weights: [Double]) {
        self.k1 = k1
        self.b = b
        self.weights = weights
    }

    /// Checks the shape and ranges of the parameters.
    public func validate() throws {
        guard b.count == IndexField.count, weights.count == IndexField.count else {
            throw IndexError.invalidInput(reason: "scoring parameters need \(IndexField.count) values for b and weights")
        }
        guard k1 > 0, b.allSatisfy({ (0...1).contains($0) }), weights.allSatisfy({ $0 >= 0 }) else {
            throw IndexError.invalidInput(reason: "k1 must be > 0, b in [0, 1], weights ≥ 0")
        }
    }

    /// Lucene's BM25 idf for a term in `docFreq` of `docCount` passages.
    @inlinable public static func idf(docFreq: Int, docCount: Int) -> Double {
        let n = Double(docFreq), total = Double(docCount)
        return log(1 + (total - n + 0.5) / (n + 0.5))
    }

    /// Per-field multipliers `weight_f / (1 − b_f + b_f · len_f / avglen_f)` for one passage.
    @inlinable public func fieldNorms(lengths: [UInt32], averages: [Double]) -> [Double] {
        (0..<IndexField.count).map { f in
            let avg = averages[f] > 0 ? averages[f] : 1
            return weights[f] / (1 - b[f] + b[f] * Double(lengths[f]) / avg)
        }
    }
}

import Foundation
