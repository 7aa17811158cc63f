/// BM25F scoring over precomputed per-passage field norms.
///
/// The builder (block maximum scores) and the searcher (actual scores) both go through this type,
/// so a block's stored maximum is an upper bound of every score computed at query time.
public struct BM25FScorer: Sendable {
    /// Saturation parameter.
    public let k1: Double
    /// `weight_f / (1 − b_f + b_f · len_f / avglen_f)`, field-major (`field * passages + passage`):
    /// most postings touch one field, whose norms then stay in cache.
    public let norms: [Double]
    /// Passages covered.
    public let passageCount: Int

    /// Precomputes the norms of every passage from its field lengths.
    public init(parameters: ScoringParameters, fieldLengths: UnsafeBufferPointer<UInt32>, averages: [Double]) {
        k1 = parameters.k1
        let fields = IndexField.count
        let passages = fieldLengths.count / fields
        var norms = [Double](repeating: 0, count: passages * fields)
        var inverseAvg = [Double](repeating: 1, count: fields)
        for f in 0..<fields where averages[f] > 0 { inverseAvg[f] = 1 / averages[f] }
        for p in 0..<passages {
            for f in 0..<fields {
                norms[f * passages + p] = Self.norm(length: fieldLengths[p * fields + f], weight: parameters.weights[f],
                                                    b: parameters.b[f], inverseAverage: inverseAvg[f])
            }
        }
        self.norms = norms
        passageCount = passages
    }

    /// One passage's norm in one field; the writer (block bounds) and the reader (scores) both use
    /// it, so a score never exceeds the bound stored for it.
    @inlinable @inline(__always)
    public static func norm(length: UInt32, weight: Double, b: Double, inverseAverage: Double) -> Double {
        weight / (1 - b + b * Double(length) * inverseAverage)
    }

    /// Average field lengths over passages where the field is non-empty.
    public static func averages(fieldLengths: UnsafeBufferPointer<UInt32>) -> [Double] {
        let fields = IndexField.count
        var sums = [Double](repeating: 0, count: fields)
        var counts = [Double](repeating: 0, count: fields)
        for (i, len) in fieldLengths.enumerated() where len > 0 {
            sums[i % fields] += Double(len)
            counts[i % fields] += 1
        }
        return (0..<fields).map { counts[$0] > 0 ? sums[$0] / counts[$0] : 0 }
    }

    /// The combined pseudo term frequency of a passage from its per-field frequencies.
    @inlinable @inline(__always)
    public func pseudoFrequency(passage: Int, frequencies: UnsafePointer<UInt32>) -> Double {
        norms.withUnsafeBufferPointer { n in
            var t = 0.0
            for f in 0..<IndexField.count where frequencies[f] > 0 {
                t += Double(frequencies[f]) * n[f &* passageCount &+ passage]
            }
            return t
        }
    }

    /// The saturated term score.
    @inlinable @inline(__always)
    public func score(idf: Double, pseudoFrequency t: Double) -> Double {
        idf * t / (k1 + t)
    }
}
