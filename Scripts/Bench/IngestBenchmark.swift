import Foundation
import ZhixunIngest
import ZhixunStore

/// Parses every file of a folder (and stores it in a scratch knowledge store), reporting
/// documents/s and MB/s for parsing alone and for parsing plus storing.
enum IngestBenchmark {
    static func run(folder: String) throws {
        let formats = IngestFormats.standard
        let files = (FileManager.default.enumerator(atPath: folder)?.allObjects as? [String] ?? [])
            .filter { formats.parser(for: $0) != nil }.sorted().map { folder + "/" + $0 }
        let contents = try files.map { try Data(contentsOf: URL(fileURLWithPath: $0)) }
        let bytes = contents.reduce(0) { $0 + $1.count }

        let parseStart = now()
        var documents: [[KnowledgeDocument]] = []
        var failures = 0
        for (file, data) in zip(files, contents) {
            let outcome = try formats.parser(for: file)!.parse(data, file: file)
            documents.append(outcome.records.compactMap { try? $0.get() })
            failures += outcome.records.filter { if case .failure = $0 { true } else { false } }.count
        }
        let parseSeconds = now() - parseStart
        let count = documents.reduce(0) { $0 + $1.count }

        let storePath = NSTemporaryDirectory() + "zhixun-bench-store-\(getpid())"
        defer { try? FileManager.default.removeItem(atPath: storePath) }
        let store = try KnowledgeStore(path: storePath + "/kb.sqlite")
        let storeStart = now()
        for docs in documents { _ = try store.ingest(docs, run: nil) }
        let storeSeconds = now() - storeStart
        let mb = Double(bytes) / 1_048_576
        emit([
            "files": files.count, "documents": count, "failures": failures, "input_bytes": bytes,
            "parse_seconds": parseSeconds, "parse_documents_per_s": Double(count) / parseSeconds,
            "parse_mb_per_s": mb / parseSeconds,
            "store_seconds": storeSeconds,
            "ingest_documents_per_s": Double(count) / (parseSeconds + storeSeconds),
            "ingest_mb_per_s": mb / (parseSeconds + storeSeconds),
        ])
    }
}
