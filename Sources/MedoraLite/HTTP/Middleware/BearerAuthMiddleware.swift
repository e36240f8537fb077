import Hummingbird
import MedoraStorage

/// Resolves `Authorization: Bearer <token>` to a user and session, or answers 401.
struct BearerAuthMiddleware<Sessions: SessionRepository>: RouterMiddleware {
    typealias Context = AppRequestContext
    let sessions: Sessions

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard let header = request.headers[.authorization], header.lowercased().hasPrefix("bearer ") else {
            throw Self.challenge
        }
        let token = String(header.dropFirst(7)).trimmingCharacters(in: .whitespaces)
        guard let (session, user) = try await sessions.resolve(token: token) else { throw Self.challenge }
        var context = context
        context.identity = Identity(user: user, session: session, token: token)
        return try await next(request, context)
    }

    static var challenge: APIError {
        APIError(.unauthorized, headers: [.wwwAuthenticate: "Bearer realm=\"medora\""])
    }
}
