import Foundation
import Testing
@testable import ZhixunIngest

@Suite struct HTMLParserTests {
    typealias S = IngestTestSupport

    static let page = """
    <!DOCTYPE html><html><head><meta charset="utf-8"><title>页面标题 - 某某税务局</title>
    <meta name="zhixun:id" content="policy-html-1"><meta name="zhixun:number" content="智询说明〔2024〕5号">
    <meta name="zhixun:tags" content="发票,开具">
    <style>.x{color:red}</style><script>var secret = "脚本内容";</script></head>
    <body><header>网站横幅</header><nav><a href="/">首页</a> 导航菜单</nav>
    <!-- 注释内容 -->
    <main><h1>数电发票开具指引</h1><p>2024年3月1日发布</p>
    <h2>第一章 总则</h2><p>第一条 纳税人可以登录电子税务局开具发票。<a href="https://example.invalid/issue">前往开票页面</a></p>
    <p>第二条 开具发票应当如实填写。</p><ul><li>（一）购买方信息；</li><li>（二）商品名称。</li></ul>
    <table><tr><th>纳税人类型</th><th>征收率</th></tr><tr><td>小规模纳税人</td><td>3%</td></tr></table>
    </main><aside>相关链接</aside><footer>版权所有</footer></body></html>
    """

    @Test func keepsStructureAndDropsChrome() throws {
        let doc = try #require(try S.parse(Self.page, as: "html").records.first?.get())
        #expect(doc.id == "policy-html-1")
        #expect(doc.title == "数电发票开具指引")
        #expect(doc.number == "智询说明〔2024〕5号")
        #expect(doc.published == "2024-03-01")
        #expect(doc.tags == ["发票", "开具"])
        for chrome in ["脚本内容", "color", "网站横幅", "导航菜单", "注释内容", "相关链接", "版权所有"] {
            #expect(!doc.body.contains(chrome), "\(chrome) should be dropped")
        }
        #expect(doc.body.contains("## 第一章 总则"))
        #expect(doc.body.contains("纳税人类型 | 征收率"))
        #expect(doc.body.contains("小规模纳税人 | 3%"))
        #expect(doc.links == [ActionLink(title: "前往开票页面", url: "https://example.invalid/issue")])
        let passages = PassageChunker().passages(of: doc)
        let first = try #require(passages.first { $0.heading.last == "第一条" })
        #expect(first.headingPath == "第一章 总则 › 第一条")
        #expect(first.links.map(\.url) == ["https://example.invalid/issue"])
        let second = try #require(passages.first { $0.heading.last == "第二条" })
        #expect(second.text.contains("（二）商品名称"))
        #expect(second.links.isEmpty)
    }

    @Test func gbkFileAndItsUTF8TwinGiveIdenticalText() throws {
        let gbkPath = S.fixtures + "/gbk-twin-gbk.html"
        try #require(FileManager.default.fileExists(atPath: gbkPath), "fixture missing")
        let gbk = try #require(try S.documents(gbkPath).first)
        let utf8 = try #require(try S.documents(S.fixtures + "/gbk-twin-utf8.html").first)
        #expect(gbk.title == utf8.title)
        #expect(gbk.body == utf8.body)
        #expect(!gbk.body.isEmpty)
        let raw = try Data(contentsOf: URL(fileURLWithPath: gbkPath))
        #expect(String(data: raw, encoding: .utf8) == nil, "the GBK fixture must not be valid UTF-8")
    }

    @Test func undeclaredGBKIsDetected() throws {
        let gbkPath = S.fixtures + "/gbk-twin-gbk.html"
        try #require(FileManager.default.fileExists(atPath: gbkPath), "fixture missing")
        // The GBK fixture with its charset declaration blanked out.
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: gbkPath)))
        let marker = Array("charset=".utf8)
        var i = 0
        while i + marker.count <= bytes.count {
            if Array(bytes[i..<(i + marker.count)]) == marker {
                var j = i
                while j < bytes.count, bytes[j] != UInt8(ascii: ">"), bytes[j] != UInt8(ascii: "\"") || j == i + marker.count {
                    bytes[j] = UInt8(ascii: " ")
                    j += 1
                }
            }
            i += 1
        }
        let declared = try #require(try S.documents(gbkPath).first)
        let detected = try #require(try HTMLDocumentParser().parse(Data(bytes), file: "x.html").records.first?.get())
        #expect(detected.body == declared.body)
    }

    @Test func malformedHTMLIsRecovered() throws {
        let doc = try #require(try S.documents(S.fixtures + "/bad/malformed.html").first)
        #expect(doc.body.contains("发票丢失的，应当及时报告。"))
    }

    @Test func binaryAndEmptyFilesAreClearErrors() throws {
        for name in ["binary.html", "empty.html"] {
            do {
                _ = try S.parse(S.fixtures + "/bad/" + name)
                Issue.record("\(name) should fail")
            } catch let error as IngestError {
                #expect(error.file.hasSuffix(name))
            }
        }
    }
}
