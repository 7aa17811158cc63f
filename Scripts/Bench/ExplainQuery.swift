import Foundation
import ZhixunIndex
import ZhixunText

/// `zhixun-bench explain INDEX TEXT`: per-term statistics of one query (df, idf, upper bound) and
/// the scores of its top 10, to see how much room pruning has.
enum ExplainQuery {
    static func run(index: String, text: String) throws {
        let analyzer = try Analyzer.standard()
        let reader = try GenerationDirectory(root: index).openCurrent()
        var rows: [[String: Any]] = []
        for term in analyzer.terms(text) {
            if let info = reader.lookup(term) {
                rows.append(["term": term.description, "df": info.docFreq, "idf": info.idf, "max": info.maxScore])
            } else {
                rows.append(["term": term.description, "df": 0])
            }
        }
        let hits = Searcher(reader: reader).search(WeightedQuery(terms: analyzer.terms(text)), limit: 10)
        emit(["terms": rows, "top": hits.map(\.score)])
    }
}
