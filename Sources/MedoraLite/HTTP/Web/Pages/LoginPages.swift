import Foundation
import Hummingbird
import MedoraStorage

/// `GET/POST /login`, `POST /logout`, `GET /lang/:code`. The login is throttled like the API's
/// (the page says how many seconds to wait) and answers the same for an unknown login and a wrong
/// password.
struct LoginPages<Users: UserRepository, Sessions: SessionRepository>: Sendable {
    let users: Users
    let sessions: Sessions
    let loginLimiter: LoginThrottle
    let demoLogin: DemoLogin?
    let cookie: SessionCookie

    func addPublicRoutes(to router: Router<AppRequestContext>) {
        router.get("login") { _, context in page(context) }
        router.post("login", use: login)
        // Signed out, the header's language links set a cookie (the browser's own state, not the
        // clinic's); signed in, the header posts to /account/language instead.
        router.get("lang/:code") { request, context in
            let code = context.parameters.get("code") ?? ""
            var response = WebPage.redirect(WebPage.back(request) ?? "/")
            if let lang = Language(rawValue: code) { response.setCookie(WebPage.languageCookie(lang)) }
            return response
        }
    }

    func addSignedInRoutes(to group: RouterGroup<AppRequestContext>) {
        group.post("logout") { request, context in
            let (_, identity) = try await WebForm.checked(request, context: context)
            try await sessions.revoke(token: identity.token)
            var response = WebPage.redirect("/login")
            response.setCookie(cookie.expired)
            return response
        }
    }

    /// The login form (with the demo credentials on a demo installation).
    func page(_ context: AppRequestContext, error: String = "", login: String = "", status: HTTPResponse.Status = .ok) -> Response {
        let lang = context.language
        var values: [String: Any] = ["title": WebText.signIn.text(lang), "error": error, "login": login]
        if let demoLogin {
            values["demo"] = WebText.demoCredentials.text(lang, ["login": demoLogin.login, "password": demoLogin.password])
        }
        return WebPage.render("login", values, context: context, signedIn: false, status: status)
    }

    @Sendable func login(_ request: Request, context: AppRequestContext) async throws -> Response {
        let lang = context.language
        guard WebForm.sameOrigin(request) else { throw APIError(.forbidden) }
        let form = try await WebForm.read(request, context: context)
        let login = form["login"] ?? "", password = form["password"] ?? ""
        switch try await SignIn(users: users, sessions: sessions, limiter: loginLimiter)
            .attempt(login: login, password: password, request: request, context: context) {
        case .refused:
            return page(context, error: ErrorText.invalidCredentials.text(lang), login: login, status: .unauthorized)
        case .throttled(let seconds):
            var r = page(context, error: WebText.tryAgainIn.text(lang, ["seconds": String(seconds)]), login: login,
                         status: .tooManyRequests)
            r.headers[.retryAfter] = String(seconds)
            return r
        case .signedIn(let token, let session, let user):
            var response = WebPage.redirect(user.consentedAt == nil ? "/consent" : "/")
            response.setCookie(cookie.make(token, expires: session.expiresAt))
            return response
        }
    }
}
