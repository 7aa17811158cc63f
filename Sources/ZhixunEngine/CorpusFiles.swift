import Foundation

/// Expands ingest paths: files as given, folders recursively (sorted). Folder walks skip hidden
/// entries, README files (they describe the folder) and the editor's synonym list (`synonyms.txt`).
enum CorpusFiles {
    /// Names in folders that are never knowledge.
    static func isIgnored(_ name: String) -> Bool {
        let lower = name.lowercased()
        return lower.hasPrefix("readme") || lower == "synonyms.txt"
    }

    struct Expansion {
        var files: [String] = []
        var skipped: [String] = []
        var missing: [String] = []
        /// Synonym lists (`synonyms.txt`) found in folders or given as files.
        var synonymLists: [String] = []
    }

    static func expand(_ paths: [String], extensions: Set<String>) -> Expansion {
        var result = Expansion()
        let fm = FileManager.default
        for path in paths {
            var isDirectory: ObjCBool = false
            guard fm.fileExists(atPath: path, isDirectory: &isDirectory) else {
                result.missing.append(path)
                continue
            }
            guard isDirectory.boolValue else {
                if (path as NSString).lastPathComponent.lowercased() == "synonyms.txt" {
                    result.synonymLists.append(path)
                } else {
                    result.files.append(path)
                }
                continue
            }
            let base = URL(fileURLWithPath: path)
            guard let walker = fm.enumerator(at: base, includingPropertiesForKeys: [.isRegularFileKey],
                                             options: [.skipsHiddenFiles]) else { continue }
            var found: [String] = []
            for case let url as URL in walker {
                guard (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else { continue }
                let file = path.hasSuffix("/") ? path + relative(url, to: base) : path + "/" + relative(url, to: base)
                if url.lastPathComponent.lowercased() == "synonyms.txt" {
                    result.synonymLists.append(path.hasSuffix("/") ? path + relative(url, to: base) : path + "/" + relative(url, to: base))
                    continue
                }
                if isIgnored(url.lastPathComponent) { continue }
                if extensions.contains(url.pathExtension.lowercased()) {
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
