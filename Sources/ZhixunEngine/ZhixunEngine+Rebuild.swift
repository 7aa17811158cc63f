import Foundation
import ZhixunIndex
import ZhixunIngest
import ZhixunStore

/// Progress of a rebuild, for terminals.
public struct RebuildProgress: Sendable {
    public var passages: Int
    public var inputBytes: Int
    public var seconds: Double
    /// `analyzing` or `writing`.
    public var phase: String
}

extension ZhixunEngine {
    /// Builds a new generation from the store's current documents and makes it current.
    @discardableResult
    public func rebuild(progress: ((RebuildProgress) -> Void)? = nil) throws -> IndexManifest {
        let start = Date()
        let documents = try store.currentDocuments()
        let superseded = Self.supersededIDs(documents.map(\.document))
        let builder = try IndexBuilder(analyzer: analyzer, parameters: parameters)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        for stored in documents {
            let doc = stored.document
            let status = superseded.contains(doc.id) && doc.status == .current ? DocumentStatus.superseded : doc.status
            guard status != .withdrawn else { continue }
            let tags = ([doc.category] + doc.tags).filter { !$0.isEmpty }.joined(separator: " ")
            let attributes = PassageAttributes(kind: doc.kind.rawValue, category: doc.category,
                                               region: doc.region, status: status.rawValue)
            for passage in stored.passages {
                let payload = StoredPassage(
                    id: passage.id, doc: doc.id, kind: doc.kind.rawValue, title: doc.title,
                    heading: passage.headingPath, text: passage.text, version: doc.published,
                    status: status.rawValue, category: doc.category, region: doc.region, number: doc.number)
                let input: PassageInput
                switch doc.kind {
                case .faq:
                    input = PassageInput(title: doc.title, alias: doc.similar.joined(separator: "\n"),
                                         body: passage.text, tags: tags, attributes: attributes,
                                         stored: Array(try encoder.encode(payload)))
                case .policy:
                    input = PassageInput(title: doc.title, alias: passage.headingPath, body: passage.text,
                                         tags: tags, attributes: attributes, stored: Array(try encoder.encode(payload)))
                }
                try builder.add(input)
                if builder.passageCount % 2000 == 0 {
                    progress?(RebuildProgress(passages: builder.passageCount, inputBytes: builder.inputBytes,
                                              seconds: Date().timeIntervalSince(start), phase: "analyzing"))
                }
            }
        }
        let manifest = try generations.commit(builder) { write in
            progress?(RebuildProgress(passages: builder.passageCount, inputBytes: builder.inputBytes,
                                      seconds: Date().timeIntervalSince(start), phase: "writing"))
        }
        progress?(RebuildProgress(passages: builder.passageCount, inputBytes: builder.inputBytes,
                                  seconds: Date().timeIntervalSince(start), phase: "done"))
        try reload()
        return manifest
    }

    /// Ids of documents another current document explicitly supersedes.
    static func supersededIDs(_ documents: [KnowledgeDocument]) -> Set<String> {
        Set(documents.filter { $0.status == .current && !$0.supersedes.isEmpty }.map(\.supersedes))
    }

    /// Opens the current generation if it changed since it was last opened.
    public func reload() throws {
        guard let name = try generations.currentName() else { return }
        guard name != current.name else { return }
        let reader = try IndexReader(directory: dataDirectory + "/" + name)
        current.replace(name: name, reader: reader)
    }

    /// The current reader, opening it on first use.
    func reader() throws -> IndexReader {
        if let reader = current.reader { return reader }
        try reload()
        guard let reader = current.reader else { throw EngineError.noIndex(directory: dataDirectory) }
        return reader
    }
}
