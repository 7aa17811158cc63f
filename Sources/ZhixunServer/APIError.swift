import Foundation
import Hummingbird
import NIOCore
import ZhixunEngine
import ZhixunIngest
import ZhixunStore

/// An error as the API returns it: an HTTP status and a JSON body
/// `{"error": {"code": "…", "message": "…"}}` whose `code` is stable and whose message a person can act on.
public struct APIError: Error, HTTPResponseError, Sendable {
    /// HTTP status of the response.
    public var status: HTTPResponse.Status
    /// Stable machine-readable code (`invalid_parameter`, `not_found`, …) clients can branch on.
    public var code: String
    /// What went wrong, in words a person can act on.
    public var message: String

    public init(_ status: HTTPResponse.Status, code: String, _ message: String) {
        self.status = status
        self.code = code
        self.message = message
    }

    /// The JSON body of an error.
    struct Body: Encodable {
        struct Detail: Encodable { let code: String; let message: String }
        let error: Detail
    }

    /// The JSON error response (with a Bearer challenge for 401).
    public func response(from request: Request, context: some RequestContext) throws -> Response {
        let data = try JSONEncoder().encode(Body(error: .init(code: code, message: message)))
        var headers = HTTPFields()
        headers[.contentType] = "application/json; charset=utf-8"
        if status == .unauthorized { headers[.wwwAuthenticate] = "Bearer realm=\"zhixun-editor\"" }
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    static func missing(_ parameter: String) -> APIError {
        APIError(.badRequest, code: "missing_parameter", "the '\(parameter)' parameter is required")
    }

    static func invalid(_ parameter: String, _ reason: String) -> APIError {
        APIError(.badRequest, code: "invalid_parameter", "invalid '\(parameter)': \(reason)")
    }

    /// Maps engine and store errors to API errors.
    static func from(_ error: any Error) -> APIError {
        switch error {
        case let e as APIError: return e
        case let e as EngineError:
            switch e {
            case .emptyQuery: return APIError(.badRequest, code: e.code, e.description)
            case .queryTooLong: return APIError(.badRequest, code: e.code, e.description)
            case .invalidArgument: return APIError(.badRequest, code: e.code, e.description)
            case .noIndex: return APIError(.serviceUnavailable, code: e.code, e.description)
            case .unknownItem: return APIError(.notFound, code: e.code, e.description)
            }
        case let e as StoreError:
            if case .unknownDocument = e { return APIError(.notFound, code: "not_found", e.description) }
            return APIError(.internalServerError, code: "store_error", e.description)
        case let e as IngestError:
            return APIError(.unprocessableContent, code: "invalid_document", e.description)
        case is NIOTooManyBytesError:
            return APIError(.contentTooLarge, code: "body_too_large", "the request body is larger than this endpoint accepts")
        case let e as HTTPError:
            let code = e.status == .contentTooLarge ? "body_too_large" : "http_\(e.status.code)"
            return APIError(e.status, code: code, e.body ?? e.status.reasonPhrase)
        default:
            return APIError(.internalServerError, code: "internal_error", "the server failed to handle the request")
        }
    }
}

/// Turns every error thrown below it into an ``APIError`` JSON response.
struct APIErrorMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch {
            throw APIError.from(error)
        }
    }
}
