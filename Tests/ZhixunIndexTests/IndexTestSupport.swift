import Foundation
import Testing
import ZhixunText
@testable import ZhixunIndex

/// Shared helpers: temporary data directories, random corpora, and a straightforward BM25F
/// reference scorer written from the formula, independent of the index's code.
enum IndexTestSupport {
    static let analyzer = try! Analyzer.standard()

    static func temporaryDirectory() -> String {
        let path = NSTemporaryDirectory() + "zhixun-index-\(UUID().uuidString)"
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// A deterministic generator (SplitMix64), so failures reproduce from the seed.
    struct SeededRandom: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static let alphabet = Array("税发票增值申报纳人电子局个所得专用红字冲查验缴款记录").map(String.init)
    static let words = ["vat", "12366", "app", "ofd", "2024"]

    /// Random text over a small alphabet so terms repeat across passages.
    static func randomText(_ rng: inout SeededRandom, length: Int) -> String {
        var s = ""
        for _ in 0..<length {
            let r = Int.random(in: 0..<100, using: &rng)
            if r < 5 { s += " " } else if r < 8 { s += words.randomElement(using: &rng)! + " " }
            else { s += alphabet.randomElement(using: &rng)! }
        }
        return s
    }

    static func randomPassages(_ rng: inout SeededRandom, count: Int) -> [PassageInput] {
        (0..<count).map { i in
            PassageInput(
                title: randomText(&rng, length: Int.random(in: 0...12, using: &rng)),
                alias: Int.random(in: 0..<3, using: &rng) == 0 ? randomText(&rng, length: 10) : "",
                body: randomText(&rng, length: Int.random(in: 1...300, using: &rng)),
                tags: randomText(&rng, length: Int.random(in: 0...4, using: &rng)),
                attributes: PassageAttributes(
                    kind: i % 3 == 0 ? "policy" : "faq",
                    category: ["发票", "申报", "个税"][i % 3],
                    region: i % 5 == 0 ? "北京" : "全国",
                    status: i % 7 == 0 ? "superseded" : "current"),
                stored: Array("p\(i)".utf8))
        }
    }

    /// Builds and commits a generation; returns the reader.
    static func build(_ passages: [PassageInput], in root: String,
                      parameters: ScoringParameters = .default) throws -> IndexReader {
        let builder = try IndexBuilder(analyzer: analyzer, parameters: parameters)
        for p in passages { try builder.add(p) }
        try GenerationDirectory(root: root).commit(builder)
        return try GenerationDirectory(root: root).openCurrent()
    }

    /// The single characters of CJK runs of two or more, written independently of the index code.
    static func runUnigrams(_ text: String) -> [Term] {
        var out: [Term] = []
        var run: [Unicode.Scalar] = []
        for scalar in analyzer.normalize(text).unicodeScalars + [" "] {
            if ScalarClass.of(scalar) == .cjk { run.append(scalar); continue }
            if run.count >= 2 { out += run.map { Term.unigram($0.value) } }
            run = []
        }
        return out
    }

    /// BM25F straight from the formula over the raw passages. Title and alias also hold the
    /// characters of their CJK runs (for tf only; field lengths count the analyzer's tokens).
    static func referenceScores(_ passages: [PassageInput], query: [Term: Double],
                                parameters: ScoringParameters) -> [Double] {
        let fields = IndexField.count
        let lengths: [[Int]] = passages.map { p in (0..<fields).map { analyzer.terms(p.fields[$0]).count } }
        let tokenized: [[[Term]]] = passages.map { p in
            (0..<fields).map { f in
                analyzer.terms(p.fields[f]) + (IndexField.unigramFields.contains(f) ? runUnigrams(p.fields[f]) : [])
            }
        }
        var avg = [Double](repeating: 0, count: fields)
        for f in 0..<fields {
            let nonEmpty = lengths.filter { $0[f] > 0 }
            avg[f] = nonEmpty.isEmpty ? 0 : Double(nonEmpty.map { $0[f] }.reduce(0, +)) / Double(nonEmpty.count)
        }
        let n = Double(passages.count)
        return tokenized.enumerated().map { d, doc in
            var score = 0.0
            for (term, weight) in query {
                let df = Double(tokenized.filter { t in t.contains { $0.contains(term) } }.count)
                guard df > 0 else { continue }
                let idf = log(1 + (n - df + 0.5) / (df + 0.5))
                var t = 0.0
                for f in 0..<fields {
                    let tf = Double(doc[f].filter { $0 == term }.count)
                    let len = Double(lengths[d][f])
                    let a = avg[f] > 0 ? avg[f] : 1
                    t += parameters.weights[f] * tf / (1 - parameters.b[f] + parameters.b[f] * len / a)
                }
                if t > 0 { score += weight * idf * t / (parameters.k1 + t) }
            }
            return score
        }
    }
}
