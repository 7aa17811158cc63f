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
    /// Question filler dropped from queries.
    public let filler: QueryFiller
    let generations: GenerationDirectory
    let current = CurrentGeneration()

    /// Longest query accepted, in characters.
    public static let maxQueryLength = 256

    /// Opens the engine over `dataDirectory`, creating the store if needed. The index is opened
    /// lazily, so ingesting works before the first rebuild.
    public init(dataDirectory: String, parameters: ScoringParameters = .default,
                maxFileBytes: Int = 64 << 20) throws {
        self.dataDirectory = dataDirectory
        self.parameters = parameters
        self.maxFileBytes = maxFileBytes
        analyzer = try Analyzer.standard()
        filler = QueryFiller(analyzer: analyzer)
        store = try KnowledgeStore(path: dataDirectory + "/kb.sqlite")
        generations = GenerationDirectory(root: dataDirectory)
    }

    // MARK: Ingest

    /// Parses files and folders into the store, one transaction per file. Bad lines and bad files
    /// are reported; everything good is kept.
    public func ingest(paths: [String], progress: ((String) -> Void)? = nil) throws -> IngestReport {
        var report = IngestReport()
        let expansion = CorpusFiles.expand(paths)
        report.skipped = expansion.skipped
        for missing in expansion.missing {
            report.files.append(.init(file: missing, errors: ["\(missing): no such file or folder"]))
        }
        let run = try store.beginRun(source: paths.joined(separator: " "))
        for file in expansion.files {
            progress?(file)
            var result = IngestReport.FileResult(file: file)
            do {
                let documents = try parse(file: file, errors: &result.errors)
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

    private func parse(file: String, errors: inout [String]) throws -> [KnowledgeDocument] {
        let attributes = try? FileManager.default.attributesOfItem(atPath: file)
        let size = (attributes?[.size] as? NSNumber)?.intValue ?? 0
        guard size <= maxFileBytes else { throw IngestError.tooLarge(file: file, bytes: size, limit: maxFileBytes) }
        let ext = (file as NSString).pathExtension.lowercased()
        guard CorpusFiles.supportedExtensions.contains(ext) else {
            throw IngestError.unsupportedFormat(file: file, detail: "'.\(ext)' files are not read (supported: .jsonl, .json)")
        }
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: file))
        } catch {
            throw IngestError.unreadable(file: file, reason: error.localizedDescription)
        }
        let lines: [BulkJSONLParser.LineResult]
        if ext == "json" {
            lines = try Self.parseJSONDocument(data, file: file)
        } else {
            lines = BulkJSONLParser.parse(data, file: file)
        }
        var documents: [KnowledgeDocument] = []
        for line in lines {
            switch line {
            case .success(let doc): documents.append(doc)
            case .failure(let error): errors.append(error.description)
            }
        }
        return documents
    }

    /// A `.json` file holds one document object or an array of them.
    private static func parseJSONDocument(_ data: Data, file: String) throws -> [BulkJSONLParser.LineResult] {
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: data)
        } catch {
            throw IngestError.malformedJSON(file: file, line: 1, reason: "\(error.localizedDescription)")
        }
        let items = (object as? [Any]) ?? [object]
        return items.enumerated().map { i, item in
            guard let dict = item as? [String: Any] else {
                return .failure(.malformedJSON(file: file, line: i + 1, reason: "item \(i + 1) is not an object"))
            }
            do {
                return .success(try BulkJSONLParser.document(from: dict, file: file, line: i + 1))
            } catch let e as IngestError {
                return .failure(e)
            } catch {
                return .failure(.malformedJSON(file: file, line: i + 1, reason: "\(error)"))
            }
        }
    }

    /// Marks a document withdrawn (kept, never served after the next rebuild).
    public func withdraw(id: String) throws {
        try store.withdraw(id: id)
    }
}
