import Foundation
@testable import ZhixunEngine

enum EngineTestSupport {
    /// `Tests/Fixtures`, found from this file's path.
    static let fixtures: String = {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures").path
    }()

    /// The repository root (for `Corpus/`).
    static let repository: String = {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().path
    }()

    /// A fresh engine over `corpus` (paths relative to the repository), rebuilt; returns it and its
    /// data directory, which the caller removes. `cacheTTL: 0` makes hot questions see every event.
    static func engine(corpus: [String] = ["Corpus"], cacheTTL: TimeInterval = 0) throws -> (ZhixunEngine, String) {
        let data = temporaryDirectory()
        let engine = try ZhixunEngine(dataDirectory: data, cacheTTL: cacheTTL)
        _ = try engine.ingest(paths: corpus.map { repository + "/" + $0 })
        try engine.rebuild()
        return (engine, data)
    }

    static func temporaryDirectory() -> String {
        let path = NSTemporaryDirectory() + "zhixun-engine-\(UUID().uuidString)"
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }
}
