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
        for table in AuthenticatedTable.all { try ledger.sealAll(db, table) }
    }
}
