import ZhixunIndex
import ZhixunText

/// Query-time expansion from the editor-maintained synonym list (`synonyms.txt`: one group per
/// line, phrases separated by ` = `, `#` comments).
///
/// When the query contains a phrase of a group, the terms of the group's other phrases are added at
/// a reduced weight. A term the query already has is never added again, and a term shared by
/// several alternatives is added once, so nothing is counted twice.
public struct SynonymExpander: Sendable {
    /// Folded phrases of each group.
    public let groups: [[String]]
    /// Weight of an expansion term relative to a term the user typed.
    public var weight: Double

    public init(groups: [[String]], analyzer: Analyzer, weight: Double = 0.15) {
        self.groups = groups.map { $0.map { analyzer.normalize($0) }.filter { !$0.isEmpty } }.filter { $0.count > 1 }
        self.weight = weight
    }

    /// Parses the synonym list format.
    public static func parse(_ text: String) -> [[String]] {
        text.split(whereSeparator: \.isNewline).compactMap { line in
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard !trimmed.isEmpty, !trimmed.hasPrefix("#") else { return nil }
            let phrases = trimmed.components(separatedBy: "=").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            return phrases.count > 1 ? phrases : nil
        }
    }

    /// Adds expansion terms for `text` (already analyzed into `query`) to `query`.
    public func expand(_ query: inout WeightedQuery, text: String, analyzer: Analyzer, filler: QueryFiller) {
        guard weight > 0, !groups.isEmpty else { return }
        let folded = analyzer.normalize(text)
        for group in groups where group.contains(where: { folded.contains($0) }) {
            for phrase in group where !folded.contains(phrase) {
                for term in analyzer.terms(phrase) where !filler.isFiller(term) {
                    query.addIfAbsent(term, weight: weight)
                }
            }
        }
    }
}

import Foundation
