import Foundation
import Hummingbird
import ZhixunEngine

/// The endpoints chat front ends call: answer, search, related, hot, suggest, feedback.
struct FrontEndRoutes: Sendable {
    let engine: ZhixunEngine
    let configuration: ServerConfiguration
    let metrics: ServerMetrics

    /// A search result with a highlighted snippet.
    struct SearchHitResponse: Encodable {
        let result: SearchResult
        let snippet: String

        func encode(to encoder: any Encoder) throws {
            try result.encode(to: encoder)
            var c = encoder.container(keyedBy: Key.self)
            try c.encode(snippet, forKey: .snippet)
        }

        enum Key: String, CodingKey { case snippet }
    }

    struct FeedbackRequest: Decodable {
        let queryId: String
        let answerId: String
        let resolved: Bool
        let reason: String?
    }

    func register(on router: some RouterMethods<BasicRequestContext>) {
        router.get("/v1/answer") { request, _ in try answer(request) }
        router.get("/v1/search") { request, _ in try search(request) }
        router.get("/v1/related/{id}") { request, context in
            let params = try QueryParameters(request, allowed: ["limit"])
            let id = try context.parameters.require("id")
            return try JSONResponse.make(["related": try engine.related(to: id, limit: try params.int("limit", default: 5, range: 1...20))])
        }
        router.get("/v1/hot") { request, _ in
            let params = try QueryParameters(request, allowed: ["category", "limit"])
            let hot = try engine.hotQuestions(category: params.string("category"), limit: try params.int("limit", default: 10, range: 1...100))
            return try JSONResponse.make(["hot": hot])
        }
        router.get("/v1/suggest") { request, _ in
            let params = try QueryParameters(request, allowed: ["prefix", "limit"])
            let prefix = try params.text("prefix", maxLength: configuration.maxQueryLength)
            return try JSONResponse.make(["suggestions": try engine.suggest(prefix, limit: try params.int("limit", default: 8, range: 1...50))])
        }
        router.post("/v1/feedback") { request, context in
            let body = try await request.body.collect(upTo: 64 << 10)
            let feedback = try JSONResponse.decode(FeedbackRequest.self, from: body)
            if let reason = feedback.reason, reason.count > 1000 {
                throw APIError.invalid("reason", "at most 1000 characters")
            }
            try engine.feedback(queryID: feedback.queryId, answerID: feedback.answerId, resolved: feedback.resolved, reason: feedback.reason)
            return try JSONResponse.make(["recorded": true], status: .created)
        }
    }

    private func answer(_ request: Request) throws -> Response {
        let params = try QueryParameters(request, allowed: ["q", "region", "context", "session"])
        let q = try params.text("q", maxLength: configuration.maxQueryLength)
        let context = params.string("context") ?? ""
        let session = String((params.string("session") ?? "").prefix(128))
        let answer = try engine.answer(q, options: SearchOptions(limit: 4, regions: params.strings("region")),
                                       context: context, session: session, record: true)
        metrics.recordAnswer(handoff: answer.handoff.suggested)
        var related: [RelatedItem] = []
        if let id = answer.answer?.id ?? (context.isEmpty ? nil : context) {
            related = (try? engine.related(to: id, limit: ZhixunEngine.answerRelatedLimit)) ?? []
        }
        let category = answer.answer?.category ?? ""
        let hot = category.isEmpty ? [] : ((try? engine.hotQuestions(category: category, limit: 5)) ?? [])
        var w = JSONWriter()
        w.object { w in
            w.field("query_id", answer.queryID)
            w.field("query", answer.query)
            if let best = answer.answer { w.key("answer"); w.write(best) }
            w.key("confidence"); w.number(answer.confidence)
            w.key("alternatives"); w.array(answer.alternatives) { w, r in w.write(r) }
            w.key("related"); w.array(related) { w, r in w.write(r) }
            w.key("hot"); w.array(hot) { w, h in w.write(h) }
            w.key("handoff")
            w.object { w in
                w.key("suggested"); w.bool(answer.handoff.suggested)
                w.field("reason", answer.handoff.reason)
            }
        }
        return JSONResponse.bytes(w.bytes)
    }

    private func search(_ request: Request) throws -> Response {
        let params = try QueryParameters(request, allowed: ["q", "limit", "kind", "category", "region", "include_superseded"])
        let q = try params.text("q", maxLength: configuration.maxQueryLength)
        let kinds = params.strings("kind")
        for kind in kinds ?? [] where kind != "faq" && kind != "policy" {
            throw APIError.invalid("kind", "'\(kind)' is not faq or policy")
        }
        let options = SearchOptions(limit: try params.int("limit", default: 10, range: 1...SearchOptions.maxLimit), kinds: kinds,
                                    categories: params.strings("category"), regions: params.strings("region"),
                                    includeSuperseded: try params.bool("include_superseded", default: false))
        let results = try engine.search(q, options: options)
        let terms = engine.analyze(q).map(\.text).filter { $0.count >= 2 }
        struct Body: Encodable { let query: String; let results: [SearchHitResponse] }
        return try JSONResponse.make(Body(query: q, results: results.map {
            SearchHitResponse(result: $0, snippet: Snippet.make($0.text, highlighting: terms))
        }), plain: true)
    }
}
