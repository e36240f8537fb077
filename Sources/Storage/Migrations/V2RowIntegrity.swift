import GRDB

/// Row MACs on every authenticated table and one keyed set digest per table. Rows written before
/// are sealed in the same transaction, so no database is ever half-protected.
enum V2RowIntegrity {
    static func migrate(_ db: Database, _ ledger: IntegrityLedger) throws {
        try db.execute(sql: """
            ALTER TABLE users ADD COLUMN row_mac BLOB;
            ALTER TABLE patients ADD COLUMN row_mac BLOB;
            ALTER TABLE sessions ADD COLUMN row_mac BLOB;
            CREATE TABLE integrity_digests (
                table_name TEXT PRIMARY KEY NOT NULL,
                digest BLOB NOT NULL,
                row_count INTEGER NOT NULL,
                mac BLOB NOT NULL
            );
            """)
        for table in tables { try ledger.sealAll(db, table) }
    }

    /// The authenticated columns as this migration left them (frozen: later migrations change the
    /// live definitions in `AuthenticatedTable`, and re-MAC from these).
    static let users = AuthenticatedTable(
        name: "users",
        columns: ["id", "role", "login", "password_hash", "display_name_enc", "version", "status", "created_at", "updated_at"])
    static let patients = AuthenticatedTable(
        name: "patients",
        columns: ["id", "owner_id", "dek", "first_name_enc", "last_name_enc", "middle_name_enc", "phone_enc", "birth_date_enc",
                  "sex_enc", "address_enc", "national_id_enc", "notes_enc", "version", "created_at", "updated_at", "deleted_at"])
    static let sessions = AuthenticatedTable(
        name: "sessions",
        columns: ["id", "token_hash", "user_id", "csrf", "created_at", "expires_at", "ip", "user_agent"])
    static let tables = [users, patients, sessions]
}
