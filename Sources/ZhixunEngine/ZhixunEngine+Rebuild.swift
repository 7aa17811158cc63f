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
        // Passages go to the builder in batches, which it analyzes on all cores.
        var pending: [PassageInput] = []
        func flush() throws {
            try builder.add(contentsOf: pending)
            pending.removeAll(keepingCapacity: true)
            progress?(RebuildProgress(passages: builder.passageCount, inputBytes: builder.inputBytes,
                                      seconds: Date().timeIntervalSince(start), phase: "analyzing"))
        }
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
                    status: status.rawValue, category: doc.category, region: doc.region, number: doc.number,
                    links: passage.links, similar: doc.similar.isEmpty ? nil : doc.similar,
                    tags: doc.tags.isEmpty ? nil : doc.tags)
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
                pending.append(input)
                if pending.count == 8192 { try flush() }
            }
        }
        try flush()
        let manifest = try generations.commit(builder) { write in
            progress?(RebuildProgress(passages: builder.passageCount, inputBytes: builder.inputBytes,
                                      seconds: Date().timeIntervalSince(start), phase: "writing"))
        }
        progress?(RebuildProgress(passages: builder.passageCount, inputBytes: builder.inputBytes,
                                  seconds: Date().timeIntervalSince(start), phase: "done"))
        try reload()
        return manifest
    }

    /// Ids of documents a later one replaces: named by an explicit `supersedes`, or a policy with
    /// the same title and an earlier publish (version) date than another current one, or a tax
    /// regulation older than the law on the same tax (``regulationTax(_:)``).
    static func supersededIDs(_ documents: [KnowledgeDocument]) -> Set<String> {
        var superseded = Set(documents.filter { $0.status == .current && !$0.supersedes.isEmpty }.map(\.supersedes))
        let policies = documents.filter { $0.kind == .policy && $0.status != .withdrawn && !$0.published.isEmpty }
        for group in Dictionary(grouping: policies, by: { normalizedTitle($0.title) }).values where group.count > 1 {
            guard let latest = group.max(by: { ($0.published, $0.id) < ($1.published, $1.id) }) else { continue }
            for doc in group where doc.id != latest.id && doc.published < latest.published {
                superseded.insert(doc.id)
            }
        }
        let laws = policies.compactMap { doc in lawTax(normalizedTitle(doc.title)).map { (tax: $0, doc: doc) } }
        for doc in policies {
            guard let tax = regulationTax(normalizedTitle(doc.title)) else { continue }
            if laws.contains(where: { tax.hasSuffix($0.tax) && $0.doc.published > doc.published }) {
                superseded.insert(doc.id)
            }
        }
        return superseded
    }

    /// The tax a law is on (`关税法` → `关税`); nil for other titles and for implementing rules.
    static func lawTax(_ title: String) -> String? {
        guard title.hasSuffix("税法") else { return nil }
        return String(title.dropLast())
    }

    /// The tax a State Council regulation (`…条例`, not an implementing `实施条例`) is on
    /// (`进出口关税条例` → `进出口关税`). When the National People's Congress enacts the law on that
    /// tax (`关税法`), the regulation is repealed, as the 进出口关税条例 was on 2024-12-01.
    static func regulationTax(_ title: String) -> String? {
        guard title.hasSuffix("税条例"), !title.hasSuffix("实施条例") else { return nil }
        return String(title.dropLast(2))
    }

    /// A title without spaces, edition notes in brackets, and the 中华人民共和国 prefix. A provisional
    /// regulation (`…暂行条例`) shares its family with the law that replaces it (`…法`): when the
    /// National People's Congress enacts a tax law, its 暂行条例 is repealed.
    static func normalizedTitle(_ title: String) -> String {
        var t = title.filter { !$0.isWhitespace }
        for (open, close) in [("（", "）"), ("(", ")")] {
            while let o = t.range(of: open), let c = t.range(of: close, range: o.upperBound..<t.endIndex) {
                t.removeSubrange(o.lowerBound..<c.upperBound)
            }
        }
        if t.hasPrefix("中华人民共和国") { t.removeFirst("中华人民共和国".count) }
        if t.hasSuffix("暂行条例") { t = String(t.dropLast("暂行条例".count)) + "法" }
        return t
    }

    /// Opens the current generation if it changed since it was last opened.
    public func reload(force: Bool = false) throws {
        guard let name = try generations.currentName() else { return }
        guard force || name != current.name else { return }
        let reader = try IndexReader(directory: dataDirectory + "/" + name)
        let catalog = FAQCatalog(reader: reader)
        let synonyms = SynonymExpander(groups: SynonymExpander.parse((try? store.synonymList()) ?? ""),
                                       analyzer: analyzer, weight: synonymWeight)
        let next = CurrentGeneration.Snapshot(name: name, reader: reader, faqs: catalog,
                                              suggestions: SuggestIndex(catalog: catalog, analyzer: analyzer),
                                              synonyms: synonyms)
        if let previous = current.snapshot { warm(next, from: previous) }
        current.replace(next)
    }

    /// Answers, on a snapshot about to be served, the questions its predecessor has been answering
    /// (and computes their related items), so switching generations under load does not send every
    /// request to a cold cache at once.
    func warm(_ next: CurrentGeneration.Snapshot, from previous: CurrentGeneration.Snapshot, limit: Int = 2000) {
        for key in previous.answers.keys(limit: limit) {
            let answer = try? next.answers.answer(for: key) {
                try answerWithFeatures(key.text, options: key.options, context: key.context, snapshot: next).answer
            }
            guard let id = answer?.answer?.id else { continue }
            _ = try? relatedCache.value(for: Self.relatedKey(generation: next.name, id: id, limit: Self.answerRelatedLimit)) {
                [self] in try computeRelated(to: id, limit: Self.answerRelatedLimit, snapshot: next)
            }
        }
    }

    /// The name of the generation being served, if any.
    public var currentGenerationName: String? { current.name }

    /// The current reader, opening it on first use.
    func reader() throws -> IndexReader {
        try snapshot().reader
    }

    /// The current generation and its derived data, opening it on first use.
    func snapshot() throws -> CurrentGeneration.Snapshot {
        if let snapshot = current.snapshot { return snapshot }
        try reload()
        guard let snapshot = current.snapshot else { throw EngineError.noIndex(directory: dataDirectory) }
        return snapshot
    }
}
