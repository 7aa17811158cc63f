import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The index generations of a data directory and the pointer that names the current one.
///
/// A rebuild writes a new generation into a hidden staging folder, makes it durable, renames it to
/// its final name and only then switches the `CURRENT` pointer with an atomic rename. A rebuild that
/// fails or is killed at any point leaves the previous generation current and loadable; its staging
/// folder is removed by the next rebuild. The newest ``keep`` generations are kept; older ones are
/// deleted (never the current one).
public struct GenerationDirectory: Sendable {
    /// The data directory (`Indexes` by default).
    public let root: String
    /// Generations kept after a successful rebuild.
    public var keep: Int

    /// Name of the pointer file.
    public static let pointerName = "CURRENT"
    static let stagingPrefix = ".building-"
    static let generationPrefix = "gen-"

    public init(root: String, keep: Int = 3) {
        self.root = root
        self.keep = max(1, keep)
    }

    /// The current generation's name, or `nil` if none was ever built.
    public func currentName() throws -> String? {
        let path = root + "/" + Self.pointerName
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw IndexError.unreadable(file: path, reason: "pointer file is not readable UTF-8")
        }
        let name = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard name.hasPrefix(Self.generationPrefix), !name.contains("/") else {
            throw IndexError.corrupt(file: path, reason: "pointer names '\(name)', not a generation")
        }
        return name
    }

    /// Opens and verifies the current generation.
    public func openCurrent(verifyChecksums: Bool = true) throws -> IndexReader {
        guard let name = try currentName() else { throw IndexError.noCurrentGeneration(directory: root) }
        return try IndexReader(directory: root + "/" + name, verifyChecksums: verifyChecksums)
    }

    /// Generation names on disk, oldest first.
    public func generations() -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []
        return names.filter { $0.hasPrefix(Self.generationPrefix) }.sorted()
    }

    /// Writes `builder` as a new generation and makes it current. `beforeSwitch` runs after the
    /// generation is written and before the pointer moves (tests inject failures there).
    @discardableResult
    public func commit(
        _ builder: IndexBuilder,
        progress: ((IndexWriter.Progress) -> Void)? = nil,
        beforeSwitch: (() throws -> Void)? = nil
    ) throws -> IndexManifest {
        let fm = FileManager.default
        do {
            try fm.createDirectory(atPath: root, withIntermediateDirectories: true)
        } catch {
            throw IndexError.writeFailed(path: root, reason: error.localizedDescription)
        }
        let lock = try RebuildLock(path: root + "/.rebuild.lock")
        defer { lock.release() }

        // Staging folders of crashed rebuilds (we hold the lock, so none is live).
        for name in (try? fm.contentsOfDirectory(atPath: root)) ?? [] where name.hasPrefix(Self.stagingPrefix) {
            try? fm.removeItem(atPath: root + "/" + name)
        }
        let existing = generations()
        let lastNumber = existing.compactMap { Int($0.dropFirst(Self.generationPrefix.count)) }.max() ?? 0
        let name = Self.generationPrefix + String(format: "%06d", lastNumber + 1)
        let staging = root + "/" + Self.stagingPrefix + name
        do {
            try fm.createDirectory(atPath: staging, withIntermediateDirectories: false)
        } catch {
            throw IndexError.writeFailed(path: staging, reason: error.localizedDescription)
        }
        let manifest: IndexManifest
        do {
            manifest = try IndexWriter.write(builder, to: staging, generation: name, progress: progress)
            try Self.syncDirectory(staging)
            try beforeSwitch?()
            try Self.rename(staging, to: root + "/" + name)
            try Self.atomicWrite(name + "\n", to: root + "/" + Self.pointerName)
            try Self.syncDirectory(root)
        } catch {
            try? fm.removeItem(atPath: staging)
            if (try? currentName()) != name { try? fm.removeItem(atPath: root + "/" + name) }
            throw error
        }
        prune(current: name)
        return manifest
    }

    /// Deletes generations older than the newest `keep`, never `current`.
    private func prune(current: String) {
        let all = generations()
        guard all.count > keep else { return }
        for name in all.dropLast(keep) where name != current {
            try? FileManager.default.removeItem(atPath: root + "/" + name)
        }
    }

    static func rename(_ from: String, to: String) throws {
        guard Glibc.rename(from, to) == 0 else {
            throw IndexError.writeFailed(path: to, reason: "rename: " + String(cString: strerror(errno)))
        }
    }

    /// Writes `text` to a temporary file, syncs it and renames it over `path`.
    static func atomicWrite(_ text: String, to path: String) throws {
        let temp = path + ".tmp"
        let sink = try FileSink(path: temp)
        try sink.append(Array(text.utf8))
        try sink.finish()
        try rename(temp, to: path)
    }

    static func syncDirectory(_ path: String) throws {
        let fd = open(path, O_RDONLY | O_DIRECTORY)
        guard fd >= 0 else { throw IndexError.writeFailed(path: path, reason: String(cString: strerror(errno))) }
        defer { close(fd) }
        _ = fsync(fd)
    }
}

/// An exclusive `flock` on the data directory's rebuild lock file.
final class RebuildLock {
    private let fd: Int32
    let path: String

    init(path: String) throws {
        self.path = path
        fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw IndexError.writeFailed(path: path, reason: String(cString: strerror(errno))) }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            close(fd)
            throw IndexError.locked(path: path)
        }
    }

    func release() {
        flock(fd, LOCK_UN)
        close(fd)
    }
}
