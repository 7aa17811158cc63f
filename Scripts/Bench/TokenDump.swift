import Foundation
import ZhixunIndex
import ZhixunText

/// `zhixun-bench tokenize`: our analysis written out as whitespace-separated tokens, so that every
/// engine in `Scripts/compare.sh` indexes and queries exactly the terms Zhixun does.
///
/// Each distinct term becomes a short ASCII token (its first-seen number in base 36), which every
/// peer's whitespace or simple tokenizer keeps as one token. Writes `docs.txt` (one passage per
/// line: the combined text of ``BuildBenchmark/combinedText(_:)``), `queries.txt` (one query per
/// line, each term once) and prints the time the analysis alone took.
enum TokenDump {
    static func run(corpus: String, queries: String, output: String) throws {
        let analyzer = try Analyzer.standard()
        let passages = try BuildBenchmark.loadCorpus(corpus, singleField: true)
        try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)

        // Analysis alone, timed as the peers' "analysis" share of build time.
        var scratch: [UInt32] = []
        var tokenCount = 0
        let start = now()
        for p in passages {
            analyzer.forEachTerm(in: p.fields[IndexField.body.rawValue], scratch: &scratch) { _, _ in tokenCount += 1 }
        }
        let analysisSeconds = now() - start

        var vocabulary: [UInt64: UInt32] = [:]
        var line: [UInt8] = []
        let digits = Array("0123456789abcdefghijklmnopqrstuvwxyz".utf8)
        func append(_ term: Term) {
            let next = UInt32(vocabulary.count)
            var id = vocabulary[term.rawValue, default: next]
            if id == next { vocabulary[term.rawValue] = next }
            if !line.isEmpty && line.last != UInt8(ascii: "\n") { line.append(UInt8(ascii: " ")) }
            var spelled: [UInt8] = []
            repeat {
                spelled.append(digits[Int(id % 36)])
                id /= 36
            } while id > 0
            line.append(contentsOf: spelled.reversed())
        }

        guard FileManager.default.createFile(atPath: output + "/docs.txt", contents: nil) else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: output + "/docs.txt"])
        }
        let docs = try FileHandle(forWritingTo: URL(fileURLWithPath: output + "/docs.txt"))
        for p in passages {
            analyzer.forEachTerm(in: p.fields[IndexField.body.rawValue], scratch: &scratch) { term, _ in append(term) }
            line.append(UInt8(ascii: "\n"))
            if line.count > 1 << 22 {
                try docs.write(contentsOf: line)
                line.removeAll(keepingCapacity: true)
            }
        }
        try docs.write(contentsOf: line)
        try docs.close()
        line.removeAll()

        guard let data = FileManager.default.contents(atPath: queries) else {
            throw CocoaError(.fileReadNoSuchFile, userInfo: [NSFilePathErrorKey: queries])
        }
        for row in data.split(separator: UInt8(ascii: "\n")) {
            let text = (try? JSONSerialization.jsonObject(with: Data(row)) as? [String: Any])?["query"] as? String ?? ""
            var seen: Set<Term> = []
            analyzer.forEachTerm(in: text, scratch: &scratch) { term, _ in
                if seen.insert(term).inserted { append(term) }
            }
            line.append(UInt8(ascii: "\n"))
        }
        try Data(line).write(to: URL(fileURLWithPath: output + "/queries.txt"))
        emit([
            "passages": passages.count,
            "tokens": tokenCount,
            "vocabulary": vocabulary.count,
            "analysis_seconds": analysisSeconds,
        ])
    }
}
