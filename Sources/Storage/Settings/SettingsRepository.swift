import Foundation
import GRDB
import MedoraCrypto
import Synchronization

public protocol SettingsRepository: Sendable {
    /// The settings in force (held in memory; read at unlock).
    var current: ClinicSettings { get }
    func save(_ settings: ClinicSettings) async throws
    /// Counts one AI reading for `owner` in `month` (`YYYY-MM`) if fewer than `limit` were counted;
    /// false when the limit is reached. Atomic: two requests cannot both take the last one.
    func consumeAIUse(owner: UUID, month: String, limit: Int) async throws -> Bool
    /// AI readings counted for `owner` in `month`.
    func aiUses(owner: UUID, month: String) async throws -> Int
}

/// Settings as authenticated rows of `settings`: a row edited in the file fails its MAC and
/// the standard value is used instead (and `check` names the row). The AI key is sealed with
/// the field key; the AI usage counters are rows of their own (`ai_usage:<owner>:<month>`).
public final class SQLiteSettingsRepository: SettingsRepository {
    let database: AppDatabase
    let ledger: IntegrityLedger
    let sessions: SessionActivity
    let cipher: FieldCipher
    private let settings = Mutex(ClinicSettings.standard)
    static let keyContext = FieldContext(table: "settings", column: "ai_key", rowID: UUID(uuid: (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)), rowVersion: 0)

    let audit: AuditTrail

    init(database: AppDatabase, ledger: IntegrityLedger, sessions: SessionActivity, keyring: Keyring, audit: AuditTrail) {
        self.database = database
        self.audit = audit
        self.ledger = ledger
        self.sessions = sessions
        self.cipher = FieldCipher(key: keyring.subkey(.field))
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
        var loaded = ClinicSettings(stored: stored)
        loaded.ai.key = stored["ai_key"].flatMap { Data(base64Encoded: $0) }
            .flatMap { try? EncryptedField(sealed: $0).open(cipher: cipher, Self.keyContext) }
        apply(loaded)
    }

    public func save(_ new: ClinicSettings) async throws {
        var rows = new.stored
        rows["ai_key"] = new.ai.key.map { EncryptedField.seal($0, cipher: cipher, Self.keyContext).sealed.base64EncodedString() } ?? ""
        try await put(rows)
        apply(new)
    }

    /// Writes settings rows (inserted or changed) and seals them.
    private func put(_ rows: [String: String]) async throws {
        let (ledger, now, audit, actor) = (self.ledger, Date(), self.audit, AuditActor.current)
        try await database.write { db in
            try audit.record(db, .settingsChange, actor: actor)
            var ids: [UUID] = []
            for (key, value) in rows {
                ids.append(try Self.upsert(db, key: key, value: value, now: now))
            }
            try ledger.seal(db, .settings, ids: ids)
        }
    }

    static func upsert(_ db: Database, key: String, value: String, now: Date) throws -> UUID {
        let id = try UUID.fetchOne(db, sql: "SELECT id FROM settings WHERE key = ?", arguments: [key]) ?? UUID.random()
        try db.execute(sql: """
            INSERT INTO settings (id, key, value, updated_at) VALUES (?, ?, ?, ?)
            ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at
            """, arguments: [id, key, value, now])
        return id
    }

    static func usageKey(_ owner: UUID, _ month: String) -> String { "ai_usage:\(owner.uuidString.lowercased()):\(month)" }

    public func consumeAIUse(owner: UUID, month: String, limit: Int) async throws -> Bool {
        let (ledger, auth, table, key) = (self.ledger, ledger.auth, AuthenticatedTable.settings, Self.usageKey(owner, month))
        return try await database.write { db in
            // An edited counter does not authenticate: it counts as the limit reached.
            var used = 0
            if let row = try Row.fetchOne(db, sql: table.selectAll + " WHERE key = ?", arguments: [key]) {
                guard auth.verify(table, row), let v: String = try? row.value("value"), let n = Int(v) else { return false }
                used = n
            }
            guard used < limit else { return false }
            let id = try Self.upsert(db, key: key, value: String(used + 1), now: Date())
            try ledger.seal(db, .settings, id: id)
            return true
        }
    }

    public func aiUses(owner: UUID, month: String) async throws -> Int {
        let (auth, table, key) = (ledger.auth, AuthenticatedTable.settings, Self.usageKey(owner, month))
        return try await database.read { db in
            guard let row = try Row.fetchOne(db, sql: table.selectAll + " WHERE key = ?", arguments: [key]), auth.verify(table, row),
                  let v: String = try? row.value("value") else { return 0 }
            return Int(v) ?? 0
        }
    }

    private func apply(_ new: ClinicSettings) {
        settings.withLock { $0 = new }
        sessions.idle = new.idleTimeout
    }
}
