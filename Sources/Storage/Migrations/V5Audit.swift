import GRDB

/// The audit trail (a MAC chain: see `AuditEntry`; its head is a row of `integrity_digests`) and
/// the erasure ledger (patients erased for good: ids and times only, each row under its own MAC).
/// One index, for a patient's access panel: every index is written by every entry.
enum V5Audit {
    static func migrate(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE audit_log (
                seq INTEGER PRIMARY KEY NOT NULL,
                at INTEGER NOT NULL,
                actor BLOB,
                origin TEXT NOT NULL,
                action TEXT NOT NULL,
                entity TEXT NOT NULL,
                entity_id BLOB,
                patient_id BLOB,
                ip TEXT,
                prev_hash BLOB NOT NULL,
                mac BLOB NOT NULL
            );
            CREATE INDEX audit_log_patient ON audit_log(patient_id, seq) WHERE patient_id IS NOT NULL;
            CREATE TABLE erasures (
                patient_id BLOB PRIMARY KEY NOT NULL,
                erased_at INTEGER NOT NULL,
                mac BLOB NOT NULL
            );
            """)
    }
}
