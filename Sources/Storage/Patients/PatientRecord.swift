import Foundation
import GRDB
import MedoraCrypto

/// A row of `patients` exactly as stored: identifiers and timestamps in clear, every personal
/// field as `EncryptedField` under the patient's own data key (DEK), the DEK wrapped by the field
/// subkey. Converting to and from the decrypted `Patient` happens only in `PatientCodec`.
struct PatientRecord: FetchableRecord, PersistableRecord, Sendable {
    static let databaseTableName = "patients"

    var id: UUID
    var ownerID: UUID
    var wrappedDEK: Data
    var fields: PatientCodec.SealedFields
    var version: Int
    var createdAt: Date
    var updatedAt: Date
    var deletedAt: Date?

    init(row: Row) throws {
        id = row["id"]
        ownerID = row["owner_id"]
        wrappedDEK = row["dek"]
        fields = PatientCodec.SealedFields(
            firstName: row["first_name_enc"], lastName: row["last_name_enc"], middleName: row["middle_name_enc"],
            phone: row["phone_enc"], birthDate: row["birth_date_enc"], sex: row["sex_enc"],
            address: row["address_enc"], nationalID: row["national_id_enc"], notes: row["notes_enc"])
        version = row["version"]
        createdAt = row["created_at"]
        updatedAt = row["updated_at"]
        deletedAt = row["deleted_at"]
    }

    init(id: UUID, ownerID: UUID, wrappedDEK: Data, fields: PatientCodec.SealedFields, version: Int,
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
        container["first_name_enc"] = fields.firstName
        container["last_name_enc"] = fields.lastName
        container["middle_name_enc"] = fields.middleName
        container["phone_enc"] = fields.phone
        container["birth_date_enc"] = fields.birthDate
        container["sex_enc"] = fields.sex
        container["address_enc"] = fields.address
        container["national_id_enc"] = fields.nationalID
        container["notes_enc"] = fields.notes
        container["version"] = version
        container["created_at"] = createdAt
        container["updated_at"] = updatedAt
        container["deleted_at"] = deletedAt
    }
}

/// Encrypts `PatientDraft`s into records and decrypts them back, binding each cell to
/// `patients:<column>:<id>:<version>`.
struct PatientCodec: Sendable {
    let fieldKey: SecureBytes

    struct SealedFields: Sendable {
        var firstName: EncryptedField
        var lastName: EncryptedField
        var middleName: EncryptedField?
        var phone: EncryptedField?
        var birthDate: EncryptedField?
        var sex: EncryptedField?
        var address: EncryptedField?
        var nationalID: EncryptedField?
        var notes: EncryptedField?
    }

    /// Where a patient cell lives: `patients:<column>:<id>:<version>`.
    static func context(_ column: String, _ id: UUID, _ version: Int) -> FieldContext {
        FieldContext(table: "patients", column: column, rowID: id, rowVersion: version)
    }

    static func dekContext(_ id: UUID) -> [UInt8] { Array("patients:dek:\(id.uuidString.lowercased())".utf8) }

    func newDEK(for id: UUID) -> (SecureBytes, Data) {
        let dek = SecureBytes.random(count: AEAD.keyBytes, storage: .transient)
        return (dek, Data(AEAD.wrap(dek, with: fieldKey, aad: Self.dekContext(id))))
    }

    func unwrapDEK(_ wrapped: Data, id: UUID) throws -> SecureBytes {
        do { return try AEAD.unwrap(wrapped, with: fieldKey, aad: Self.dekContext(id), storage: .transient) } catch {
            throw MedoraError(.recordDamaged, ["entity": "patient key"])
        }
    }

    func seal(_ d: PatientDraft, id: UUID, version: Int, dek: SecureBytes) -> SealedFields {
        let c = FieldCipher(key: dek)
        let ctx = { Self.context($0, id, version) }
        return SealedFields(
            firstName: .seal(d.firstName, cipher: c, ctx("first_name")),
            lastName: .seal(d.lastName, cipher: c, ctx("last_name")),
            middleName: .sealOptional(d.middleName, cipher: c, ctx("middle_name")),
            phone: .sealOptional(d.phone, cipher: c, ctx("phone")),
            birthDate: .sealOptional(d.birthDate, cipher: c, ctx("birth_date")),
            sex: .sealOptional(d.sex?.rawValue, cipher: c, ctx("sex")),
            address: .sealOptional(d.address, cipher: c, ctx("address")),
            nationalID: .sealOptional(d.nationalID, cipher: c, ctx("national_id")),
            notes: .sealOptional(d.notes, cipher: c, ctx("notes")))
    }

    func record(for draft: PatientDraft, id: UUID, ownerID: UUID, now: Date) -> PatientRecord {
        let (dek, wrapped) = newDEK(for: id)
        return PatientRecord(id: id, ownerID: ownerID, wrappedDEK: wrapped,
                             fields: seal(draft, id: id, version: 1, dek: dek),
                             version: 1, createdAt: now, updatedAt: now)
    }

    func open(_ r: PatientRecord) throws -> Patient {
        let c = FieldCipher(key: try unwrapDEK(r.wrappedDEK, id: r.id))
        let ctx = { Self.context($0, r.id, r.version) }
        let f = r.fields
        let details = PatientDraft(
            firstName: try f.firstName.open(cipher: c, ctx("first_name")),
            lastName: try f.lastName.open(cipher: c, ctx("last_name")),
            middleName: try f.middleName.open(cipher: c, ctx("middle_name")),
            phone: try f.phone.open(cipher: c, ctx("phone")),
            birthDate: try f.birthDate.open(cipher: c, ctx("birth_date")),
            sex: try f.sex.open(cipher: c, ctx("sex")).flatMap(Sex.init(rawValue:)),
            address: try f.address.open(cipher: c, ctx("address")),
            nationalID: try f.nationalID.open(cipher: c, ctx("national_id")),
            notes: try f.notes.open(cipher: c, ctx("notes")))
        return Patient(id: r.id, ownerID: r.ownerID, details: details, version: r.version,
                       createdAt: r.createdAt, updatedAt: r.updatedAt)
    }

    /// The columns the search index is built from.
    struct IndexRow: Sendable {
        var id: UUID
        var ownerID: UUID
        var version: Int
        var wrappedDEK: Data
        var firstName: EncryptedField
        var lastName: EncryptedField
        var middleName: EncryptedField?
        var phone: EncryptedField?

        /// Columns by position, in the order of `PatientRepository.buildIndex`'s SELECT.
        init(row: Row) {
            id = row[0]
            ownerID = row[1]
            version = row[2]
            wrappedDEK = row[3]
            firstName = row[4]
            lastName = row[5]
            middleName = row[6]
            phone = row[7]
        }
    }

    /// Only what the search index needs: names and phone.
    func searchDocument(_ r: IndexRow) throws -> SearchDocument {
        let c = FieldCipher(key: try unwrapDEK(r.wrappedDEK, id: r.id))
        let ctx = { Self.context($0, r.id, r.version) }
        return SearchDocument(id: r.id, ownerID: r.ownerID,
                              firstName: try r.firstName.open(cipher: c, ctx("first_name")),
                              lastName: try r.lastName.open(cipher: c, ctx("last_name")),
                              middleName: try r.middleName.open(cipher: c, ctx("middle_name")),
                              phone: try r.phone.open(cipher: c, ctx("phone")))
    }
}
