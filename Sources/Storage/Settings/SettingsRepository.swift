import Foundation
import GRDB
import Synchronization

public protocol SettingsRepository: Sendable {
    /// The settings in force (held in memory; read at unlock).
    var current: ClinicSettings { get }
    func save(_ settings: ClinicSettings) async throws
}

/// Settings as authenticated rows of `settings`: a row edited in the file fails its MAC and
/// the standard value is used instead (and `check` names the row).
public final class SQLiteSettingsRepository: SettingsRepository {
    let database: AppDatabase
    let ledger: IntegrityLedger
    let sessions: SessionActivity
    private let settings = Mutex(ClinicSettings.standard)

    init(database: AppDatabase, ledger: IntegrityLedger, sessions: SessionActivity) {
        self.database = database
        self.ledger = ledger
        self.sessions = sessions
    }

    public var current: ClinicSettings { settings.withLock { $0 } }

    /// Reads the stored settings (intact rows only) and puts them in force.
    func load() throws {
        let (auth, table) = (ledger.auth, AuthenticatedTable.settings)
        let stored = try database.pool.read { db in
            try Row.fetchAll(db, sql: table.selectAll).reduce(into: [String: String]()) { map, row in
                guard auth.verify(table, row), let key: String = try? row.value("key"), let value: String = try? row.value("value")
                else { return }
                map[key] = value
            }
        }
        apply(ClinicSettings(stored: stored))
    }

    public func save(_ new: ClinicSettings) async throws {
        let (ledger, now) = (self.ledger, Date())
        try await database.write { db in
            var ids: [UUID] = []
            for (key, value) in new.stored {
                let id = try UUID.fetchOne(db, sql: "SELECT id FROM settings WHERE key = ?", arguments: [key]) ?? UUID()
                try db.execute(sql: """
                    INSERT INTO settings (id, key, value, updated_at) VALUES (?, ?, ?, ?)
                    ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at
                    """, arguments: [id, key, value, now])
                ids.append(id)
            }
            try ledger.seal(db, .settings, ids: ids)
        }
        apply(new)
    }

    private func apply(_ new: ClinicSettings) {
        settings.withLock { $0 = new }
        sessions.idle = new.idleTimeout
    }
}
