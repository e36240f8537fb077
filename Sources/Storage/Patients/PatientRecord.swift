import Foundation
import GRDB
import MedoraCrypto

/// A row of `patients` exactly as stored: identifiers and timestamps in clear, every personal
/// field as `EncryptedField` under the patient's own data key (DEK), the DEK wrapped by the field
/// subkey. Converting to and from the decrypted `Patient` happens only in `PatientCodec`.
struct PatientRecord: FetchableRecord, PersistableRecord, Sendable {
    static let databaseTableName = PatientField.table

    var id: UUID
    var ownerID: UUID
    var wrappedDEK: Data
    var fields: SealedCells<PatientField>
    var version: Int
    var createdAt: Date
    var updatedAt: Date
    var deletedAt: Date?

    init(row: Row) throws {
        id = row["id"]
        ownerID = row["owner_id"]
        wrappedDEK = row["dek"]
        fields = SealedCells(row: row)
        version = row["version"]
        createdAt = row["created_at"]
        updatedAt = row["updated_at"]
        deletedAt = row["deleted_at"]
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

/// The columns the search index is built from: identity, the data key and the indexed fields, by
/// position in the order of `sql`.
struct PatientIndexRow: Sendable {
    static let sql = "SELECT id, owner_id, version, dek, "
        + PatientField.indexed.map(\.storageColumn).joined(separator: ", ") + " FROM patients"

    var id: UUID
    var ownerID: UUID
    var version: Int
    var wrappedDEK: Data
    var fields: SealedCells<PatientField>

    init(row: Row) {
        id = row[0]
        ownerID = row[1]
        version = row[2]
        wrappedDEK = row[3]
        fields = SealedCells(row: row, fields: PatientField.indexed, firstIndex: 4)
    }
}
