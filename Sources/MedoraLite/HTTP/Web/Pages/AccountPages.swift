import Foundation
import Hummingbird
import MedoraStorage

/// `GET /account`: change one's own password (every session ends, the user signs in again), one's
/// language, and see one's signed-in sessions, ending one or all the others. `/consent`: the terms
/// accepted once before first use.
struct AccountPages<Users: UserRepository, Sessions: SessionRepository>: Sendable {
    let users: Users
    let sessions: Sessions
    let cookie: SessionCookie

    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.get("account") { _, context in try await page(context) }
        group.post("account/password", use: changePassword)
        group.post("account/language", use: changeLanguage)
        group.post("account/sessions/end-others") { request, context in
            let (_, identity) = try await WebForm.checked(request, context: context)
            let ended = try await sessions.revokeAll(userID: identity.user.id, keeping: identity.session.id)
            return try await page(context, flash: WebText.sessionsEnded.text(context.language, ["count": String(ended)]))
        }
        group.post("account/sessions/:id/end") { request, context in
            let (_, identity) = try await WebForm.checked(request, context: context)
            guard try await sessions.revoke(id: try context.uuidParameter(else: .notFound), userID: identity.user.id) else {
                throw APIError(.notFound)
            }
            return try await page(context, flash: WebText.sessionsEnded.text(context.language, ["count": "1"]))
        }
        group.get("consent") { _, context in
            let identity = try context.requireIdentity()
            if identity.user.consentedAt != nil { return WebPage.redirect("/") }
            return WebPage.render("consent", ["title": WebText.consentTitle.text(context.language)], context: context)
        }
        group.post("consent") { request, context in
            let (_, identity) = try await WebForm.checked(request, context: context)
            if identity.user.consentedAt == nil {
                try await users.recordConsent(userID: identity.user.id)
                context.logger.info("terms accepted", metadata: ["user_id": .string(identity.user.id.uuidString)])
            }
            return WebPage.redirect("/")
        }
    }

    func page(_ context: AppRequestContext, error: String = "", flash: String? = nil,
              status: HTTPResponse.Status = .ok) async throws -> Response {
        let identity = try context.requireIdentity()
        let lang = context.language
        let list = try await sessions.list(userID: identity.user.id)
        return WebPage.render("account", [
            "title": WebText.account.text(lang), "error": error,
            "languageChoices": [["value": "", "text": WebText.languageAuto.text(lang), "selected": identity.user.language == nil]
                                as [String: Any]]
                + Language.allCases.map { l in
                    ["value": l.rawValue, "text": l.nativeName, "selected": identity.user.language == l] as [String: Any]
                },
            "sessions": list.map { s in
                ["id": s.id.uuidString.lowercased(), "started": WebPage.display(s.createdAt), "ends": WebPage.display(s.expiresAt),
                 "from": [s.ip, s.userAgent.map { String($0.prefix(60)) }].compactMap { $0 }.joined(separator: " · "),
                 "current": s.id == identity.session.id, "csrf": identity.session.csrf] as [String: Any]
            },
        ], context: context, status: status, flash: flash)
    }

    @Sendable func changePassword(_ request: Request, context: AppRequestContext) async throws -> Response {
        let (form, identity) = try await WebForm.checked(request, context: context)
        let lang = context.language
        let current = form["current"] ?? "", new = form["new"] ?? ""
        guard new == form["repeat"] else {
            return try await page(context, error: WebText.passwordsDiffer.text(lang), status: .unprocessableContent)
        }
        guard try await users.authenticate(login: identity.user.login, password: current, priority: true) != nil else {
            return try await page(context, error: WebText.wrongCurrentPassword.text(lang), status: .unprocessableContent)
        }
        do {
            try await users.setPassword(userID: identity.user.id, password: new)
        } catch let e as MedoraError where e.kind == .validationFailed {
            return try await page(context, error: e.issues.first?.message(lang) ?? e.message(lang), status: .unprocessableContent)
        }
        var response = WebPage.render("message", ["title": WebText.changePassword.text(lang),
                                                  "text": WebText.passwordChangedSignIn.text(lang)],
                                      context: context, signedIn: false)
        response.setCookie(cookie.expired)
        return response
    }

    /// The account's language (empty: none, follow the browser), from the account page or the
    /// header's switch; the cookie follows so the login page matches after signing out.
    @Sendable func changeLanguage(_ request: Request, context: AppRequestContext) async throws -> Response {
        let (form, identity) = try await WebForm.checked(request, context: context)
        let raw = form["language"] ?? ""
        let lang = Language(rawValue: raw)
        guard lang != nil || raw.isEmpty else { throw APIError(.badRequest) }
        try await users.setLanguage(userID: identity.user.id, language: lang)
        var response = WebPage.redirect(form["back"] == "account" ? "/account" : (WebPage.back(request) ?? "/"))
        if let lang { response.setCookie(WebPage.languageCookie(lang)) }
        return response
    }
}
