import Foundation
import Hummingbird
import MedoraStorage

/// `POST /api/v1/auth/login`, `POST /api/v1/auth/logout`, `GET /api/v1/auth/me`.
struct AuthController<Users: UserRepository, Sessions: SessionRepository>: Sendable {
    let users: Users
    let sessions: Sessions
    /// 5 attempts a minute per IP and login.
    let loginLimiter: LoginThrottle


    func addPublicRoutes(to group: RouterGroup<AppRequestContext>) {
        group.post("login", use: login)
    }

    func addProtectedRoutes(to group: RouterGroup<AppRequestContext>) {
        group.post("logout", use: logout)
        group.get("me", use: me)
    }

    @Sendable func login(_ request: Request, context: AppRequestContext) async throws -> EditedResponse<LoginResponse> {
        guard case .object(let fields) = try await JSONBody.read(request, context: context),
              let login = fields["login"]?.string, let password = fields["password"]?.string else {
            throw APIError(.invalidJSON)
        }
        switch try await SignIn(users: users, sessions: sessions, limiter: loginLimiter)
            .attempt(login: login, password: password, request: request, context: context) {
        case .refused:
            throw APIError(.invalidCredentials)
        case .throttled(let seconds):
            throw APIError(.rateLimited, headers: [.retryAfter: String(seconds)])
        case .signedIn(let token, let session, let user):
            return EditedResponse(status: .ok, response: LoginResponse(token: token, expiresAt: Timestamp.string(session.expiresAt),
                                                                       user: UserResponse(user)))
        }
    }

    @Sendable func logout(_ request: Request, context: AppRequestContext) async throws -> Response {
        let identity = try context.requireIdentity()
        try await sessions.revoke(token: identity.token)
        return Response(status: .noContent)
    }

    @Sendable func me(_ request: Request, context: AppRequestContext) async throws -> UserResponse {
        UserResponse(try context.requireIdentity().user)
    }
}
