/// Which passages a search may return, tested per candidate during retrieval (not after), so the
/// top-k is the top-k of the passages that pass.
public struct PassageFilter: Sendable {
    /// Per attribute slot: allowed value ids, or `nil` for any value.
    let masks: [[Bool]?]

    /// Accepts every passage.
    public static let all = PassageFilter(masks: [])

    init(masks: [[Bool]?]) {
        self.masks = masks.allSatisfy({ $0 == nil }) ? [] : masks
    }

    /// Whether the filter accepts everything (the fast path).
    public var isEmpty: Bool { masks.isEmpty }

    @inline(__always)
    func accepts(_ passage: Int, in reader: IndexReader) -> Bool {
        if masks.isEmpty { return true }
        for (slot, mask) in masks.enumerated() {
            guard let mask else { continue }
            let id = Int(reader.attributeID(passage: passage, slot: slot))
            if id >= mask.count || !mask[id] { return false }
        }
        return true
    }
}
