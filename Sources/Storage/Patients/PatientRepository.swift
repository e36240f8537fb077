import Foundation

/// Patients of one doctor, decrypted at the boundary. HTTP handlers and commands see only this
/// protocol, so a server edition can put PostgreSQL behind it with the same field encryption.
public protocol PatientRepository: Sendable {
    /// Validates and stores a new patient owned by `ownerID`.
    func create(_ draft: PatientDraft, ownerID: UUID) async throws -> Patient
    /// The patient if it exists, is not deleted and belongs to `ownerID`; otherwise nil. A damaged
    /// record of this owner throws `recordDamaged` naming its id.
    func find(id: UUID, ownerID: UUID) async throws -> Patient?
    /// Replaces the details. `expectedVersion` (when given) must match the stored version. A
    /// damaged record is never overwritten (`recordDamaged`).
    func update(id: UUID, ownerID: UUID, details: PatientDraft, expectedVersion: Int?) async throws -> Patient?
    /// Soft-deletes; returns false if there was no such patient for this owner.
    func delete(id: UUID, ownerID: UUID) async throws -> Bool
    /// Lists (empty query) or searches the owner's patients, ordered and paginated; the page names
    /// the owner's damaged records by id.
    func search(ownerID: UUID, query: String?, limit: Int, offset: Int) async throws -> PatientPage
    /// Stores many validated patients in one transaction (imports, demo and benchmark data).
    func importMany(_ drafts: [PatientDraft], ownerID: UUID) async throws -> Int
}
