import Foundation
import Testing
import ZhixunText
@testable import ZhixunIndex

@Suite struct GenerationTests {
    typealias S = IndexTestSupport

    struct InjectedFailure: Error {}

    @Test func storedPayloadsAndAttributesRoundTrip() throws {
        var rng = S.SeededRandom(state: 11)
        let passages = S.randomPassages(&rng, count: 50)
        let root = S.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let reader = try S.build(passages, in: root)
        #expect(reader.passageCount == 50)
        for (i, p) in passages.enumerated() {
            #expect(reader.storedPayload(passage: i) == p.stored)
            #expect(reader.attributes(passage: i) == p.attributes)
            #expect(reader.fieldLengths(passage: i).map(Int.init) == p.fields.map { S.analyzer.terms($0).count })
        }
    }

    @Test func failedRebuildLeavesPreviousGenerationCurrent() throws {
        var rng = S.SeededRandom(state: 12)
        let root = S.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: root) }
        _ = try S.build(S.randomPassages(&rng, count: 30), in: root)
        let dir = GenerationDirectory(root: root)
        let before = try dir.currentName()
        let builder = try IndexBuilder(analyzer: S.analyzer)
        for p in S.randomPassages(&rng, count: 10) { try builder.add(p) }
        #expect(throws: InjectedFailure.self) {
            try dir.commit(builder, beforeSwitch: { throw InjectedFailure() })
        }
        #expect(try dir.currentName() == before)
        #expect(try dir.openCurrent().passageCount == 30)
        #expect(dir.generations() == [before!])
    }

    @Test func killedRebuildStagingIsIgnoredAndCleaned() throws {
        var rng = S.SeededRandom(state: 13)
        let root = S.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: root) }
        _ = try S.build(S.randomPassages(&rng, count: 30), in: root)
        // What a rebuild killed mid-write leaves behind.
        let staging = root + "/.building-gen-000002"
        try FileManager.default.createDirectory(atPath: staging, withIntermediateDirectories: true)
        try Data("partial".utf8).write(to: URL(fileURLWithPath: staging + "/postings.bin"))
        let dir = GenerationDirectory(root: root)
        #expect(try dir.openCurrent().passageCount == 30)
        _ = try S.build(S.randomPassages(&rng, count: 5), in: root)
        #expect(!FileManager.default.fileExists(atPath: staging))
        #expect(try dir.openCurrent().passageCount == 5)
    }

    @Test func oldGenerationsArePruned() throws {
        var rng = S.SeededRandom(state: 14)
        let root = S.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: root) }
        for n in 1...5 { _ = try S.build(S.randomPassages(&rng, count: n), in: root) }
        let dir = GenerationDirectory(root: root)
        #expect(dir.generations() == ["gen-000003", "gen-000004", "gen-000005"])
        #expect(try dir.currentName() == "gen-000005")
    }

    @Test(arguments: [IndexManifest.FileName.postings, IndexManifest.FileName.terms,
                      IndexManifest.FileName.termInfo, IndexManifest.FileName.passages,
                      IndexManifest.FileName.stored])
    func corruptionIsDetectedAtLoadNamingTheFile(file: String) throws {
        var rng = S.SeededRandom(state: 15)
        let root = S.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: root) }
        _ = try S.build(S.randomPassages(&rng, count: 100), in: root)
        let dir = GenerationDirectory(root: root)
        let path = root + "/" + (try dir.currentName()!) + "/" + file
        var bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        bytes[bytes.count / 2] ^= 0x5A
        try bytes.write(to: URL(fileURLWithPath: path))
        do {
            _ = try dir.openCurrent()
            Issue.record("corrupt \(file) was not detected")
        } catch let error as IndexError {
            #expect(error.description.contains(file))
            guard case .corrupt = error else { Issue.record("expected .corrupt, got \(error)"); return }
        }
    }

    @Test func truncatedFileAndBadManifestAreDetected() throws {
        var rng = S.SeededRandom(state: 16)
        let root = S.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: root) }
        _ = try S.build(S.randomPassages(&rng, count: 100), in: root)
        let dir = GenerationDirectory(root: root)
        let gen = root + "/" + (try dir.currentName()!)
        let postings = gen + "/" + IndexManifest.FileName.postings
        let data = try Data(contentsOf: URL(fileURLWithPath: postings))
        try data.prefix(data.count - 10).write(to: URL(fileURLWithPath: postings))
        #expect(throws: IndexError.self) { _ = try dir.openCurrent() }
        try Data("{ not json".utf8).write(to: URL(fileURLWithPath: gen + "/manifest.json"))
        #expect(throws: IndexError.self) { _ = try dir.openCurrent() }
    }

    @Test func missingGenerationIsAClearError() throws {
        let root = S.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: root) }
        do {
            _ = try GenerationDirectory(root: root).openCurrent()
            Issue.record("expected an error")
        } catch let error as IndexError {
            #expect(error.description.contains("zhixun rebuild"))
        }
    }

    @Test func concurrentRebuildIsRefused() throws {
        let root = S.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let lock = try RebuildLock(path: root + "/.rebuild.lock")
        defer { lock.release() }
        let builder = try IndexBuilder(analyzer: S.analyzer)
        #expect(throws: IndexError.self) { try GenerationDirectory(root: root).commit(builder) }
    }
}
