import Foundation
import Hummingbird
import MedoraStorage

/// Signs a page request in from the session cookie (the same session store as the API's bearer
/// tokens: the cookie holds the token, the database only its keyed hash). Without a live session
/// a page redirects to the login page; a user who has not yet accepted the terms is sent to the
/// consent page first. Errors inside are answered here, so an error page keeps the user's header
/// and language.
struct WebSessionMiddleware<Sessions: SessionRepository>: RouterMiddleware {
    typealias Context = AppRequestContext
    let sessions: Sessions
    let cookie: SessionCookie
    let limits: RateLimits

    /// What a user who has not accepted the terms may still reach.
    static var beforeConsent: Set<String> { ["/consent", "/logout"] }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard let token = cookie.token(in: request), let (session, user) = try await sessions.resolve(token: token) else {
            return WebPage.redirect("/login")
        }
        var context = context
        context.identity = Identity(user: user, session: session, token: token)
        context.notes.userID = user.id
        if let own = user.language { context.language = own }
        if user.consentedAt == nil, !Self.beforeConsent.contains(request.uri.path) {
            return WebPage.redirect("/consent")
        }
        do {
            let budget = limits.pagesUser.hit(user.id.uuidString)
            guard budget.allowed else { throw RateLimits.refusal(budget, budget: "pages_user") }
            let actor = AuditActor(userID: user.id, address: context.remoteIP, origin: .web)
            return try await AuditActor.$current.withValue(actor) { try await next(request, context) }
        } catch {
            return try ErrorMiddleware.answer(error, request: request, context: context)
        }
    }
}
