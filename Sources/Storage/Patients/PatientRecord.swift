import Foundation
import GRDB
import MedoraCrypto

/// A row of `patients` exactly as stored: identifiers and timestamps in clear, every personal
/// field as `EncryptedField` under the patient's own data key (DEK), the DEK wrapped by the field
/// subkey. Converting to and from the decrypted `Patient` happens only in `PatientCodec`.
struct PatientRecord: PersistableRecord, Sendable {
    static let databaseTableName = PatientField.table

    var id: UUID
    var ownerID: UUID
    var wrappedDEK: Data
    var fields: SealedCells<PatientField>
    var version: Int
    var createdAt: Date
    var updatedAt: Date
    var deletedAt: Date?

    /// Decodes a row read from the file; any column of the wrong type is damage, never a trap.
    init(decoding row: Row) throws(RowDamage) {
        id = try row.uuid("id")
        ownerID = try row.uuid("owner_id")
        wrappedDEK = try row.value("dek")
        fields = try SealedCells(decoding: row)
        version = try row.version()
        createdAt = try row.value("created_at")
        updatedAt = try row.value("updated_at")
        deletedAt = try row.optionalValue("deleted_at")
    }

    init(id: UUID, ownerID: UUID, wrappedDEK: Data, fields: SealedCells<PatientField>, version: Int,
         createdAt: Date, updatedAt: Date) {
        self.id = id
        self.ownerID = ownerID
        self.wrappedDEK = wrappedDEK
        self.fields = fields
        self.version = version
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.deletedAt = nil
    }

    func encode(to container: inout PersistenceContainer) throws {
        container["id"] = id
        container["owner_id"] = ownerID
        container["dek"] = wrappedDEK
        fields.encode(to: &container)
        container["version"] = version
        container["created_at"] = createdAt
        container["updated_at"] = updatedAt
        container["deleted_at"] = deletedAt
    }
}
