import Hummingbird

/// Bearer-token check for editor endpoints. Tokens are compared in constant time and never logged.
struct EditorAuthenticationMiddleware<Context: RequestContext>: RouterMiddleware {
    let tokens: [[UInt8]]

    init(tokens: [String]) {
        self.tokens = tokens.map { Array($0.utf8) }
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard let header = request.headers[.authorization], header.lowercased().hasPrefix("bearer ") else {
            throw APIError(.unauthorized, code: "unauthorized", "editor endpoints need an 'Authorization: Bearer <token>' header")
        }
        let presented = Array(header.dropFirst("bearer ".count).utf8)
        var accepted = false
        for token in tokens where Self.constantTimeEqual(token, presented) { accepted = true }
        guard accepted else { throw APIError(.unauthorized, code: "unauthorized", "the editor token is not valid") }
        return try await next(request, context)
    }

    /// Equal-length comparison whose time does not depend on where the bytes differ.
    static func constantTimeEqual(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        var difference = UInt8(truncatingIfNeeded: a.count ^ b.count)
        let n = max(a.count, b.count)
        for i in 0..<n {
            let x = i < a.count ? a[i] : 0
            let y = i < b.count ? b[i] : 0
            difference |= x ^ y
        }
        return difference == 0 && !a.isEmpty
    }
}
