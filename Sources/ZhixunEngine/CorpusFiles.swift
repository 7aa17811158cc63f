import Foundation

/// Expands ingest paths: files as given, folders recursively (sorted, hidden entries skipped).
enum CorpusFiles {
    /// File extensions a parser reads.
    static let supportedExtensions: Set<String> = ["jsonl", "json"]

    struct Expansion {
        var files: [String] = []
        var skipped: [String] = []
        var missing: [String] = []
    }

    static func expand(_ paths: [String]) -> Expansion {
        var result = Expansion()
        let fm = FileManager.default
        for path in paths {
            var isDirectory: ObjCBool = false
            guard fm.fileExists(atPath: path, isDirectory: &isDirectory) else {
                result.missing.append(path)
                continue
            }
            guard isDirectory.boolValue else {
                result.files.append(path)
                continue
            }
            let base = URL(fileURLWithPath: path)
            guard let walker = fm.enumerator(at: base, includingPropertiesForKeys: [.isRegularFileKey],
                                             options: [.skipsHiddenFiles]) else { continue }
            var found: [String] = []
            for case let url as URL in walker {
                guard (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else { continue }
                let file = path.hasSuffix("/") ? path + relative(url, to: base) : path + "/" + relative(url, to: base)
                if supportedExtensions.contains(url.pathExtension.lowercased()) {
                    found.append(file)
                } else {
                    result.skipped.append(file)
                }
            }
            result.files.append(contentsOf: found.sorted())
        }
        return result
    }

    private static func relative(_ url: URL, to base: URL) -> String {
        let full = url.standardizedFileURL.path
        let root = base.standardizedFileURL.path
        return full.hasPrefix(root + "/") ? String(full.dropFirst(root.count + 1)) : url.lastPathComponent
    }
}
