import Foundation
import Hummingbird
import MedoraStorage

/// `GET /account`: change one's own password (every session ends, the user signs in again) and see
/// one's signed-in sessions, ending one or all the others.
struct AccountPages<Users: UserRepository, Sessions: SessionRepository>: Sendable {
    let users: Users
    let sessions: Sessions

    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.get("account") { request, context in try await page(request, context.requireIdentity()) }
        group.post("account/password", use: changePassword)
        group.post("account/sessions/end-others") { request, context in
            let (_, identity) = try await WebForm.checked(request, context: context)
            let ended = try await sessions.revokeAll(userID: identity.user.id, keeping: identity.session.id)
            return try await page(request, identity, flash: WebText.sessionsEnded.text(Language.of(request), ["count": String(ended)]))
        }
        group.post("account/sessions/:id/end") { request, context in
            let (_, identity) = try await WebForm.checked(request, context: context)
            guard try await sessions.revoke(id: try context.uuidParameter(else: .notFound), userID: identity.user.id) else {
                throw APIError(.notFound)
            }
            return try await page(request, identity, flash: WebText.sessionsEnded.text(Language.of(request), ["count": "1"]))
        }
    }

    func page(_ request: Request, _ identity: Identity, error: String = "", flash: String? = nil,
              status: HTTPResponse.Status = .ok) async throws -> Response {
        let lang = Language.of(request)
        let list = try await sessions.list(userID: identity.user.id)
        return WebPage.render("account", [
            "title": WebText.account.text(lang), "error": error,
            "sessions": list.map { s in
                ["id": s.id.uuidString.lowercased(), "started": Self.display(s.createdAt), "ends": Self.display(s.expiresAt),
                 "from": [s.ip, s.userAgent.map { String($0.prefix(60)) }].compactMap { $0 }.joined(separator: " · "),
                 "current": s.id == identity.session.id, "csrf": identity.session.csrf] as [String: Any]
            },
        ], request: request, identity: identity, status: status, flash: flash)
    }

    @Sendable func changePassword(_ request: Request, context: AppRequestContext) async throws -> Response {
        let (form, identity) = try await WebForm.checked(request, context: context)
        let lang = Language.of(request)
        let current = form["current"] ?? "", new = form["new"] ?? ""
        guard new == form["repeat"] else {
            return try await page(request, identity, error: WebText.passwordsDiffer.text(lang), status: .unprocessableContent)
        }
        guard try await users.authenticate(login: identity.user.login, password: current) != nil else {
            return try await page(request, identity, error: WebText.wrongCurrentPassword.text(lang), status: .unprocessableContent)
        }
        do {
            try await users.setPassword(userID: identity.user.id, password: new)
        } catch let e as MedoraError where e.kind == .validationFailed {
            return try await page(request, identity, error: e.issues.first?.message(lang) ?? e.message(lang), status: .unprocessableContent)
        }
        var response = WebPage.render("message", ["title": WebText.changePassword.text(lang),
                                                  "text": WebText.passwordChangedSignIn.text(lang)],
                                      request: request, identity: nil)
        response.setCookie(WebSessionMiddleware<Sessions>.expiredCookie)
        return response
    }

    /// `dd.mm.yyyy HH:mm` in the server's time zone.
    static func display(_ date: Date) -> String {
        let c = Calendar(identifier: .gregorian).dateComponents([.year, .month, .day, .hour, .minute], from: date)
        func two(_ n: Int?) -> String { n.map { $0 < 10 ? "0\($0)" : "\($0)" } ?? "--" }
        return "\(two(c.day)).\(two(c.month)).\(c.year.map(String.init) ?? "----") \(two(c.hour)):\(two(c.minute))"
    }
}
