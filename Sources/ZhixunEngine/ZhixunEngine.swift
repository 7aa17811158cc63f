import Foundation
import ZhixunIndex
import ZhixunIngest
import ZhixunStore
import ZhixunText

/// The product's logic in one place: ingest into the knowledge store, rebuild index generations,
/// and answer searches over the current generation. The CLI and the server are thin shells over it.
public final class ZhixunEngine: Sendable {
    /// The data directory (`Indexes` by default): `kb.sqlite` plus index generations.
    public let dataDirectory: String
    /// The analyzer shared by indexing and querying.
    public let analyzer: Analyzer
    /// The knowledge store.
    public let store: KnowledgeStore
    /// Scoring parameters used for new generations.
    public let parameters: ScoringParameters
    /// Largest file ingested, in bytes.
    public let maxFileBytes: Int
    /// Decayed traffic per FAQ entry and editor settings, refreshed every `cacheTTL` seconds.
    let popularity: TTLCache<Int, PopularitySnapshot>
    /// Ranked hot lists per (generation, category, limit), as fresh as `popularity`.
    let hotLists: TTLCache<String, [HotQuestion]>
    /// Related items per (generation, item, limit), refreshed every `cacheTTL` seconds.
    let relatedCache: TTLCache<String, [RelatedItem]>
    /// Batches question events to the store.
    let events: EventRecorder
    /// Masks personal data before anything is stored.
    public let masker = PersonalDataMasker()
    /// Turns score features into confidence and hand-over decisions.
    public let confidenceModel: ConfidenceModel
    /// The parsers of every ingest format.
    public let formats = IngestFormats.standard
    /// Weight of synonym expansion terms (0 turns expansion off).
    public let synonymWeight: Double
    /// Question filler dropped from queries.
    public let filler: QueryFiller
    /// Limits the weight of query terms rarer than a share of the passages.
    public let rareTermCap: RareTermCap
    /// Demotes answers about another tax than the question names.
    public let taxAgreement: TaxAgreement
    /// Prefers nationwide answers when the question names no region.
    public let regionAgreement: RegionAgreement
    /// Kinds of question whose answer must state something (a penalty, a time limit).
    public let intents: [QuestionIntent]
    let generations: GenerationDirectory
    let current = CurrentGeneration()

    /// Score multiplier for an answer about another tax than its question names (measured on the
    /// evaluation set: 0.85, 0.7, 0.5 and 0.3 gave S@1 0.729, 0.731, 0.733, 0.733; off 0.721).
    public static let defaultTaxMismatchFactor = 0.5

    /// Score multiplier for a regional answer to a question naming no region (measured: 0.9 and
    /// 0.8 gave MRR@10 0.838, S@1 0.762; off 0.837, 0.760).
    public static let defaultRegionMismatchFactor = 0.9

    /// Score multiplier for a passage stating no penalty when the question asks about one
    /// (measured: 0.85, 0.7, 0.5 gave MRR@10 0.815, 0.816, 0.817; off 0.814).
    public static let defaultPenaltyMismatchFactor = 0.5

    /// Score multiplier for a passage stating no time limit when the question asks for one
    /// (measured: 0.85 and 0.7 gave MRR@10 0.820, 0.5 gave 0.816; off 0.817).
    public static let defaultDeadlineMismatchFactor = 0.7

    /// Score multiplier for a passage stating no rate when the question asks for one (measured:
    /// 0.85, 0.7, 0.5 gave MRR@10 0.825, 0.826, 0.826; off 0.820).
    public static let defaultRateMismatchFactor = 0.7

    /// Longest query accepted, in characters.
    public static let maxQueryLength = 256

