import Foundation
import Hummingbird
import ZhixunEngine
import ZhixunStore

/// The endpoints editors call with a bearer token: ingest, withdraw, rebuild, unanswered
/// questions, statistics, and hot-question pins and blocks.
struct EditorRoutes: Sendable {
    let engine: ZhixunEngine
    let configuration: ServerConfiguration
    let metrics: ServerMetrics

    struct RebuildResponse: Encodable {
        let generation: String
        let passages: Int
        let terms: Int
        let indexBytes: Int
    }

    struct HotSettingRequest: Decodable {
        let pinned: Bool?
        let blocked: Bool?
        let weight: Double?
    }

    func register(on group: RouterGroup<BasicRequestContext>) {
        group.post("/documents") { request, _ in
            let params = try QueryParameters(request, allowed: ["filename", "rebuild", "editor"])
            let body = try await request.body.collect(upTo: configuration.maxBodyBytes)
            let filename = try Self.filename(params.string("filename"), contentType: request.headers[.contentType])
            let data = Data(body.readableBytesView), editor = params.string("editor") ?? "api"
            let report = try await offload { [engine] in try engine.ingest(data: data, filename: filename, editor: editor) }
            var rebuilt: RebuildResponse?
            if try params.bool("rebuild", default: false), report.documents > 0 { rebuilt = try await rebuild() }
            struct Body: Encodable { let ingest: IngestReport; let rebuild: RebuildResponse? }
            return try JSONResponse.make(Body(ingest: report, rebuild: rebuilt),
                                         status: report.documents > 0 ? .created : .unprocessableContent)
        }
        group.delete("/documents/{id}") { request, context in
            let params = try QueryParameters(request, allowed: ["rebuild"])
            let id = try context.parameters.require("id")
            try engine.withdraw(id: id)
            let rebuilt = try params.bool("rebuild", default: true) ? try await rebuild() : nil
            struct Body: Encodable { let withdrawn: String; let rebuild: RebuildResponse? }
            return try JSONResponse.make(Body(withdrawn: id, rebuild: rebuilt))
        }
        group.post("/rebuild") { request, _ in
            _ = try QueryParameters(request, allowed: [])
            return try JSONResponse.make(try await rebuild())
        }
        group.get("/unanswered") { request, _ in
            let params = try QueryParameters(request, allowed: ["days", "limit"])
            let days = try params.int("days", default: 7, range: 1...365)
            let groups = try engine.unansweredQuestions(since: Date().addingTimeInterval(-Double(days) * 86_400),
                                                        limit: try params.int("limit", default: 100, range: 1...1000))
            return try JSONResponse.make(["unanswered": groups])
        }
        group.get("/stats") { request, _ in
            let params = try QueryParameters(request, allowed: ["days"])
            let days = try params.int("days", default: 30, range: 1...365)
            return try JSONResponse.make(try engine.statistics(since: Date().addingTimeInterval(-Double(days) * 86_400)))
        }
        group.get("/synonyms") { request, _ in
            _ = try QueryParameters(request, allowed: [])
            return JSONResponse.text(try engine.synonymList(), contentType: "text/plain; charset=utf-8")
        }
        group.put("/synonyms") { request, _ in
            _ = try QueryParameters(request, allowed: [])
            let body = try await request.body.collect(upTo: 1 << 20)
            guard let text = String(validating: body.readableBytesView, as: UTF8.self) else {
                throw APIError(.badRequest, code: "invalid_encoding", "the synonym list must be UTF-8 text")
            }
            let groups = try await offload { [engine] in try engine.setSynonymList(text) }
            return try JSONResponse.make(["groups": groups])
        }
        group.put("/hot/{id}") { request, context in
            let id = try context.parameters.require("id")
            let body = try await request.body.collect(upTo: 64 << 10)
            let setting = try JSONResponse.decode(HotSettingRequest.self, from: body)
            if let w = setting.weight, !(0...1000).contains(w) { throw APIError.invalid("weight", "from 0 to 1000") }
            let saved = HotSetting(document: id, pinned: setting.pinned ?? false, blocked: setting.blocked ?? false,
                                   weight: setting.weight ?? 0)
            try engine.setHotSetting(saved)
            return try JSONResponse.make(saved)
        }
    }

    private func rebuild() async throws -> RebuildResponse {
        let manifest = try await offload { [engine] in try engine.rebuild() }
        metrics.setGeneration(manifest.generation)
        return RebuildResponse(generation: manifest.generation, passages: manifest.passageCount, terms: manifest.termCount,
                               indexBytes: manifest.files.values.reduce(0) { $0 + $1.bytes })
    }

    /// The file name whose extension picks the parser: given, or from the content type (JSONL by default).
    static func filename(_ given: String?, contentType: String?) throws -> String {
        if let given, !given.isEmpty {
            guard !given.contains("/"), given.count <= 200 else { throw APIError.invalid("filename", "a plain file name, no folders") }
            return given
        }
        let type = (contentType ?? "").lowercased()
        if type.contains("html") { return "upload.html" }
        if type.contains("xml") { return "upload.xml" }
        if type.contains("markdown") { return "upload.md" }
        if type.contains("csv") { return "upload.csv" }
        if type.hasPrefix("text/plain") { return "upload.txt" }
        if type.contains("application/json") { return "upload.json" }
        return "upload.jsonl"
    }
}
