import Foundation
import GRDB

/// The explicit repair step an administrator takes after reading `check`'s report. Nothing here
/// runs on its own: damaged records stay quarantined and row-set findings stay reported until
/// then.
public struct RepairPlan: Sendable {
    /// Accept the rows of every table as they now are: the digests are recomputed (after a
    /// reviewed rollback, a deleted row, or an altered integrity record). Damaged rows stay damaged.
    public var acceptRowSets: Bool
    /// Damaged records to remove for good (patients with their analyses, analyses, sessions, or users
    /// who own no patients).
    public var remove: [UUID]

    public init(acceptRowSets: Bool = false, remove: [UUID] = []) {
        self.acceptRowSets = acceptRowSets
        self.remove = remove
    }
}

extension MedoraStore {
    /// Carries out `plan` in one transaction, then checks the whole file again.
    public func repair(_ plan: RepairPlan) async throws -> IntegrityReport {
        try scanAtUnlock()
        let damaged = damagedRecords
        for id in plan.remove where !damaged.contains(where: { $0.id == id }) {
            throw MedoraError(.notFound, ["record": id.uuidString.lowercased()])
        }
        let (ledger, audit, actor) = (self.ledger, self.audit, AuditActor.current)
        try await database.write { db in
            if plan.acceptRowSets {
                for table in AuthenticatedTable.all { try ledger.acceptCurrentSet(db, table) }
                try audit.record(db, .repairAccept, actor: actor)
            }
            for record in damaged where record.id.map(plan.remove.contains) == true {
                guard let table = AuthenticatedTable.named(record.table) else { continue }
                if table == .users,
                   try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM patients WHERE owner_id = ?", arguments: [record.id]) ?? 0 > 0 {
                    throw MedoraError(.userHasPatients)
                }
                if table == .users { try ledger.delete(db, .sessions, where: "user_id = ?", arguments: [record.id]) }
                // A patient goes with their analyses (sealed under the patient's key, unreadable without it).
                if table == .patients { try ledger.delete(db, .analyses, where: "patient_id = ?", arguments: [record.id]) }
                try ledger.delete(db, table, where: "rowid = ?", arguments: [record.rowNumber])
                try audit.record(db, .repairRemove, entity: record.id, patient: table == .patients ? record.id : nil, actor: actor)
            }
        }
        return try await check()
    }
}
