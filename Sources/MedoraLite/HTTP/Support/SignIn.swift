import Foundation
import Hummingbird
import Logging
import MedoraStorage

/// One sign-in attempt, the same for the API and the login page: bounded input, throttled
/// (`LoginThrottle`: per address and login, and per login across all addresses), the same answer
/// for an unknown login and a wrong password, and a new session (a new token) on success.
struct SignIn<Users: UserRepository, Sessions: SessionRepository>: Sendable {
    let users: Users
    let sessions: Sessions
    let limiter: LoginThrottle

    enum Outcome: Sendable {
        case signedIn(token: String, session: Session, user: User)
        case refused
        case throttled(retryAfter: Int)
    }

    func attempt(login: String, password: String, request: Request, context: AppRequestContext) async throws -> Outcome {
        guard !login.isEmpty, login.count <= 64, !password.isEmpty, password.utf8.count <= 1024 else { return .refused }
        let address = RateLimits.key(context.remoteIP ?? "-")
        if case .throttled(let retryAfter) = limiter.check(login: login, address: address) {
            ServerMetrics.rateLimited("login")
            return .throttled(retryAfter: retryAfter)
        }
        let known = limiter.isKnown(login: login, address: address)
        let origin: AuditActor.Origin = request.uri.path.hasPrefix("/api/") ? .api : .web
        guard let user = try await users.authenticate(login: login, password: password, priority: known) else {
            limiter.failed(login: login, address: address)
            sessions.noteFailedSignIn(AuditActor(userID: nil, address: context.remoteIP, origin: origin))
            context.logger.notice("login failed")
            return .refused
        }
        limiter.succeeded(login: login, address: address)
        let (token, session) = try await AuditActor.$current.withValue(AuditActor(userID: user.id, address: context.remoteIP, origin: origin)) {
            try await sessions.create(userID: user.id, ip: context.remoteIP, userAgent: request.headers[.userAgent])
        }
        context.logger.info("login", metadata: ["user_id": .string(user.id.uuidString)])
        return .signedIn(token: token, session: session, user: user)
    }
}
