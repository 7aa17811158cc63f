import ZhixunIndex

/// Multiplies the scores of retrieved passages and restores best-first order: the one step the
/// answer path's rerankers (tax agreement, question intents, the matter at hand) share.
enum Rescoring {
    /// `hits` and their `results` with each score multiplied by `factor(result)`, best first
    /// (ties keep passage order, as the searcher's do).
    static func apply(_ hits: [SearchHit], _ results: [SearchResult],
                      factor: (SearchResult) -> Double) -> ([SearchHit], [SearchResult]) {
        let rescored = zip(hits, results).map { hit, r -> (SearchHit, SearchResult) in
            let f = factor(r)
            guard f != 1 else { return (hit, r) }
            var h = hit, b = r
            h.score *= f
            b.score = h.score
            return (h, b)
        }.sorted { ($0.0.score, $1.0.passage) > ($1.0.score, $0.0.passage) }
        return (rescored.map(\.0), rescored.map(\.1))
    }

    /// The text a reranker judges a passage by: its title, heading path and body.
    static func judgedText(_ r: SearchResult) -> String {
        r.title + "\n" + r.heading + "\n" + r.text
    }
}
