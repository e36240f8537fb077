import GRDB

/// Named schema migrations, in order. Once released a migration is frozen: changes go in a new one.
/// They run after the key is unlocked, so a migration may seal what it writes.
enum Migrations {
    static func migrator(_ ledger: IntegrityLedger) -> DatabaseMigrator {
        var m = DatabaseMigrator()
        m.registerMigration("v1-foundation", migrate: V1Foundation.migrate)
        m.registerMigration("v2-row-integrity") { db in try V2RowIntegrity.migrate(db, ledger) }
        m.registerMigration("v3-clinic-accounts") { db in try V3ClinicAccounts.migrate(db, ledger) }
        m.registerMigration("v4-analyses") { db in try V4Analyses.migrate(db, ledger) }
        m.registerMigration("v5-audit", migrate: V5Audit.migrate)
        return m
    }
}
