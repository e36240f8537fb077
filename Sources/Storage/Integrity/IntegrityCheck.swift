import Foundation
import GRDB
import MedoraCrypto

/// What `medora-lite check` reports: SQLite's own integrity check, the key slots, record counts,
/// and whether every stored patient still decrypts.
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
    public var undecryptablePatients: Int

    public var isHealthy: Bool {
        sqliteIntegrity == ["ok"] && foreignKeyViolations == 0 && undecryptablePatients == 0
            && slots.allSatisfy(\.acceptable) && slots.contains { $0.kind == "recovery" }
    }
}

extension MedoraStore {
    public func check() async throws -> IntegrityReport {
        let codec = patientRepository.codec
        return try await database.read { db in
            let integrity = try String.fetchAll(db, sql: "PRAGMA integrity_check")
            let fk = try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").count
            let slots = try KeySlotStore.fetchAll(db).map { s in
                IntegrityReport.SlotInfo(kind: s.kind.rawValue, opsLimit: s.parameters.opsLimit,
                                         memLimit: s.parameters.memLimit,
                                         acceptable: s.kind != .passphrase || s.parameters.isAcceptable)
            }
            let migrations = try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations")
            var bad = 0, live = 0, deleted = 0
            let cursor = try PatientRecord.fetchCursor(db, sql: "SELECT * FROM patients")
            while let r = try cursor.next() {
                if r.deletedAt != nil { deleted += 1; continue }
                live += 1
                if (try? codec.open(r)) == nil { bad += 1 }
            }
            return IntegrityReport(
                sqliteIntegrity: integrity, foreignKeyViolations: fk, slots: slots, migrations: migrations,
                users: try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM users") ?? 0,
                patients: live, deletedPatients: deleted,
                sessions: try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM sessions") ?? 0,
                undecryptablePatients: bad)
        }
    }
}
