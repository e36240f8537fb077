import Foundation
import Hummingbird
import MedoraStorage

/// Signs a page request in from the session cookie (the same session store as the API's bearer
/// tokens: the cookie holds the token, the database only its keyed hash). Without a live session
/// a page redirects to the login page.
struct WebSessionMiddleware<Sessions: SessionRepository>: RouterMiddleware {
    typealias Context = AppRequestContext
    static var cookieName: String { "medora_session" }
    let sessions: Sessions

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard let token = request.cookies[Self.cookieName]?.value,
              let (session, user) = try await sessions.resolve(token: token) else {
            return Response(status: .seeOther, headers: [.location: "/login"])
        }
        var context = context
        context.identity = Identity(user: user, session: session, token: token)
        return try await next(request, context)
    }

    /// The cookie that carries a new session: HttpOnly, SameSite=Lax, for the whole site, ending
    /// with the session.
    static func cookie(_ token: String, expires: Date) -> Cookie {
        Cookie(name: cookieName, value: token, expires: expires, path: "/", httpOnly: true, sameSite: .lax)
    }

    static var expiredCookie: Cookie {
        Cookie(name: cookieName, value: "", expires: Date(timeIntervalSince1970: 0), path: "/", httpOnly: true, sameSite: .lax)
    }
}
