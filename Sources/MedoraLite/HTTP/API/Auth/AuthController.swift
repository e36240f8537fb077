import Foundation
import Hummingbird
import MedoraStorage

/// `POST /api/v1/auth/login`, `POST /api/v1/auth/logout`, `GET /api/v1/auth/me`.
struct AuthController<Users: UserRepository, Sessions: SessionRepository>: Sendable {
    let users: Users
    let sessions: Sessions
    /// 5 attempts a minute per IP and login.
    let loginLimiter: RateLimiter


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
        let body = (login: login, password: password)
        guard !body.login.isEmpty, body.login.count <= 64, !body.password.isEmpty, body.password.utf8.count <= 1024 else {
            throw APIError(.invalidCredentials)
        }
        let key = "\(context.remoteIP ?? "-")|\(body.login.lowercased())"
        let decision = await loginLimiter.hit(key)
        guard decision.allowed else {
            throw APIError(.rateLimited, headers: [.retryAfter: String(decision.retryAfter)])
        }
        guard let user = try await users.authenticate(login: body.login, password: body.password) else {
            context.logger.notice("login failed")
            throw APIError(.invalidCredentials)
        }
        await loginLimiter.reset(key)
        let (token, session) = try await sessions.create(
            userID: user.id, ip: context.remoteIP, userAgent: request.headers[.userAgent])
        context.logger.info("login", metadata: ["user_id": .string(user.id.uuidString)])
        return EditedResponse(status: .ok, response: LoginResponse(token: token, expiresAt: Timestamp.string(session.expiresAt), user: UserResponse(user)))
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
