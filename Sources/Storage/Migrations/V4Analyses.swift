import GRDB

/// Lab analyses of a patient: every field sealed under the patient's data key, rows authenticated
/// and counted in the set digest like every other table.
enum V4Analyses {
    static func migrate(_ db: Database, _ ledger: IntegrityLedger) throws {
        try db.execute(sql: """
            CREATE TABLE analyses (
                id BLOB PRIMARY KEY NOT NULL,
                patient_id BLOB NOT NULL REFERENCES patients(id),
                taken_on_enc BLOB NOT NULL,
                lab_enc BLOB,
                comment_enc BLOB,
                pregnant_enc BLOB NOT NULL,
                results_enc BLOB NOT NULL,
                reading_enc BLOB NOT NULL,
                version INTEGER NOT NULL,
                created_at DATETIME NOT NULL,
                updated_at DATETIME NOT NULL,
                row_mac BLOB
            );
            CREATE INDEX analyses_patient ON analyses(patient_id);
            """)
        try ledger.sealAll(db, analyses)
    }

    /// The authenticated columns as this migration created them.
    static let analyses = AuthenticatedTable(
        name: "analyses",
        columns: ["id", "patient_id", "taken_on_enc", "lab_enc", "comment_enc", "pregnant_enc", "results_enc", "reading_enc",
                  "version", "created_at", "updated_at"])
}
