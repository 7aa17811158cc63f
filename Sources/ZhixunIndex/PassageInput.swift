/// What the index builder takes for one passage: the text of each ``IndexField``, the attributes
/// that filters test during retrieval, and an opaque stored payload handed back with each hit.
public struct PassageInput: Sendable {
    /// Field texts, indexed by ``IndexField`` raw value; missing fields are empty.
    public var fields: [String]
    /// Values filters can test (kind, category, region, status).
    public var attributes: PassageAttributes
    /// Bytes stored verbatim and returned with hits (the engine stores JSON here).
    public var stored: [UInt8]

    public init(fields: [String], attributes: PassageAttributes, stored: [UInt8]) {
        self.fields = fields
        self.attributes = attributes
        self.stored = stored
    }

    /// Convenience for named fields.
    public init(title: String = "", alias: String = "", body: String = "", tags: String = "",
                attributes: PassageAttributes, stored: [UInt8] = []) {
        self.init(fields: [title, alias, body, tags], attributes: attributes, stored: stored)
    }
}

/// A passage's filterable attributes. Each is interned per generation into a small string table.
public struct PassageAttributes: Codable, Equatable, Hashable, Sendable {
    /// `faq` or `policy`.
    public var kind: String
    /// Editor category (`数电发票`, `个人所得税`, …), empty when none.
    public var category: String
    /// Region (`全国`, `北京`, …).
    public var region: String
    /// `current`, `superseded`, `repealed`, `partly-repealed`.
    public var status: String

    public init(kind: String, category: String = "", region: String = "全国", status: String = "current") {
        self.kind = kind
        self.category = category
        self.region = region
        self.status = status
    }

    /// The attribute slots, in storage order.
    public enum Slot: Int, CaseIterable, Sendable {
        case kind = 0, category, region, status
    }

    /// The value in a slot.
    public subscript(slot: Slot) -> String {
        switch slot {
        case .kind: kind
        case .category: category
        case .region: region
        case .status: status
        }
    }
}
