import Foundation
import Hummingbird
import MedoraStorage

/// `/api/v1/users` for administrators: list, add, change role (and an assistant's doctor), reset
/// password, disable, enable, delete. Every change but adding ends the user's sessions at once; the
/// last active administrator is kept.
struct UserController<Users: UserRepository>: Sendable {
    let users: Users

    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.get(use: list)
        group.post(use: create)
        group.patch(":id", use: changeRole)
        group.post(":id/password", use: resetPassword)
        group.post(":id/disable") { _, context in try await self.setStatus(.disabled, context) }
        group.post(":id/enable") { _, context in try await self.setStatus(.active, context) }
        group.delete(":id", use: delete)
    }

    struct UserListResponse: ResponseEncodable, Sendable {
        var items: [UserResponse]
    }

    @Sendable func list(_ request: Request, context: AppRequestContext) async throws -> UserListResponse {
        try context.requireAdministrator()
        return UserListResponse(items: try await users.list().map(UserResponse.init))
    }

    /// The body's object, with every key one of `allowed` and a string (or null).
    static func fields(_ request: Request, _ context: AppRequestContext, allowed: Set<String>) async throws -> [String: String?] {
        guard case .object(let body) = try await JSONBody.read(request, context: context) else { throw APIError(.invalidJSON) }
        var out: [String: String?] = [:]
        var issues: [ValidationIssue] = []
        for (key, value) in body {
            guard allowed.contains(key) else { issues.append(.init(key, .unknownField)); continue }
            switch value {
            case .string(let s): out[key] = s
            case .null: out[key] = .some(nil)
            default: issues.append(.init(key, .invalidValue))
            }
        }
        if !issues.isEmpty { throw APIError(.validationFailed, issues: issues) }
        return out
    }

    @Sendable func create(_ request: Request, context: AppRequestContext) async throws -> EditedResponse<UserResponse> {
        try context.requireAdministrator()
        let f = try await Self.fields(request, context, allowed: ["login", "password", "displayName", "role", "doctorId"])
        let role = try Self.role(f)
        let user = try await users.create(login: (f["login"] ?? nil) ?? "", password: (f["password"] ?? nil) ?? "",
                                          displayName: (f["displayName"] ?? nil) ?? "", role: role, doctorID: try Self.doctorID(f))
        context.logger.info("user added", metadata: ["user_id": .string(user.id.uuidString), "role": .string(role.rawValue)])
        return EditedResponse(status: .created, response: UserResponse(user))
    }

    static func role(_ f: [String: String?]) throws -> User.Role {
        guard let role = (f["role"] ?? nil).flatMap(User.Role.init(rawValue:)) else {
            throw APIError(.validationFailed, issues: [.init("role", .invalidValue)])
        }
        return role
    }

    static func doctorID(_ f: [String: String?]) throws -> UUID? {
        guard let raw = f["doctorId"] ?? nil else { return nil }
        guard let id = UUID(uuidString: raw) else { throw APIError(.validationFailed, issues: [.init("doctorId", .invalidFormat)]) }
        return id
    }

    @Sendable func changeRole(_ request: Request, context: AppRequestContext) async throws -> UserResponse {
        try context.requireAdministrator()
        let id = try context.uuidParameter()
        let f = try await Self.fields(request, context, allowed: ["role", "doctorId"])
        let role = try Self.role(f)
        try await users.setRole(userID: id, role: role, doctorID: try Self.doctorID(f))
        guard let user = try await users.find(id: id) else { throw APIError(.notFound) }
        context.logger.info("user role changed", metadata: ["user_id": .string(id.uuidString), "role": .string(role.rawValue)])
        return UserResponse(user)
    }

    @Sendable func resetPassword(_ request: Request, context: AppRequestContext) async throws -> Response {
        try context.requireAdministrator()
        let id = try context.uuidParameter()
        let f = try await Self.fields(request, context, allowed: ["password"])
        try await users.setPassword(userID: id, password: (f["password"] ?? nil) ?? "")
        context.logger.info("user password reset", metadata: ["user_id": .string(id.uuidString)])
        return Response(status: .noContent)
    }

    func setStatus(_ status: User.Status, _ context: AppRequestContext) async throws -> UserResponse {
        try context.requireAdministrator()
        let id = try context.uuidParameter()
        try await users.setStatus(userID: id, status: status)
        guard let user = try await users.find(id: id) else { throw APIError(.notFound) }
        context.logger.info("user status changed", metadata: ["user_id": .string(id.uuidString), "status": .string(status.rawValue)])
        return UserResponse(user)
    }

    @Sendable func delete(_ request: Request, context: AppRequestContext) async throws -> Response {
        try context.requireAdministrator()
        let id = try context.uuidParameter()
        try await users.delete(userID: id)
        context.logger.info("user deleted", metadata: ["user_id": .string(id.uuidString)])
        return Response(status: .noContent)
    }

}
