import Foundation
import ZhixunStore

/// A hot question: an FAQ entry people are asking about now.
public struct HotQuestion: Codable, Equatable, Sendable {
    /// The FAQ entry's document id.
    public var id: String
    public var question: String
    public var category: String
    /// Time-decayed popularity (editor weight before there is traffic).
    public var score: Double
    public var pinned: Bool
}

/// Decayed traffic per FAQ document and the editor settings, as of one moment.
struct PopularitySnapshot: Sendable {
    let traffic: [String: Double]
    let settings: [String: HotSetting]
}

extension ZhixunEngine {
    /// Hot questions: FAQ entries ranked by time-decayed counts of being served as answers and of
    /// positive feedback (each halving every `halfLife`), editor pins first, blocked entries never;
    /// before there is traffic, the editor-set weight decides. Without an explicit `now`, the
    /// counts come from a snapshot at most a few seconds old.
    public func hotQuestions(category: String? = nil, limit: Int = 10, now: Date? = nil,
                             halfLife: TimeInterval = 7 * 86_400) throws -> [HotQuestion] {
        guard (1...100).contains(limit) else {
            throw EngineError.invalidArgument(name: "limit", reason: "must be between 1 and 100, got \(limit)")
        }
        let snapshot = try snapshot()
        if let now {
            return rankHot(snapshot.faqs, try computePopularity(now: now, halfLife: halfLife), category: category, limit: limit)
        }
        // Served on every answer: the ranked list itself is cached as long as the counts are.
        let key = "\(snapshot.name)\u{1F}\(category ?? "")\u{1F}\(limit)\u{1F}\(halfLife)"
        return try hotLists.value(for: key) { [self] in
            let popularity = try self.popularity.value(for: 0) { [self] in try computePopularity(now: Date(), halfLife: halfLife) }
            return rankHot(snapshot.faqs, popularity, category: category, limit: limit)
        }
    }

    private func rankHot(_ catalog: FAQCatalog, _ popularity: PopularitySnapshot, category: String?, limit: Int) -> [HotQuestion] {
        var hot: [HotQuestion] = []
        for entry in catalog.entries {
            if let category, !category.isEmpty, entry.category != category { continue }
            let setting = popularity.settings[entry.document]
            if setting?.blocked == true { continue }
            let score = popularity.traffic[entry.document] ?? 0
            let weight = setting?.weight ?? 0
            guard score > 0 || weight > 0 || setting?.pinned == true else { continue }
            // Traffic dominates; the editor weight only orders entries with equal traffic.
            hot.append(HotQuestion(id: entry.document, question: entry.question, category: entry.category,
                                   score: score + weight * 1e-6, pinned: setting?.pinned == true))
        }
        hot.sort { ($0.pinned ? 1 : 0, $0.score, $1.id) > ($1.pinned ? 1 : 0, $1.score, $0.id) }
        return Array(hot.prefix(limit))
    }

    private func computePopularity(now: Date, halfLife: TimeInterval) throws -> PopularitySnapshot {
        try events.flush()
        var traffic: [String: Double] = [:]
        // Signals older than ten half-lives weigh under 0.1 %: not worth reading.
        for signal in try store.answerSignals(since: now.addingTimeInterval(-10 * halfLife)) {
            let age = max(0, now.timeIntervalSince(signal.at))
            traffic[signal.document, default: 0] += Double(signal.count) * (signal.positiveFeedback ? 2 : 1) * pow(0.5, age / halfLife)
        }
        let settings = Dictionary(try store.hotSettings().map { ($0.document, $0) }, uniquingKeysWith: { a, _ in a })
        return PopularitySnapshot(traffic: traffic, settings: settings)
    }

    /// Sets an editor's pin, block or weight for a hot question (visible at once).
    public func setHotSetting(_ setting: HotSetting) throws {
        try store.setHotSetting(setting)
        popularity.invalidate()
        hotLists.invalidate()
    }
}
