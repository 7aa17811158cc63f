import Foundation
import Testing
@testable import ZhixunServer

@Suite(.serialized) struct EditorAPITests {
    @Test func editorEndpointsNeedAValidToken() async throws {
        let server = try await LiveServer(corpus: ["Corpus/faq/vat.jsonl"])
        defer { server.stop() }
        for (method, path) in [("POST", "/v1/rebuild"), ("GET", "/v1/unanswered"), ("GET", "/v1/stats"),
                               ("POST", "/v1/documents"), ("DELETE", "/v1/documents/faq-vat-001"), ("PUT", "/v1/hot/faq-vat-001")] {
            let none = try await server.request(method, path)
            #expect(none.status == 401, "\(method) \(path)")
            #expect(none.errorCode == "unauthorized")
            #expect(try await server.request(method, path, token: "wrong").status == 401)
        }
        #expect(try await server.request("GET", "/v1/stats", token: LiveServer.token).status == 200)
    }

    @Test func ingestRebuildMakesANewAnswerVisibleWithoutRestart() async throws {
        let server = try await LiveServer(corpus: ["Corpus/faq/vat.jsonl"])
        defer { server.stop() }
        let before = try await server.get("/v1/answer", ["q": "社保费怎么缴纳"])
        #expect((before.json["answer"] as? [String: Any])?["doc"] as? String != "faq-new-001")
        let jsonl = #"{"id":"faq-new-001","kind":"faq","question":"社保费怎么缴纳？","answer":"可以通过电子税务局社保费缴纳模块缴纳。","category":"税款缴纳","tags":["社保费"]}"#
        let ingest = try await server.request("POST", "/v1/documents", body: Data(jsonl.utf8), token: LiveServer.token)
        #expect(ingest.status == 201)
        let rebuild = try await server.request("POST", "/v1/rebuild", token: LiveServer.token)
        #expect(rebuild.status == 200)
        let after = try await server.get("/v1/answer", ["q": "社保费怎么缴纳"])
        #expect((after.json["answer"] as? [String: Any])?["doc"] as? String == "faq-new-001")
        // Withdraw: gone from answers right away.
        #expect(try await server.request("DELETE", "/v1/documents/faq-new-001", token: LiveServer.token).status == 200)
        let gone = try await server.get("/v1/answer", ["q": "社保费怎么缴纳"])
        #expect((gone.json["answer"] as? [String: Any])?["doc"] as? String != "faq-new-001")
        // Uploading an HTML file by name.
        let html = "<html><body><h1>社保费缴费说明</h1><p>第一条 社保费按月缴纳。</p></body></html>"
        let upload = try await server.request("POST", "/v1/documents", query: ["filename": "notice.html", "rebuild": "true"],
                                              body: Data(html.utf8), token: LiveServer.token)
        #expect(upload.status == 201)
        let bad = try await server.request("POST", "/v1/documents", body: Data("{broken".utf8), token: LiveServer.token)
        #expect(bad.status == 422)
    }

    @Test func aGenerationBuiltElsewhereIsPickedUp() async throws {
        let server = try await LiveServer(corpus: ["Corpus/faq/vat.jsonl"])
        defer { server.stop() }
        let generation = server.engine.currentGenerationName
        // Another engine (another process in production) ingests and rebuilds the same data directory.
        let other = try ZhixunEngine_open(server.data)
        _ = try other.ingest(paths: [LiveServer.repository + "/Corpus/faq/account.jsonl"])
        try other.rebuild()
        var picked = false
        for _ in 0..<50 where !picked {
            try await Task.sleep(for: .milliseconds(100))
            picked = server.engine.currentGenerationName != generation
        }
        #expect(picked)
        let answer = try await server.get("/v1/answer", ["q": "忘记密码怎么办"])
        #expect(((answer.json["answer"] as? [String: Any])?["doc"] as? String)?.hasPrefix("faq-acct") == true)
    }

    @Test func unansweredGroupsParaphrasesAndStatsCount() async throws {
        let server = try await LiveServer(corpus: ["Corpus/faq/vat.jsonl"])
        defer { server.stop() }
        for q in ["明天天气怎么样", "明天天气如何", "后天天气怎么样", "推荐一部电影"] { _ = try await server.get("/v1/answer", ["q": q]) }
        let reply = try await server.request("GET", "/v1/unanswered", token: LiveServer.token)
        let groups = try #require(reply.json["unanswered"] as? [[String: Any]])
        #expect(groups.first?["count"] as? Int == 3)
        #expect(groups.count == 2)
        let stats = try await server.request("GET", "/v1/stats", token: LiveServer.token)
        #expect(stats.json["questions"] as? Int == 4)
        #expect(stats.json["handoff_rate"] as? Double == 1)
    }

    @Test func synonymListIsEditableAndAppliesAtOnce() async throws {
        let server = try await LiveServer(corpus: ["Corpus/faq/vat.jsonl"])
        defer { server.stop() }
        #expect(try await server.request("PUT", "/v1/synonyms", body: Data("a = b".utf8)).status == 401)
        let before = try await server.get("/v1/search", ["q": "小规模", "limit": "1"])
        let list = "# test\n小规模 = 小规模纳税人\n"
        let put = try await server.request("PUT", "/v1/synonyms", body: Data(list.utf8), token: LiveServer.token)
        #expect(put.status == 200)
        #expect(put.json["groups"] as? Int == 1)
        let get = try await server.request("GET", "/v1/synonyms", token: LiveServer.token)
        #expect(get.text == list)
        let query = try server.engine.makeQuery("小规模")
        #expect(query.terms.count > 2, "expansion adds the terms of 小规模纳税人")
        #expect(before.status == 200)
    }

    @Test func openAPIDescribesEveryRoute() async throws {
        let server = try await LiveServer(corpus: ["Corpus/faq/vat.jsonl"])
        defer { server.stop() }
        let spec = try await server.get("/openapi.yaml").text
        let routes = ZhixunServer(engine: server.engine, configuration: .init()).makeRouter().routes
        #expect(routes.count == 17)
        for route in routes {
            let path = route.path.description.replacingOccurrences(of: ":id", with: "{id}")
            #expect(spec.contains("\n  \(path):"), "\(path) missing from openapi.yaml")
            #expect(spec.contains("\(route.method.rawValue.lowercased()):"), "\(route)")
        }
        _ = try await server.get("/v1/answer?q=%E5%A2%9E%E5%80%BC%E7%A8%8E")
        let metrics = try await server.get("/metrics").text
        for name in ["zhixun_http_requests_total{", "zhixun_http_request_duration_seconds_bucket{",
                     "zhixun_answers_total ", "zhixun_handoffs_total ", "zhixun_index_generation{"] {
            #expect(metrics.contains(name), "\(name) missing from /metrics")
        }
    }
}

import ZhixunEngine
func ZhixunEngine_open(_ data: String) throws -> ZhixunEngine { try ZhixunEngine(dataDirectory: data) }
