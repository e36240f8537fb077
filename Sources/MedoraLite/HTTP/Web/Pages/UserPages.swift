import Foundation
import Hummingbird
import MedoraStorage

/// `GET/POST /users` for administrators: the clinic's accounts, adding one, disabling or enabling
/// one (their sessions end at once). Anyone else gets 403.
struct UserPages<Users: UserRepository>: Sendable {
    let users: Users

    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.get("users") { request, context in try await page(request, try context.requireAdministrator()) }
        group.post("users", use: add)
        group.post("users/:id/disable") { request, context in try await setStatus(.disabled, request, context) }
        group.post("users/:id/enable") { request, context in try await setStatus(.active, request, context) }
    }

    func page(_ request: Request, _ identity: Identity, error: String = "", form: WebForm? = nil, flash: String? = nil,
              status: HTTPResponse.Status = .ok) async throws -> Response {
        let lang = Language.of(request)
        let people = try await users.list()
        return WebPage.render("users", [
            "title": WebText.users.text(lang), "error": error,
            "newLogin": form?["login"] ?? "", "newName": form?["name"] ?? "",
            "roles": User.Role.allCases.map { ["value": $0.rawValue, "text": Self.label($0).text(lang)] },
            "people": people.map { u in
                ["id": u.id.uuidString.lowercased(), "login": u.login, "name": u.displayName, "role": Self.label(u.role).text(lang),
                 "status": (u.status == .active ? WebText.statusActive : WebText.statusDisabled).text(lang),
                 "toggle": u.status == .active ? "disable" : "enable",
                 "toggleLabel": (u.status == .active ? WebText.disable : WebText.enable).text(lang),
                 "csrf": identity.session.csrf] as [String: Any]
            },
        ], request: request, identity: identity, status: status, flash: flash)
    }

    @Sendable func add(_ request: Request, context: AppRequestContext) async throws -> Response {
        let (form, identity) = try await WebForm.checked(request, context: context)
        try context.requireAdministrator()
        let lang = Language.of(request)
        guard let role = form["role"].flatMap(User.Role.init(rawValue:)) else { throw APIError(.badRequest) }
        do {
            _ = try await users.create(login: form["login"] ?? "", password: form["password"] ?? "",
                                       displayName: form["name"] ?? "", role: role)
        } catch let e as MedoraError where [.validationFailed, .duplicateLogin].contains(e.kind) {
            let text = e.issues.isEmpty ? e.message(lang)
                : e.issues.map { "\($0.field): \($0.message(lang))" }.joined(separator: " ")
            return try await page(request, identity, error: text, form: form, status: .unprocessableContent)
        }
        return try await page(request, identity, flash: WebText.userSaved.text(lang))
    }

    func setStatus(_ status: User.Status, _ request: Request, _ context: AppRequestContext) async throws -> Response {
        let (_, identity) = try await WebForm.checked(request, context: context)
        try context.requireAdministrator()
        let id = try context.uuidParameter(else: .notFound)
        do {
            try await users.setStatus(userID: id, status: status)
        } catch let e as MedoraError where e.kind == .lastAdministrator {
            return try await page(request, identity, error: e.message(Language.of(request)), status: .conflict)
        }
        return try await page(request, identity, flash: WebText.userSaved.text(Language.of(request)))
    }

    static func label(_ role: User.Role) -> WebText {
        switch role {
        case .admin: .roleAdmin
        case .doctor: .roleDoctor
        case .assistant: .roleAssistant
        }
    }
}
