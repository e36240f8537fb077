import Foundation
import Hummingbird
import MedoraStorage

/// `GET/POST /login`, `POST /logout`, `GET /lang/:code`. The login is throttled like the API's
/// and answers the same for an unknown login and a wrong password.
struct LoginPages<Users: UserRepository, Sessions: SessionRepository>: Sendable {
    let users: Users
    let sessions: Sessions
    let loginLimiter: RateLimiter
    let demoLogin: DemoLogin?

    func addPublicRoutes(to router: Router<AppRequestContext>) {
        router.get("login") { request, _ in page(request) }
        router.post("login", use: login)
        router.get("lang/:code") { request, context in
            let code = context.parameters.get("code") ?? ""
            var response = WebPage.redirect("/")
            if let lang = Language(rawValue: code) {
                response.setCookie(Cookie(name: "lang", value: lang.rawValue, maxAge: 365 * 86400, path: "/", httpOnly: true, sameSite: .lax))
            }
            // Back to the page it came from: a path on this site only ("//host" or "/\\host" would
            // leave it).
            if let back = request.headers[.referer].flatMap(URL.init(string:))?.path, back.hasPrefix("/"),
               !back.dropFirst().hasPrefix("/"), !back.dropFirst().hasPrefix("\\") {
                response.headers[.location] = back
            }
            return response
        }
    }

    func addSignedInRoutes(to group: RouterGroup<AppRequestContext>) {
        group.post("logout") { request, context in
            let (_, identity) = try await WebForm.checked(request, context: context)
            try await sessions.revoke(token: identity.token)
            var response = WebPage.redirect("/login")
            response.setCookie(WebSessionMiddleware<Sessions>.expiredCookie)
            return response
        }
    }

    /// The login form (with the demo credentials on a demo installation).
    func page(_ request: Request, error: String = "", login: String = "", status: HTTPResponse.Status = .ok) -> Response {
        let lang = Language.of(request)
        var values: [String: Any] = ["title": WebText.signIn.text(lang), "error": error, "login": login]
        if let demoLogin {
            values["demo"] = WebText.demoCredentials.text(lang, ["login": demoLogin.login, "password": demoLogin.password])
        }
        return WebPage.render("login", values, request: request, identity: nil, status: status)
    }

    @Sendable func login(_ request: Request, context: AppRequestContext) async throws -> Response {
        let lang = Language.of(request)
        guard WebForm.sameOrigin(request) else { throw APIError(.forbidden) }
        let form = try await WebForm.read(request, context: context)
        let login = form["login"] ?? "", password = form["password"] ?? ""
        func failed(_ text: String, _ status: HTTPResponse.Status) -> Response {
            page(request, error: text, login: login, status: status)
        }
        switch try await SignIn(users: users, sessions: sessions, limiter: loginLimiter)
            .attempt(login: login, password: password, request: request, context: context) {
        case .refused:
            return failed(ErrorText.invalidCredentials.text(lang), .unauthorized)
        case .throttled(let seconds):
            var r = failed(ErrorText.tooManyRequests.text(lang), .tooManyRequests)
            r.headers[.retryAfter] = String(seconds)
            return r
        case .signedIn(let token, let session, _):
            var response = WebPage.redirect("/")
            response.setCookie(WebSessionMiddleware<Sessions>.cookie(token, expires: session.expiresAt))
            return response
        }
    }
}
