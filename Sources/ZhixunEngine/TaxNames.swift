import ZhixunText

/// The taxes a text names (`契税`, `个税`, `城建税` …), for telling a question about one tax from a
/// passage about another: `契税税率是多少` must not be answered by the FAQ on 个人所得税税率 just
/// because the rest of the wording matches.
///
/// Names are matched longest first on analyzed (folded, simplified) text, so `土地增值税` names
/// 土地增值税 and not 增值税, and `企業所得稅` names 企业所得税.
public struct TaxNames: Sendable {
    /// Each tax (and the one levy taxpayers ask about as a tax) with the names people use for it;
    /// the first is the legal name. The 18 taxes of the current system plus 教育费附加.
    public static let standard: [[String]] = [
        ["增值税"], ["消费税"], ["企业所得税"], ["个人所得税", "个税"], ["资源税"],
        ["城市维护建设税", "城建税"], ["房产税"], ["印花税"], ["城镇土地使用税", "土地使用税"],
        ["土地增值税", "土增税"], ["车船税", "车船使用税"], ["车辆购置税", "购置税", "车购税"], ["烟叶税"],
        ["耕地占用税", "耕占税"], ["契税"], ["环境保护税", "环保税"], ["关税"], ["船舶吨税", "吨税"],
        ["教育费附加"],
    ]

    /// Characters that, just before `关税`, make it part of another word (`相关税费`, `有关税务机关`).
    static let notBeforeCustoms = "相有机"

    /// Folded names (analyzer table entries) by first entry, longest first: (scalars, tax index).
    private let names: [UInt32: [([UInt32], Int)]]
    private let customs: Int?
    /// Folded ``notBeforeCustoms``.
    private let customsBlockers: Set<UInt32>
    private let analyzer: Analyzer

    public init(analyzer: Analyzer, taxes: [[String]] = TaxNames.standard) {
        var names: [UInt32: [([UInt32], Int)]] = [:]
        var customs: Int?
        for (i, aliases) in taxes.enumerated() {
            for alias in aliases {
                var folded: [UInt32] = []
                analyzer.fold(alias, into: &folded)
                guard let first = folded.first else { continue }
                names[first, default: []].append((folded, i))
                if alias == "关税" { customs = i }
            }
        }
        self.names = names.mapValues { $0.sorted { $0.0.count > $1.0.count } }
        self.customs = customs
        var blockers: [UInt32] = []
        analyzer.fold(Self.notBeforeCustoms, into: &blockers)
        customsBlockers = Set(blockers)
        self.analyzer = analyzer
    }

    /// Indices (into the table) of the taxes `text` names.
    public func taxes(in text: String) -> Set<Int> {
        var scalars: [UInt32] = []
        analyzer.fold(text, into: &scalars)
        var found = Set<Int>()
        var i = 0
        while i < scalars.count {
            guard let candidates = names[scalars[i]],
                  let (name, tax) = candidates.first(where: { matches($0.0, in: scalars, at: i) }) else {
                i += 1
                continue
            }
            if tax != customs || i == 0 || !customsBlockers.contains(scalars[i - 1]) {
                found.insert(tax)
            }
            i += name.count
        }
        return found
    }

    private func matches(_ name: [UInt32], in scalars: [UInt32], at i: Int) -> Bool {
        guard i + name.count <= scalars.count else { return false }
        for k in 0..<name.count where scalars[i + k] != name[k] { return false }
        return true
    }
}
