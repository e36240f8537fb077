import Foundation
import Hummingbird
import MedoraStorage

/// `/api/v1/users` for administrators: list, disable, enable, delete. Disabling or deleting ends
/// the user's sessions at once; the last active administrator is kept.
struct UserController<Users: UserRepository>: Sendable {
    let users: Users

    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.get(use: list)
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
