import Foundation
import GRDB
import MedoraCrypto

/// Encrypts `PatientDraft`s into records and decrypts them back. Each patient has its own data
/// key (DEK), wrapped by the field subkey under `patients:dek:<id>`; each cell is bound to
/// `patients:<column>:<id>:<version>`.
struct PatientCodec: Sendable {
    let fieldKey: SecureBytes
    let auth: RowAuthenticator

    /// `patients:dek:<id>`: the data key is bound to its patient.
    static func dekContext(_ id: UUID) -> [UInt8] {
        FieldContext(table: PatientField.table, column: "dek", rowID: id, rowVersion: 0).associatedData(withVersion: false)
    }

    func newDEK(for id: UUID) -> (SecureBytes, Data) {
        let dek = SecureBytes.random(count: AEAD.keyBytes, storage: .transient)
        return (dek, Data(AEAD.wrap(dek, with: fieldKey, aad: Self.dekContext(id))))
    }

    func unwrapDEK(_ wrapped: Data, id: UUID) throws(RowDamage) -> SecureBytes {
        guard let dek = try? AEAD.unwrap(wrapped, with: fieldKey, aad: Self.dekContext(id), storage: .transient) else {
            throw RowDamage(column: "dek", reason: .key)
        }
        return dek
    }

    func seal(_ draft: PatientDraft, id: UUID, version: Int, dek: SecureBytes) -> SealedCells<PatientField> {
        SealedCells(sealing: draft.values, id: id, version: version, cipher: FieldCipher(key: dek))
    }

    func record(for draft: PatientDraft, id: UUID, ownerID: UUID, now: Date) -> PatientRecord {
        let (dek, wrapped) = newDEK(for: id)
        return PatientRecord(id: id, ownerID: ownerID, wrappedDEK: wrapped,
                             fields: seal(draft, id: id, version: 1, dek: dek),
                             version: 1, createdAt: now, updatedAt: now)
    }

    /// Decrypts `fields` of a decoded record (all by default).
    func open(_ r: PatientRecord, fields: [PatientField] = PatientField.allCases) throws(RowDamage) -> Patient {
        let cipher = FieldCipher(key: try unwrapDEK(r.wrappedDEK, id: r.id))
        let values = try r.fields.open(id: r.id, version: r.version, cipher: cipher, fields: fields)
        return Patient(id: r.id, ownerID: r.ownerID, details: PatientDraft(values), version: r.version,
                       createdAt: r.createdAt, updatedAt: r.updatedAt)
    }

    /// A row read from the file, checked in full before anything of it is used: decoded (type),
    /// its data key and cells opened (key, ciphertext), its MAC verified (authentication). Either
    /// the patient, or the damage as `check` and lists report it.
    func inspect(_ row: Row, fields: [PatientField] = PatientField.allCases) -> Result<(PatientRecord, Patient), DamagedRecord> {
        let damage = { (d: RowDamage) in
            DamagedRecord(table: PatientField.table, id: try? row.uuid("id"),
                          rowNumber: (try? row.value("row_number", as: Int64.self)) ?? 0, column: d.column,
                          reason: d.reason, ownerID: try? row.uuid("owner_id"))
        }
        do throws(RowDamage) {
            let record = try PatientRecord(decoding: row)
            let patient = try open(record, fields: fields)
            guard auth.verify(.patients, row) else { throw RowDamage(column: nil, reason: .authentication) }
            return .success((record, patient))
        } catch {
            return .failure(damage(error))
        }
    }
}

extension SearchDocument {
    /// The indexed fields of a patient.
    init(id: UUID, ownerID: UUID, _ values: [PatientField: String]) {
        self.init(id: id, ownerID: ownerID, firstName: values[.firstName] ?? "", lastName: values[.lastName] ?? "",
                  middleName: values[.middleName], phone: values[.phone])
    }
}
