import Foundation
import GRDB
import MedoraCrypto

struct UserRecord: FetchableRecord, PersistableRecord, Sendable {
    static let databaseTableName = "users"
    var id: UUID
    var role: String
    var login: String
    var passwordHash: String
    var displayName: EncryptedField
    var version: Int
    var status: String
    var createdAt: Date
    var updatedAt: Date

    init(row: Row) throws {
        id = row["id"]
        role = row["role"]
        login = row["login"]
        passwordHash = row["password_hash"]
        displayName = row["display_name_enc"]
        version = row["version"]
        status = row["status"]
        createdAt = row["created_at"]
        updatedAt = row["updated_at"]
    }

    init(id: UUID, role: String, login: String, passwordHash: String, displayName: EncryptedField,
         version: Int, status: String, createdAt: Date, updatedAt: Date) {
        self.id = id
        self.role = role
        self.login = login
        self.passwordHash = passwordHash
        self.displayName = displayName
        self.version = version
        self.status = status
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }

    func encode(to container: inout PersistenceContainer) throws {
        container["id"] = id
        container["role"] = role
        container["login"] = login
        container["password_hash"] = passwordHash
        container["display_name_enc"] = displayName
        container["version"] = version
        container["status"] = status
        container["created_at"] = createdAt
        container["updated_at"] = updatedAt
    }
}
