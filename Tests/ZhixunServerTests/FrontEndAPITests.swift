import Foundation
import Testing
@testable import ZhixunServer

@Suite(.serialized) struct FrontEndAPITests {
    @Test func answerCarriesConfidenceRelatedHotAndQueryID() async throws {
        let server = try await LiveServer()
        defer { server.stop() }
        let reply = try await server.get("/v1/answer", ["q": "数电发票怎么红冲", "session": "s-1"])
        #expect(reply.status == 200)
        let json = reply.json
        #expect((json["answer"] as? [String: Any])?["doc"] as? String == "faq-einv-009")
        #expect((json["confidence"] as? Double ?? 0) > 0.5)
        #expect((json["query_id"] as? String)?.isEmpty == false)
        #expect((json["alternatives"] as? [Any])?.count == 3)
        #expect((json["related"] as? [Any])?.isEmpty == false)
        #expect((json["handoff"] as? [String: Any])?["suggested"] as? Bool == false)
        let out = try await server.get("/v1/answer", ["q": "明天天气怎么样"])
        #expect((out.json["handoff"] as? [String: Any])?["suggested"] as? Bool == true)
    }

    @Test func hotAfterABurstSuggestRelatedAndFeedback() async throws {
        let server = try await LiveServer()
        defer { server.stop() }
        var queryID = "", answerID = ""
        for _ in 0..<5 {
            let r = try await server.get("/v1/answer", ["q": "忘记密码怎么办"])
            queryID = r.json["query_id"] as? String ?? ""
            answerID = (r.json["answer"] as? [String: Any])?["id"] as? String ?? ""
        }
        let hot = try await server.get("/v1/hot", ["limit": "3"])
        let first = ((hot.json["hot"] as? [[String: Any]])?.first)?["id"] as? String
        #expect(first == answerID.components(separatedBy: "#").first)
        let suggest = try await server.get("/v1/suggest", ["prefix": "數電發票怎麼"])
        #expect((suggest.json["suggestions"] as? [Any])?.isEmpty == false)
        let related = try await server.get("/v1/related/faq-einv-009")
        #expect((related.json["related"] as? [[String: Any]])?.contains { $0["doc"] as? String == "faq-einv-009" } == false)
        #expect(try await server.get("/v1/related/nope").status == 404)
        let body = try JSONSerialization.data(withJSONObject: ["query_id": queryID, "answer_id": answerID, "resolved": true])
        #expect(try await server.request("POST", "/v1/feedback", body: body, contentType: "application/json").status == 201)
        let unknown = try JSONSerialization.data(withJSONObject: ["query_id": "nope", "answer_id": "x", "resolved": false])
        #expect(try await server.request("POST", "/v1/feedback", body: unknown).status == 404)
    }

    @Test func searchHighlightsAndFilters() async throws {
        let server = try await LiveServer()
        defer { server.stop() }
        let reply = try await server.get("/v1/search", ["q": "红字发票", "kind": "faq", "limit": "5"])
        #expect(reply.status == 200)
        let results = try #require(reply.json["results"] as? [[String: Any]])
        #expect(results.count == 5)
        #expect(results.allSatisfy { $0["kind"] as? String == "faq" })
        #expect(results.contains { ($0["snippet"] as? String)?.contains("<em>红字发票</em>") == true })
    }

    @Test func limitsGiveClearJSONErrors() async throws {
        let server = try await LiveServer(corpus: ["Corpus/faq/vat.jsonl"])
        defer { server.stop() }
        let cases: [(String, [String: String], Int, String)] = [
            ("/v1/answer", [:], 400, "missing_parameter"),
            ("/v1/answer", ["q": "   "], 400, "empty_query"),
            ("/v1/answer", ["q": String(repeating: "税", count: 257)], 400, "query_too_long"),
            ("/v1/search", ["q": "税", "limit": "0"], 400, "invalid_parameter"),
            ("/v1/search", ["q": "税", "kind": "memo"], 400, "invalid_parameter"),
            ("/v1/search", ["q": "税", "colour": "red"], 400, "unknown_parameter"),
            ("/v1/hot", ["limit": "abc"], 400, "invalid_parameter"),
        ]
        for (path, query, status, code) in cases {
            let reply = try await server.get(path, query)
            #expect(reply.status == status, "\(path) \(query)")
            #expect(reply.errorCode == code, "\(path) \(query): \(reply.text)")
        }
        let malformed = try await server.request("POST", "/v1/feedback", body: Data("{not json".utf8))
        #expect(malformed.status == 400)
        #expect(malformed.errorCode == "malformed_json")
        let missing = try await server.request("POST", "/v1/feedback", body: Data(#"{"query_id":"x"}"#.utf8))
        #expect(missing.errorCode == "malformed_json")
        let big = try await server.request("POST", "/v1/feedback", body: Data(repeating: 0x20, count: 200 << 10))
        #expect(big.status == 413)
        #expect(try await server.get("/healthz").status == 200)
    }
}
