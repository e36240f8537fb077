import Foundation
import GRDB
import MedoraCrypto

/// A row of `users` as stored: role, login, status and password hash in clear (bound by the row
/// MAC), the display name sealed.
struct UserRecord: PersistableRecord, Sendable {
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
    var doctorID: UUID?
    var consentAt: Date?
    var language: String?

    /// Decodes a row read from the file; any column of the wrong type is damage, never a trap.
    init(decoding row: Row) throws(RowDamage) {
        id = try row.uuid("id")
        role = try row.value("role")
        login = try row.value("login")
        passwordHash = try row.value("password_hash")
        guard case .blob(let name) = row.storedValue("display_name_enc").storage else {
            throw RowDamage(column: "display_name_enc", reason: .type)
        }
        displayName = EncryptedField(sealed: name)
        version = try row.version()
        status = try row.value("status")
        createdAt = try row.value("created_at")
        updatedAt = try row.value("updated_at")
        doctorID = try row.optionalUUID("doctor_id")
        consentAt = try row.optionalValue("consent_at")
        language = try row.optionalValue("language")
        if let language, Language(rawValue: language) == nil { throw RowDamage(column: "language", reason: .type) }
        guard User.Role(rawValue: role) != nil else { throw RowDamage(column: "role", reason: .type) }
        guard User.Status(rawValue: status) != nil else { throw RowDamage(column: "status", reason: .type) }
    }

    init(id: UUID, role: String, login: String, passwordHash: String, displayName: EncryptedField,
         version: Int, status: String, createdAt: Date, updatedAt: Date, doctorID: UUID? = nil) {
        self.id = id
        self.role = role
        self.login = login
        self.passwordHash = passwordHash
        self.displayName = displayName
        self.version = version
        self.status = status
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.doctorID = doctorID
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
        container["doctor_id"] = doctorID
        container["consent_at"] = consentAt
        container["language"] = language
    }
}
