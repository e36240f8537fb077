import Hummingbird
import MedoraStorage

/// Resolves `Authorization: Bearer <token>` to a user and session, or answers 401; counts the
/// request against the user's hourly API budget (429 past it; the budget's headers on answers).
struct BearerAuthMiddleware<Sessions: SessionRepository>: RouterMiddleware {
    typealias Context = AppRequestContext
    let sessions: Sessions
    let limits: RateLimits

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard let token = request.headers[.authorization].flatMap(Self.bearerToken) else { throw Self.challenge }
        guard let (session, user) = try await sessions.resolve(token: token) else { throw Self.challenge }
        var context = context
        context.identity = Identity(user: user, session: session, token: token)
        context.notes.userID = user.id
        let budget = limits.apiUser.hit(user.id.uuidString)
        guard budget.allowed else { throw RateLimits.refusal(budget, budget: "api_user") }
        let actor = AuditActor(userID: user.id, address: context.remoteIP, origin: .api)
        var response = try await AuditActor.$current.withValue(actor) { try await next(request, context) }
        response.headers.append(contentsOf: RateLimits.headers(budget))
        return response
    }

    /// The token of `Bearer <token>` (the scheme in any case, spaces and tabs around the token
    /// dropped); nil for any other header.
    static func bearerToken(_ header: String) -> String? {
        let utf8 = header.utf8
        guard utf8.count > 7, utf8.prefix(6).elementsEqual("bearer".utf8, by: { $0 | 0x20 == $1 }),
              utf8.dropFirst(6).first == UInt8(ascii: " ") else { return nil }
        let isBlank = { (b: UInt8) in b == UInt8(ascii: " ") || b == UInt8(ascii: "\t") }
        let body = utf8.dropFirst(7)
        guard let first = body.firstIndex(where: { !isBlank($0) }), let last = body.lastIndex(where: { !isBlank($0) }) else { return "" }
        return String(header[first...last])
    }

    static var challenge: APIError {
        APIError(.unauthorized, headers: [.wwwAuthenticate: "Bearer realm=\"medora\""])
    }
}
