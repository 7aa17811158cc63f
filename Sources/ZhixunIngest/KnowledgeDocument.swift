/// The two kinds of knowledge the engine serves.
public enum DocumentKind: String, Codable, Sendable, CaseIterable {
    /// A question with similar phrasings and an answer.
    case faq
    /// A policy document, split into passages at its articles.
    case policy
}

/// Whether a policy document (or an FAQ entry) may be served as a current answer.
public enum DocumentStatus: String, Codable, Sendable, CaseIterable {
    case current
    case partlyRepealed = "partly-repealed"
    case superseded
    case repealed
    case withdrawn
}

/// A link a passage offers the user (an FAQ answer that says "go to the invoice page").
public struct ActionLink: Codable, Equatable, Hashable, Sendable {
    /// The link text shown to the user.
    public var title: String
    /// Where the link goes.
    public var url: String

    public init(title: String, url: String) {
        self.title = title
        self.url = url
    }
}

/// A document as ingested: an FAQ entry or a policy document, with its metadata.
///
/// This is the bulk JSONL form of DESIGN.md; fields that do not apply to a kind stay empty.
public struct KnowledgeDocument: Codable, Equatable, Sendable {
    /// Stable id chosen by editors (`faq-einv-001`, `policy-invoice-measures-2023`).
    public var id: String
    /// FAQ entry or policy document: decides how it is split into passages and indexed.
    public var kind: DocumentKind
    /// FAQ: the question. Policy: the document title.
    public var title: String
    /// FAQ: similar phrasings of the question.
    public var similar: [String]
    /// FAQ: the answer. Policy: the full body text.
    public var body: String
    /// Business category, for filters, related items and statistics (empty when none).
    public var category: String
    /// Editor keywords, indexed with the category and used to relate FAQ entries.
    public var tags: [String]
    /// Region the document applies to; `全国` (nationwide, the default) matches every region filter.
    public var region: String
    /// Policy document number (文号), e.g. `国家税务总局公告2023年第1号`.
    public var number: String
    /// Issuing authority of a policy document.
    public var issuer: String
    /// Publish (or version) date, `YYYY-MM-DD`.
    public var published: String
    /// Effective date, `YYYY-MM-DD` (empty when unknown).
    public var effective: String
    /// Legal status; only `current` and `partly-repealed` documents are searched by default.
    public var status: DocumentStatus
    /// Id of a document this one replaces.
    public var supersedes: String
    /// Action links found in the document (HTML anchors, `links` in JSONL).
    public var links: [ActionLink]

    public init(id: String, kind: DocumentKind, title: String, similar: [String] = [], body: String,
                category: String = "", tags: [String] = [], region: String = "全国", number: String = "",
                issuer: String = "", published: String = "", effective: String = "",
                status: DocumentStatus = .current, supersedes: String = "", links: [ActionLink] = []) {
        self.id = id
        self.kind = kind
        self.title = title
        self.similar = similar
        self.body = body
        self.category = category
        self.tags = tags
        self.region = region
        self.number = number
        self.issuer = issuer
        self.published = published
        self.effective = effective
        self.status = status
        self.supersedes = supersedes
        self.links = links
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        kind = try c.decode(DocumentKind.self, forKey: .kind)
        title = try c.decode(String.self, forKey: .title)
        similar = try c.decodeIfPresent([String].self, forKey: .similar) ?? []
        body = try c.decode(String.self, forKey: .body)
        category = try c.decodeIfPresent(String.self, forKey: .category) ?? ""
        tags = try c.decodeIfPresent([String].self, forKey: .tags) ?? []
        region = try c.decodeIfPresent(String.self, forKey: .region) ?? "全国"
        number = try c.decodeIfPresent(String.self, forKey: .number) ?? ""
        issuer = try c.decodeIfPresent(String.self, forKey: .issuer) ?? ""
        published = try c.decodeIfPresent(String.self, forKey: .published) ?? ""
        effective = try c.decodeIfPresent(String.self, forKey: .effective) ?? ""
        status = try c.decodeIfPresent(DocumentStatus.self, forKey: .status) ?? .current
        supersedes = try c.decodeIfPresent(String.self, forKey: .supersedes) ?? ""
        links = try c.decodeIfPresent([ActionLink].self, forKey: .links) ?? []
    }
}

/// One retrievable unit: an FAQ entry, or one article (or section) of a policy document.
public struct Passage: Codable, Equatable, Sendable {
    /// `<document id>#<ordinal>` (ordinal from 1).
    public var id: String
    /// The document's id.
    public var document: String
    /// Position within the document, from 1.
    public var ordinal: Int
    /// Heading path, outermost first, ending with the article (`第四章 …`, `第三十四条`).
    public var heading: [String]
    /// The passage text.
    public var text: String
    /// Action links whose text appears in this passage.
    public var links: [ActionLink]

    public init(document: String, ordinal: Int, heading: [String], text: String, links: [ActionLink] = []) {
        self.id = "\(document)#\(ordinal)"
        self.document = document
        self.ordinal = ordinal
        self.heading = heading
        self.text = text
        self.links = links
    }

    /// The heading path as displayed: `第四章 发票的开具和使用 › 第三十四条`.
    public var headingPath: String { heading.joined(separator: " › ") }
}
