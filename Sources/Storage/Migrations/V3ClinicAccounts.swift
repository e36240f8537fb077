import GRDB

/// Roles in practice: an assistant's doctor, the time each user accepted the terms, each user's
/// language; and the clinic's settings. Users' rows gain three authenticated columns, so every
/// intact row is re-MACed over the new column list in the same transaction (a row that did not
/// authenticate before keeps its old MAC and stays damaged).
enum V3ClinicAccounts {
    static func migrate(_ db: Database, _ ledger: IntegrityLedger) throws {
        try db.execute(sql: """
            ALTER TABLE users ADD COLUMN doctor_id BLOB REFERENCES users(id);
            ALTER TABLE users ADD COLUMN consent_at DATETIME;
            ALTER TABLE users ADD COLUMN language TEXT;
            CREATE INDEX users_doctor ON users(doctor_id);
            CREATE TABLE settings (
                id BLOB PRIMARY KEY NOT NULL,
                key TEXT NOT NULL UNIQUE,
                value TEXT NOT NULL,
                updated_at DATETIME NOT NULL,
                row_mac BLOB
            );
            """)
        try ledger.remac(db, from: V2RowIntegrity.users, to: users)
        try ledger.sealAll(db, settings)
    }

    /// The authenticated columns as this migration left them.
    static let users = AuthenticatedTable(
        name: "users",
        columns: V2RowIntegrity.users.columns + ["doctor_id", "consent_at", "language"])
    static let settings = AuthenticatedTable(name: "settings", columns: ["id", "key", "value", "updated_at"])
}
