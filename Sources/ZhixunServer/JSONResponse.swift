import Foundation
import Hummingbird

/// JSON responses with snake_case keys (`query_id`), the API's wire style.
enum JSONResponse {
    static let encoder: JSONEncoder = {
        let e = JSONEncoder()
        e.keyEncodingStrategy = .convertToSnakeCase
        e.dateEncodingStrategy = .iso8601
        e.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return e
    }()

    /// For hot paths whose types spell their keys out (no per-key case conversion).
    static let plainEncoder: JSONEncoder = {
        let e = JSONEncoder()
        e.dateEncodingStrategy = .iso8601
        e.outputFormatting = [.withoutEscapingSlashes]
        return e
    }()

    static let decoder: JSONDecoder = {
        let d = JSONDecoder()
        d.keyDecodingStrategy = .convertFromSnakeCase
        return d
    }()

    static func make<T: Encodable>(_ value: T, status: HTTPResponse.Status = .ok, plain: Bool = false) throws -> Response {
        let data = try (plain ? plainEncoder : encoder).encode(value)
        var headers = HTTPFields()
        headers[.contentType] = "application/json; charset=utf-8"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// A JSON body already serialized.
    static func bytes(_ body: [UInt8]) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "application/json; charset=utf-8"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: body)))
    }

    static func text(_ body: String, contentType: String) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = contentType
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: body)))
    }

    /// Decodes a JSON body, with a clear error for malformed JSON.
    static func decode<T: Decodable>(_ type: T.Type, from buffer: ByteBuffer) throws -> T {
        do {
            return try decoder.decode(type, from: Data(buffer.readableBytesView))
        } catch let error as DecodingError {
            let reason: String
            switch error {
            case .keyNotFound(let key, _): reason = "missing field '\(key.stringValue.snakeCased)'"
            case .typeMismatch(_, let c), .valueNotFound(_, let c):
                reason = "wrong type at '\(c.codingPath.map { $0.stringValue.snakeCased }.joined(separator: "."))'"
            default: reason = "the body is not valid JSON"
            }
            throw APIError(.badRequest, code: "malformed_json", reason)
        }
    }
}

extension String {
    /// `queryId` → `query_id`.
    var snakeCased: String {
        var out = ""
        for c in self {
            if c.isUppercase { out += "_" + c.lowercased() } else { out.append(c) }
        }
        return out
    }
}
