import Foundation

/// Patients of one doctor, decrypted at the boundary. HTTP handlers and commands see only this
/// protocol, so a server edition can put PostgreSQL behind it with the same field encryption.
public protocol PatientRepository: Sendable {
    /// Validates and stores a new patient owned by `ownerID`.
    func create(_ draft: PatientDraft, ownerID: UUID) async throws -> Patient
    /// The patient if it exists, is not deleted and is in `scope`; otherwise nil. A damaged record
    /// in the scope throws `recordDamaged` naming its id.
    func find(id: UUID, scope: PatientScope) async throws -> Patient?
    /// Replaces the details (the owner stays). `expectedVersion` (when given) must match the stored
    /// version. A damaged record is never overwritten (`recordDamaged`).
    func update(id: UUID, scope: PatientScope, details: PatientDraft, expectedVersion: Int?) async throws -> Patient?
    /// Moves to the trash (soft delete, erased for good after 30 days); returns false if there was
    /// no such patient in the scope.
    func delete(id: UUID, scope: PatientScope) async throws -> Bool
    /// Erases for good (data key destroyed, rows deleted, id in the erasure ledger), whether the
    /// patient is live, in the trash or damaged; false if there was no such patient in the scope.
    func erase(id: UUID, scope: PatientScope) async throws -> Bool
    /// The trash in `scope`, most recently deleted first.
    func trash(scope: PatientScope) async throws -> [TrashedPatient]
    /// Takes a patient out of the trash; nil if there is no such patient in the trash.
    func restoreFromTrash(id: UUID, scope: PatientScope) async throws -> Patient?
    /// Lists (empty query) or searches the patients in the scope, ordered and paginated; the page
    /// names the scope's damaged records by id.
    func search(scope: PatientScope, query: String?, limit: Int, offset: Int) async throws -> PatientPage
    /// Counts for the dashboard, and the most recently changed patients.
    func statistics(scope: PatientScope, since: Date, recent: Int) async throws -> PatientStatistics
    /// Stores many validated patients in one transaction (imports, demo and benchmark data);
    /// their ids, in the drafts' order.
    @discardableResult
    func importMany(_ drafts: [PatientDraft], ownerID: UUID) async throws -> [UUID]
}

/// The single-owner forms, for callers that act as one doctor (commands, tests, benchmarks).
extension PatientRepository {
    public func find(id: UUID, ownerID: UUID) async throws -> Patient? { try await find(id: id, scope: .owner(ownerID)) }
    public func update(id: UUID, ownerID: UUID, details: PatientDraft, expectedVersion: Int?) async throws -> Patient? {
        try await update(id: id, scope: .owner(ownerID), details: details, expectedVersion: expectedVersion)
    }
    public func delete(id: UUID, ownerID: UUID) async throws -> Bool { try await delete(id: id, scope: .owner(ownerID)) }
    public func search(ownerID: UUID, query: String?, limit: Int, offset: Int) async throws -> PatientPage {
        try await search(scope: .owner(ownerID), query: query, limit: limit, offset: offset)
    }
}

/// What the dashboard shows of the patients in a scope.
public struct PatientStatistics: Sendable, Equatable {
    public var patients: Int
    /// Created, and changed (created or edited), since the start of the period asked for.
    public var createdSince: Int
    public var changedSince: Int
    /// Analyses of these patients.
    public var analyses: Int = 0
    /// The most recently changed patients, newest first.
    public var recent: [Patient]
}
