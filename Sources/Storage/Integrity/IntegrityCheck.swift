import Foundation
import GRDB
import MedoraCrypto

/// What `medora-lite check` reports: SQLite's own integrity check, the key slots, record counts,
/// every record that does not decode, authenticate or decrypt (by id), and every table whose set
/// of rows does not match its digest.
public struct IntegrityReport: Sendable {
    public struct SlotInfo: Sendable {
        public var kind: String
        public var opsLimit: UInt64
        public var memLimit: UInt64
        public var acceptable: Bool
    }

    public var sqliteIntegrity: [String]
    public var foreignKeyViolations: Int
    public var slots: [SlotInfo]
    public var migrations: [String]
    public var users: Int
    public var patients: Int
    public var deletedPatients: Int
    public var sessions: Int
    public var damaged: [DamagedRecord]
    public var rowSets: [DigestFinding]
    /// The audit trail's chain walked in full (`audit verify`).
    public var audit: AuditVerification?

    public var isHealthy: Bool {
        sqliteIntegrity == ["ok"] && foreignKeyViolations == 0 && damaged.isEmpty && rowSets.isEmpty && audit?.problem == nil
            && slots.allSatisfy(\.acceptable) && slots.contains { $0.kind == "recovery" }
    }
}

extension MedoraStore {
    public func check() async throws -> IntegrityReport {
        try scanAtUnlock()
        let (damaged, rowSets) = (damagedRecords, integrityFindings)
        let audit = try? await self.audit.verify()
        return try await database.read { db in
            // SQLite's check can itself stop at a damaged page: that is its finding.
            let integrity: [String]
            do { integrity = try String.fetchAll(db, sql: "PRAGMA integrity_check") } catch { integrity = ["\(error)"] }
            // A damaged index page can make these throw; integrity_check above names it, so the
            // report carries on with what it can count.
            let fk = (try? Row.fetchAll(db, sql: "PRAGMA foreign_key_check").count) ?? 0
            let slots = try KeySlotStore.fetchAll(db).map { s in
                IntegrityReport.SlotInfo(kind: s.kind.rawValue, opsLimit: s.parameters.opsLimit,
                                         memLimit: s.parameters.memLimit,
                                         acceptable: s.kind != .passphrase || s.parameters.isAcceptable)
            }
            let migrations = try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations")
            let count = { (sql: String) in (try? Int.fetchOne(db, sql: sql)) ?? 0 }
            return IntegrityReport(
                sqliteIntegrity: integrity, foreignKeyViolations: fk, slots: slots, migrations: migrations,
                users: count("SELECT COUNT(*) FROM users"),
                patients: count("SELECT COUNT(*) FROM patients WHERE deleted_at IS NULL"),
                deletedPatients: count("SELECT COUNT(*) FROM patients WHERE deleted_at IS NOT NULL"),
                sessions: count("SELECT COUNT(*) FROM sessions"),
                damaged: damaged, rowSets: rowSets, audit: audit)
        }
    }
}
