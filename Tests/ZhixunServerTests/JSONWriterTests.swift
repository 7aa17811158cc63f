import Foundation
import Testing
@testable import ZhixunEngine
import ZhixunIngest
@testable import ZhixunServer

@Suite struct JSONWriterTests {
    @Test func writesWhatJSONEncoderWrites() throws {
        let result = SearchResult(id: "p#1", doc: "p", score: 1.25, kind: "policy", title: "标题 \"引号\"", heading: "第一章 › 第一条",
                                  text: "第一行\n第二行\t\\ \u{1}", version: "2024-01-01", status: "current", category: "发票",
                                  region: "全国", number: nil, links: [ActionLink(title: "前往", url: "https://example.invalid/a?b=1")],
                                  rich: nil)
        var w = JSONWriter()
        w.object { w in
            w.key("answer"); w.write(result)
            w.key("list"); w.array([1.5, 2.0]) { w, d in w.number(d) }
            w.key("empty"); w.array([Int]()) { _, _ in }
            w.key("flag"); w.bool(true)
        }
        let written = try #require(try JSONSerialization.jsonObject(with: Data(w.bytes)) as? [String: Any])
        let encoded = try JSONSerialization.jsonObject(with: JSONEncoder().encode(result)) as? NSDictionary
        #expect((written["answer"] as? NSDictionary) == encoded)
        #expect(written["list"] as? [Double] == [1.5, 2.0])
        #expect((written["empty"] as? [Any])?.isEmpty == true)
        #expect(written["flag"] as? Bool == true)
    }
}
