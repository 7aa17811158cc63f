import Testing
import ZhixunIngest
@testable import ZhixunEngine

@Suite struct RichTextTests {
    @Test func escapesTextAndLinksOnlySafeURLs() {
        let html = RichText.html("第一行 <script>alert(1)</script>\n请前往开票页面办理。",
                                 links: [ActionLink(title: "前往开票页面", url: "https://example.invalid/issue?a=1&b=2"),
                                         ActionLink(title: "第一行", url: "javascript:alert(1)")])
        #expect(html == "<p>第一行 &lt;script&gt;alert(1)&lt;/script&gt;</p><p>请<a href=\"https://example.invalid/issue?a=1&amp;b=2\">前往开票页面</a>办理。</p>")
        #expect(!html.contains("javascript"))
    }
}
