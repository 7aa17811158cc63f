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

    static func temporaryDirectory() -> String {
        let path = NSTemporaryDirectory() + "zhixun-engine-\(UUID().uuidString)"
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }
}