    /// Opens the engine over `dataDirectory`, creating the store if needed. The index is opened
    /// lazily, so ingesting works before the first rebuild.
    public init(dataDirectory: String, parameters: ScoringParameters = .default,
                confidenceModel: ConfidenceModel = .default, maxFileBytes: Int = 64 << 20,
                cacheTTL: TimeInterval = 5, synonymWeight: Double = 0.15,
                rareTermCap: RareTermCap = .default, taxMismatchFactor: Double = ZhixunEngine.defaultTaxMismatchFactor,
                penaltyMismatchFactor: Double = ZhixunEngine.defaultPenaltyMismatchFactor,
                deadlineMismatchFactor: Double = ZhixunEngine.defaultDeadlineMismatchFactor,
                rateMismatchFactor: Double = ZhixunEngine.defaultRateMismatchFactor,
                regionMismatchFactor: Double = ZhixunEngine.defaultRegionMismatchFactor) throws {
        self.synonymWeight = synonymWeight
        self.rareTermCap = rareTermCap
        popularity = TTLCache(ttl: cacheTTL, capacity: 1)
        hotLists = TTLCache(ttl: cacheTTL, capacity: 1000)
        let store = try KnowledgeStore(path: dataDirectory + "/kb.sqlite")
        self.store = store
        events = EventRecorder(store: store)
        relatedCache = TTLCache(ttl: cacheTTL)
        self.confidenceModel = confidenceModel
        self.dataDirectory = dataDirectory
        self.parameters = parameters
        self.maxFileBytes = maxFileBytes
        analyzer = try Analyzer.standard()
        filler = QueryFiller(analyzer: analyzer)
        taxAgreement = TaxAgreement(names: TaxNames(analyzer: analyzer), factor: taxMismatchFactor)
        regionAgreement = RegionAgreement(factor: regionMismatchFactor)
        intents = [.penalty(factor: penaltyMismatchFactor), .deadline(factor: deadlineMismatchFactor),
                   .rate(factor: rateMismatchFactor)]
        generations = GenerationDirectory(root: dataDirectory)
    }

    // MARK: Ingest

    /// Parses files and folders into the store, one transaction per file. Bad lines and bad files
    /// are reported; everything good is kept.
    public func ingest(paths: [String], editor: String = "", progress: ((String) -> Void)? = nil) throws -> IngestReport {
        var report = IngestReport()
        let expansion = CorpusFiles.expand(paths, extensions: formats.extensions)
        report.skipped = expansion.skipped
        for list in expansion.synonymLists {
            do {
                let text = try String(contentsOfFile: list, encoding: .utf8)
                try store.setSynonymList(text)
                report.synonymLists.append(list)
            } catch {
                report.files.append(.init(file: list, errors: ["\(list): cannot read the synonym list: \(error)"]))
            }
        }
        for missing in expansion.missing {
            report.files.append(.init(file: missing, errors: ["\(missing): no such file or folder"]))
        }
        let run = try store.beginRun(source: paths.joined(separator: " "), editor: editor)
        for file in expansion.files {
            progress?(file)
            var result = IngestReport.FileResult(file: file)
            do {
                let documents = try parse(file: file, errors: &result.errors, warnings: &result.warnings)
                if !documents.isEmpty {
                    report.record(try store.ingest(documents, run: run), into: &result)
                }
            } catch let error as IngestError {
                result.errors.append(error.description)
            } catch {
                result.errors.append("\(file): \(error)")
            }
            report.files.append(result)
        }
        let json = (try? JSONEncoder().encode(report)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
        try store.finishRun(run, files: report.files.count, documents: report.documents,
                            failures: report.errorCount, report: json)
        return report
    }

    private func parse(file: String, errors: inout [String], warnings: inout [String]) throws -> [KnowledgeDocument] {
        let attributes = try? FileManager.default.attributesOfItem(atPath: file)
        let size = (attributes?[.size] as? NSNumber)?.intValue ?? 0
        guard size <= maxFileBytes else { throw IngestError.tooLarge(file: file, bytes: size, limit: maxFileBytes) }
        guard let parser = formats.parser(for: file) else {
            let ext = (file as NSString).pathExtension.lowercased()
            throw IngestError.unsupportedFormat(
                file: file, detail: "'.\(ext)' files are not read (supported: \(formats.extensions.sorted().joined(separator: ", ")))")
        }
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: file))
        } catch {
            throw IngestError.unreadable(file: file, reason: error.localizedDescription)
        }
        let outcome = try parser.parse(data, file: file)
        warnings.append(contentsOf: outcome.warnings)
        var documents: [KnowledgeDocument] = []
        for record in outcome.records {
            switch record {
            case .success(let doc): documents.append(doc)
            case .failure(let error): errors.append(error.description)
            }
        }
        return documents
    }

    /// Every document with its effective status (superseded ones marked as such).
    public func documentSummaries() throws -> [DocumentSummary] {
        let superseded = Self.supersededIDs(try store.currentDocuments().map(\.document))
        return try store.documentSummaries().map { summary in
            var summary = summary
            if superseded.contains(summary.id) && summary.status == DocumentStatus.current.rawValue {
                summary.status = DocumentStatus.superseded.rawValue
            }
            return summary
        }
    }

    /// Writes buffered question events to the store now.
    public func flushEvents() throws {
        try events.flush()
    }

    /// Marks a document withdrawn (kept, never served after the next rebuild).
    public func withdraw(id: String) throws {
        try store.withdraw(id: id)
    }
}
