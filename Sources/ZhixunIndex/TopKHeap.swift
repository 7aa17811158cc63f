/// A bounded min-heap of the best `k` (score, passage) pairs: higher score first, and on equal
/// scores the lower passage number first, so results are deterministic.
struct TopKHeap {
    let capacity: Int
    private(set) var scores: [Double] = []
    private(set) var docs: [UInt32] = []

    init(capacity: Int) {
        self.capacity = capacity
        scores.reserveCapacity(capacity)
        docs.reserveCapacity(capacity)
    }

    var isFull: Bool { scores.count >= capacity }

    /// The score a new passage must beat once the heap is full.
    var threshold: Double { isFull ? scores[0] : -Double.infinity }

    /// Whether (a) ranks below (b).
    @inline(__always) private static func worse(_ sa: Double, _ da: UInt32, _ sb: Double, _ db: UInt32) -> Bool {
        sa < sb || (sa == sb && da > db)
    }

    /// Offers a passage; kept if the heap has room or it beats the current worst.
    @inline(__always) mutating func offer(_ doc: UInt32, score: Double) {
        if scores.count < capacity {
            scores.append(score)
            docs.append(doc)
            siftUp(scores.count - 1)
        } else if capacity > 0 && Self.worse(scores[0], docs[0], score, doc) {
            scores[0] = score
            docs[0] = doc
            siftDown(0)
        }
    }

    private mutating func siftUp(_ i: Int) {
        var i = i
        while i > 0 {
            let parent = (i - 1) / 2
            guard Self.worse(scores[i], docs[i], scores[parent], docs[parent]) else { break }
            scores.swapAt(i, parent)
            docs.swapAt(i, parent)
            i = parent
        }
    }

    private mutating func siftDown(_ i: Int) {
        var i = i
        let n = scores.count
        while true {
            let l = 2 * i + 1, r = l + 1
            var m = i
            if l < n && Self.worse(scores[l], docs[l], scores[m], docs[m]) { m = l }
            if r < n && Self.worse(scores[r], docs[r], scores[m], docs[m]) { m = r }
            if m == i { return }
            scores.swapAt(i, m)
            docs.swapAt(i, m)
            i = m
        }
    }

    /// The hits, best first.
    func sorted() -> [SearchHit] {
        zip(docs, scores).map { SearchHit(passage: Int($0), score: $1) }
            .sorted { $0.score > $1.score || ($0.score == $1.score && $0.passage < $1.passage) }
    }
}
