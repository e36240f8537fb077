import Hummingbird
import MedoraStorage

/// Resolves `Authorization: Bearer <token>` to a user and session, or answers 401; counts the
/// request against the user's hourly API budget (429 past it; the budget's headers on answers).
struct BearerAuthMiddleware<Sessions: SessionRepository>: RouterMiddleware {
    typealias Context = AppRequestContext
    let sessions: Sessions
    let limits: RateLimits

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard let header = request.headers[.authorization], header.lowercased().hasPrefix("bearer ") else {
            throw Self.challenge
        }
        let token = String(header.dropFirst(7)).trimmingCharacters(in: .whitespaces)
        guard let (session, user) = try await sessions.resolve(token: token) else { throw Self.challenge }
        var context = context
        context.identity = Identity(user: user, session: session, token: token)
        context.notes.userID = user.id
        let budget = limits.apiUser.hit(user.id.uuidString)
        guard budget.allowed else { throw RateLimits.refusal(budget, budget: "api_user") }
        var response = try await next(request, context)
        response.headers.append(contentsOf: RateLimits.headers(budget))
        return response
    }

    static var challenge: APIError {
        APIError(.unauthorized, headers: [.wwwAuthenticate: "Bearer realm=\"medora\""])
    }
}
