import Foundation
import ZhixunIngest
import ZhixunStore
import ZhixunText

/// Paraphrases of one unmet need, shown to editors as one row.
public struct UnansweredGroup: Codable, Sendable {
    /// The most recent phrasing.
    public var question: String
    /// Questions in the group: how often this need went unmet.
    public var count: Int
    /// Up to five other phrasings.
    public var examples: [String]
    /// Why they went unanswered (`low_confidence`, `no_match`, `negative_feedback`), each once.
    public var reasons: [String]
    /// When the most recent phrasing was asked.
    public var lastAskedAt: Date
}

/// Questions and outcomes over a period, for editors.
public struct QuestionStatistics: Codable, Sendable {
    /// Per-day counts, oldest first.
    public var days: [DailyQuestionStats]
    /// Questions asked in the period.
    public var questions: Int
    /// Share of questions answered without a hand-over.
    public var answerRate: Double
    /// Share of questions handed over to a person.
    public var handoffRate: Double
    /// Share of feedback saying the answer solved it.
    public var resolutionRate: Double
    /// Most asked answer categories, most asked first.
    public var topCategories: [CategoryCount]

    /// How many questions were answered from one category.
    public struct CategoryCount: Codable, Sendable {
        /// The answer's category.
        public var category: String
        /// Questions in that category over the period.
        public var questions: Int
    }
}

extension ZhixunEngine {
    /// Unanswered questions since `date`, paraphrases grouped (bigram overlap ≥ 0.5) into one row
    /// with a count, most frequent first.
    public func unansweredQuestions(since date: Date, limit: Int = 100) throws -> [UnansweredGroup] {
        try events.flush()
        let questions = try store.unansweredQuestions(since: date)  // newest first
        let terms = questions.map { Set(filler.strip(analyzer.terms($0.text))) }
        // Single-linkage grouping: a question joins (and merges) every group holding a paraphrase of it.
        var parent = Array(questions.indices)
        func root(_ i: Int) -> Int {
            var i = i
            while parent[i] != i { parent[i] = parent[parent[i]]; i = parent[i] }
            return i
        }
        var byTerm: [Term: [Int]] = [:]
        for i in questions.indices {
            var candidates = Set<Int>()
            for t in terms[i] { candidates.formUnion(byTerm[t] ?? []) }
            for j in candidates where Self.overlap(terms[i], terms[j]) >= 0.5 { parent[root(j)] = root(i) }
            for t in terms[i] { byTerm[t, default: []].append(i) }
        }
        var groups: [Int: UnansweredGroup] = [:]
        for (i, q) in questions.enumerated() {
            let r = root(i)
            if var g = groups[r] {
                g.count += 1
                if g.examples.count < 5, q.text != g.question, !g.examples.contains(q.text) { g.examples.append(q.text) }
                if !g.reasons.contains(q.reason) { g.reasons.append(q.reason) }
                groups[r] = g
            } else {
                groups[r] = UnansweredGroup(question: q.text, count: 1, examples: [], reasons: [q.reason], lastAskedAt: q.askedAt)
            }
        }
        return groups.values.sorted { ($0.count, $0.lastAskedAt) > ($1.count, $1.lastAskedAt) }.prefix(limit).map { $0 }
    }

    /// Jaccard overlap of two term sets.
    static func overlap(_ a: Set<Term>, _ b: Set<Term>) -> Double {
        guard !a.isEmpty || !b.isEmpty else { return 1 }
        return Double(a.intersection(b).count) / Double(a.union(b).count)
    }

    /// Questions per day, answer, hand-over and resolution rates, and top categories since `date`.
    public func statistics(since date: Date) throws -> QuestionStatistics {
        try events.flush()
        let days = try store.dailyStats(since: date)
        let questions = days.reduce(0) { $0 + $1.questions }
        let handed = days.reduce(0) { $0 + $1.handedOver }
        let feedback = days.reduce(0) { $0 + $1.feedback }
        let resolved = days.reduce(0) { $0 + $1.resolved }
        return QuestionStatistics(
            days: days, questions: questions,
            answerRate: questions > 0 ? Double(questions - handed) / Double(questions) : 0,
            handoffRate: questions > 0 ? Double(handed) / Double(questions) : 0,
            resolutionRate: feedback > 0 ? Double(resolved) / Double(feedback) : 0,
            topCategories: try store.categoryCounts(since: date).map { .init(category: $0.0, questions: $0.1) })
    }

    /// The editor's synonym list as text (`synonyms.txt` format).
    public func synonymList() throws -> String {
        try store.synonymList()
    }

    /// Replaces the synonym list and applies it to queries at once; returns the number of groups.
    @discardableResult
    public func setSynonymList(_ text: String) throws -> Int {
        let groups = SynonymExpander.parse(text)
        try store.setSynonymList(text)
        try reload(force: true)
        return groups.count
    }

    /// Ingests one uploaded file (any ingest format, chosen by `filename`'s extension).
    public func ingest(data: Data, filename: String, editor: String = "") throws -> IngestReport {
        guard data.count <= maxFileBytes else {
            throw IngestError.tooLarge(file: filename, bytes: data.count, limit: maxFileBytes)
        }
        guard let parser = formats.parser(for: filename) else {
            throw IngestError.unsupportedFormat(file: filename, detail: "no parser for this file type")
        }
        var report = IngestReport()
        var result = IngestReport.FileResult(file: filename)
        let run = try store.beginRun(source: "upload:" + filename, editor: editor)
        do {
            let outcome = try parser.parse(data, file: filename)
            result.warnings = outcome.warnings
            var documents: [KnowledgeDocument] = []
            for record in outcome.records {
                switch record {
                case .success(let d): documents.append(d)
                case .failure(let e): result.errors.append(e.description)
                }
            }
            if !documents.isEmpty { report.record(try store.ingest(documents, run: run), into: &result) }
        } catch let error as IngestError {
            result.errors.append(error.description)
        }
        report.files = [result]
        try store.finishRun(run, files: 1, documents: report.documents, failures: report.errorCount, report: "")
        return report
    }
}
