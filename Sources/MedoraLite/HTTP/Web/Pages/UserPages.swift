import Foundation
import Hummingbird
import MedoraStorage

/// `/users` for administrators: the clinic's accounts and adding one; `/users/:id` to change a
/// role (and an assistant's doctor), set a new password, disable or enable. Each change but
/// adding ends that user's sessions at once. Anyone else gets 403.
struct UserPages<Users: UserRepository>: Sendable {
    let users: Users
    /// For the account deletion card (how many patients it would export and erase); nil: no card.
    var store: MedoraStore?

    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.get("users") { _, context in
            try context.requireAdministrator()
            return try await list(context)
        }
        group.post("users", use: add)
        group.get("users/:id") { _, context in
            try context.requireAdministrator()
            return try await manage(context, try await user(context))
        }
        group.post("users/:id/role", use: changeRole)
        group.post("users/:id/password", use: resetPassword)
        group.post("users/:id/disable") { request, context in try await setStatus(.disabled, request, context) }
        group.post("users/:id/enable") { request, context in try await setStatus(.active, request, context) }
    }

    func list(_ context: AppRequestContext, error: String = "", form: WebForm? = nil, flash: String? = nil,
              status: HTTPResponse.Status = .ok) async throws -> Response {
        let lang = context.language
        let people = try await users.list()
        let names = people.displayNames
        return WebPage.render("users", [
            "title": WebText.users.text(lang), "error": error,
            "newLogin": form?["login"] ?? "", "newName": form?["name"] ?? "",
            "roles": roleChoices(lang, selected: form?["role"].flatMap(User.Role.init(rawValue:)) ?? .doctor),
            "doctors": doctorChoices(people, selected: form?["doctorId"].flatMap(UUID.init(uuidString:)), lang),
            "people": people.map { u in
                var row: [String: Any] = ["id": WebPage.key(u.id), "login": u.login, "name": u.displayName,
                                          "role": Self.label(u.role).text(lang),
                                          "status": (u.status == .active ? WebText.statusActive : WebText.statusDisabled).text(lang)]
                if let doctor = u.doctorID.flatMap({ names[$0] }) { row["doctor"] = doctor }
                return row
            },
        ], context: context, status: status, flash: flash)
    }

    func manage(_ context: AppRequestContext, _ u: User, error: String = "", flash: String? = nil,
                status: HTTPResponse.Status = .ok) async throws -> Response {
        let lang = context.language
        let people = try await users.list()
        var deletion: [String: Any] = [:]
        if let store, u.id != context.identity?.user.id {
            let owned = try await store.patientRepository.ownedIDs(u.id).count
            deletion = ["deleteTitle": ErasureText.deleteAccount.text(lang),
                        "deleteIntro": (owned > 0 ? ErasureText.deleteAccountIntro : ErasureText.deleteAccountEmpty)
                            .text(lang, ["name": u.displayName, "count": String(owned)]),
                        "deleteConfirm": ErasureText.deleteAccountConfirm.text(lang)]
        }
        return WebPage.render("user", deletion.merging([
            "title": u.displayName, "error": error, "id": WebPage.key(u.id), "login": u.login, "name": u.displayName,
            "roleLabel": Self.label(u.role).text(lang),
            "status": (u.status == .active ? WebText.statusActive : WebText.statusDisabled).text(lang),
            "roles": roleChoices(lang, selected: u.role),
            "doctors": doctorChoices(people.filter { $0.id != u.id }, selected: u.doctorID, lang),
            "toggle": u.status == .active ? "disable" : "enable",
            "toggleLabel": (u.status == .active ? WebText.disable : WebText.enable).text(lang),
        ]) { _, b in b }, context: context, status: status, flash: flash)
    }

    func roleChoices(_ lang: Language, selected: User.Role) -> [[String: Any]] {
        User.Role.allCases.map { ["value": $0.rawValue, "text": Self.label($0).text(lang), "selected": $0 == selected] }
    }

    /// The active doctors an assistant can be given, with "none" first.
    func doctorChoices(_ people: [User], selected: UUID?, _ lang: Language) -> [[String: Any]] {
        [["value": "", "text": WebText.noDoctor.text(lang), "selected": selected == nil] as [String: Any]]
            + people.filter { $0.role == .doctor && $0.status == .active }.map { d in
                ["value": WebPage.key(d.id), "text": "\(d.displayName) (\(d.login))", "selected": d.id == selected]
            }
    }

    func user(_ context: AppRequestContext) async throws -> User {
        guard let u = try await users.find(id: try context.uuidParameter(else: .notFound)) else { throw APIError(.notFound) }
        return u
    }

    /// A validation or rule error as one line for the page.
    static func describe(_ e: MedoraError, _ lang: Language) -> String {
        e.issues.isEmpty ? e.message(lang) : e.issues.map { "\($0.field): \($0.message(lang))" }.joined(separator: " ")
    }

    static var refusals: [ErrorKind] { [.validationFailed, .duplicateLogin, .lastAdministrator, .roleChangeRefused] }

    @Sendable func add(_ request: Request, context: AppRequestContext) async throws -> Response {
        let (form, _) = try await WebForm.checked(request, context: context)
        try context.requireAdministrator()
        guard let role = form["role"].flatMap(User.Role.init(rawValue:)) else { throw APIError(.badRequest) }
        do {
            _ = try await users.create(login: form["login"] ?? "", password: form["password"] ?? "",
                                       displayName: form["name"] ?? "", role: role,
                                       doctorID: form["doctorId"].flatMap(UUID.init(uuidString:)))
        } catch let e as MedoraError where Self.refusals.contains(e.kind) {
            return try await list(context, error: Self.describe(e, context.language), form: form, status: .unprocessableContent)
        }
        return try await list(context, flash: WebText.userSaved.text(context.language))
    }

    @Sendable func changeRole(_ request: Request, context: AppRequestContext) async throws -> Response {
        let (form, _) = try await WebForm.checked(request, context: context)
        try context.requireAdministrator()
        let u = try await user(context)
        guard let role = form["role"].flatMap(User.Role.init(rawValue:)) else { throw APIError(.badRequest) }
        return try await apply(context, u) {
            try await users.setRole(userID: u.id, role: role, doctorID: form["doctorId"].flatMap(UUID.init(uuidString:)))
        }
    }

    @Sendable func resetPassword(_ request: Request, context: AppRequestContext) async throws -> Response {
        let (form, _) = try await WebForm.checked(request, context: context)
        try context.requireAdministrator()
        let u = try await user(context)
        return try await apply(context, u, done: .passwordResetDone) {
            try await users.setPassword(userID: u.id, password: form["password"] ?? "")
        }
    }

    func setStatus(_ status: User.Status, _ request: Request, _ context: AppRequestContext) async throws -> Response {
        _ = try await WebForm.checked(request, context: context)
        try context.requireAdministrator()
        let u = try await user(context)
        return try await apply(context, u) { try await users.setStatus(userID: u.id, status: status) }
    }

    /// Runs a change and shows the user's page again, with what was refused and why.
    func apply(_ context: AppRequestContext, _ u: User, done: WebText = .userSaved,
               _ change: () async throws -> Void) async throws -> Response {
        do {
            try await change()
        } catch let e as MedoraError where Self.refusals.contains(e.kind) {
            return try await manage(context, u, error: Self.describe(e, context.language),
                                    status: e.kind == .validationFailed ? .unprocessableContent : .conflict)
        }
        context.logger.info("user changed", metadata: ["user_id": .string(u.id.uuidString)])
        return try await manage(context, try await users.find(id: u.id) ?? u, flash: done.text(context.language))
    }

    static func label(_ role: User.Role) -> WebText {
        switch role {
        case .admin: .roleAdmin
        case .doctor: .roleDoctor
        case .assistant: .roleAssistant
        }
    }
}
