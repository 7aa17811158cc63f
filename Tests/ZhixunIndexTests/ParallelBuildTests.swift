import Foundation
import Testing
@testable import ZhixunIndex

/// Building with `add(contentsOf:)` (one accumulator per core, merged at write time) must give
/// byte-for-byte the generation that adding the batch one by one, shortest first, gives.
@Suite struct ParallelBuildTests {
    typealias S = IndexTestSupport

    func files(of root: String) throws -> [String: Data] {
        let dir = root + "/" + (try GenerationDirectory(root: root).currentName() ?? "")
        var out: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: dir) where name != IndexManifest.FileName.manifest {
            out[name] = try Data(contentsOf: URL(fileURLWithPath: dir + "/" + name))
        }
        return out
    }

    /// 2 and 3 workers as on this machine; 5 as on a bigger one, where every worker has its own
    /// posting pool (workers after the first once shared one).
    @Test(arguments: [nil, 3, 5])
    func parallelBuildEqualsSequentialBuild(workers: Int?) throws {
        var rng = S.SeededRandom(state: 11)
        let head = S.randomPassages(&rng, count: 7)
        let bulk = S.randomPassages(&rng, count: IndexBuilder.parallelThreshold + 901)
        let tail = S.randomPassages(&rng, count: 5)

        let one = S.temporaryDirectory(), many = S.temporaryDirectory()
        defer {
            try? FileManager.default.removeItem(atPath: one)
            try? FileManager.default.removeItem(atPath: many)
        }
        let sequential = try IndexBuilder(analyzer: S.analyzer)
        let shortestFirst = IndexBuilder.lengthOrder(bulk).map { bulk[$0] }
        for p in head + shortestFirst + tail { try sequential.add(p) }
        let a = try GenerationDirectory(root: one).commit(sequential)

        let parallel = try IndexBuilder(analyzer: S.analyzer)
        for p in head { try parallel.add(p) }
        if let workers { try parallel.add(contentsOf: bulk, workers: workers) } else { try parallel.add(contentsOf: bulk) }
        for p in tail { try parallel.add(p) }
        let b = try GenerationDirectory(root: many).commit(parallel)

        #expect(parallel.passageCount == head.count + bulk.count + tail.count)
        #expect(a.termCount == b.termCount && a.postingCount == b.postingCount)
        #expect(a.files.mapValues(\.checksum) == b.files.mapValues(\.checksum))
        #expect(try files(of: one) == files(of: many))
    }
}
