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

    public var isHealthy: Bool {
        sqliteIntegrity == ["ok"] && foreignKeyViolations == 0 && damaged.isEmpty && rowSets.isEmpty
            && slots.allSatisfy(\.acceptable) && slots.contains { $0.kind == "recovery" }
    }
}

extension MedoraStore {
    public func check() async throws -> IntegrityReport {
        try scanAtUnlock()
        let (damaged, rowSets) = (damagedRecords, integrityFindings)
        return try await database.read { db in
            let integrity = try String.fetchAll(db, sql: "PRAGMA integrity_check")
            let fk = try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").count
            let slots = try KeySlotStore.fetchAll(db).map { s in
                IntegrityReport.SlotInfo(kind: s.kind.rawValue, opsLimit: s.parameters.opsLimit,
                                         memLimit: s.parameters.memLimit,
                                         acceptable: s.kind != .passphrase || s.parameters.isAcceptable)
            }
            let migrations = try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations")
            let count = { (sql: String) in try Int.fetchOne(db, sql: sql) ?? 0 }
            return IntegrityReport(
                sqliteIntegrity: integrity, foreignKeyViolations: fk, slots: slots, migrations: migrations,
                users: try count("SELECT COUNT(*) FROM users"),
                patients: try count("SELECT COUNT(*) FROM patients WHERE deleted_at IS NULL"),
                deletedPatients: try count("SELECT COUNT(*) FROM patients WHERE deleted_at IS NOT NULL"),
                sessions: try count("SELECT COUNT(*) FROM sessions"),
                damaged: damaged, rowSets: rowSets)
        }
    }
}
