import Foundation
import MedoraCrypto

/// Encrypts `PatientDraft`s into records and decrypts them back. Each patient has its own data
/// key (DEK), wrapped by the field subkey under `patients:dek:<id>`; each cell is bound to
/// `patients:<column>:<id>:<version>`.
struct PatientCodec: Sendable {
    let fieldKey: SecureBytes

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

    func seal(_ draft: PatientDraft, id: UUID, version: Int, dek: SecureBytes) -> SealedCells<PatientField> {
        SealedCells(sealing: draft.values, id: id, version: version, cipher: FieldCipher(key: dek))
    }

    func record(for draft: PatientDraft, id: UUID, ownerID: UUID, now: Date) -> PatientRecord {
        let (dek, wrapped) = newDEK(for: id)
        return PatientRecord(id: id, ownerID: ownerID, wrappedDEK: wrapped,
                             fields: seal(draft, id: id, version: 1, dek: dek),
                             version: 1, createdAt: now, updatedAt: now)
    }

    func open(_ r: PatientRecord) throws -> Patient {
        let cipher = FieldCipher(key: try unwrapDEK(r.wrappedDEK, id: r.id))
        let values = try r.fields.open(id: r.id, version: r.version, cipher: cipher)
        return Patient(id: r.id, ownerID: r.ownerID, details: PatientDraft(values), version: r.version,
                       createdAt: r.createdAt, updatedAt: r.updatedAt)
    }

    /// Only what the search index needs: names and phone.
    func searchDocument(_ r: PatientIndexRow) throws -> SearchDocument {
        let cipher = FieldCipher(key: try unwrapDEK(r.wrappedDEK, id: r.id))
        let values = try r.fields.open(id: r.id, version: r.version, cipher: cipher, fields: PatientField.indexed)
        return SearchDocument(id: r.id, ownerID: r.ownerID, values)
    }
}

extension SearchDocument {
    /// The indexed fields of a patient.
    init(id: UUID, ownerID: UUID, _ values: [PatientField: String]) {
        self.init(id: id, ownerID: ownerID, firstName: values[.firstName] ?? "", lastName: values[.lastName] ?? "",
                  middleName: values[.middleName], phone: values[.phone])
    }
}
