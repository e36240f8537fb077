import Foundation
import GRDB
import MedoraCrypto
import Synchronization

/// Owns the one `DatabasePool` on `medora.db`. Every connection is set up with the safety
/// settings the product relies on and is refused if one of them does not take effect.
final class AppDatabase: Sendable {
    let pool: DatabasePool
    private let closed = Mutex(false)
    let path: String
    /// How long accesses waited for a connection (the pool's queue), for `/metrics`.
    let waits = Mutex(PoolWaits())

    /// Opens (or, when `create` is true, creates) the database file. Does not migrate: the schema is
    /// only touched after the data key has been unlocked, so a wrong passphrase changes nothing.
    init(path: String, create: Bool = false) throws {
        self.path = path
        let exists = FileManager.default.fileExists(atPath: path)
        if !exists && !create { throw MedoraError(.notInitialized, ["path": (path as NSString).deletingLastPathComponent]) }
        if exists { try Self.checkHeader(path: path) }
        try SQLiteLibrary.check()
        do {
            pool = try DatabasePool(path: path, configuration: Self.configuration())
            // GRDB switches the writer to synchronous=NORMAL after `prepareDatabase` when it enables
            // WAL; a clinic's records want FULL (no lost commit on power failure), so set it again.
            try pool.writeWithoutTransaction { db in
                try db.execute(sql: "PRAGMA synchronous = FULL")
                try Self.assertSafeSettings(db)
            }
            try pool.read { db in try Self.assertSafeSettings(db) }
        } catch {
            throw Self.mapError(error, path: path)
        }
    }

    static func configuration() -> Configuration {
        var config = Configuration()
        config.foreignKeysEnabled = true
        config.busyMode = .timeout(10)
        config.label = "medora"
        config.prepareDatabase { db in
            if !db.configuration.readonly {
                try db.execute(sql: "PRAGMA journal_mode = WAL")
            }
            try db.execute(sql: "PRAGMA synchronous = FULL; PRAGMA secure_delete = ON; PRAGMA foreign_keys = ON")
            try assertSafeSettings(db)
            WorkDeadline.install(on: db)
        }
        return config
    }

    /// The settings every connection must have: WAL, synchronous=FULL (2), foreign_keys, secure_delete.
    static func assertSafeSettings(_ db: Database) throws {
        let journal = try String.fetchOne(db, sql: "PRAGMA journal_mode")?.lowercased() ?? "?"
        guard journal == "wal" else { throw MedoraError(.unsafeConnection, ["detail": "journal_mode=\(journal)"]) }
        let sync = try Int.fetchOne(db, sql: "PRAGMA synchronous") ?? -1
        guard sync == 2 else { throw MedoraError(.unsafeConnection, ["detail": "synchronous=\(sync)"]) }
        let fk = try Int.fetchOne(db, sql: "PRAGMA foreign_keys") ?? 0
        guard fk == 1 else { throw MedoraError(.unsafeConnection, ["detail": "foreign_keys=\(fk)"]) }
        let sd = try Int.fetchOne(db, sql: "PRAGMA secure_delete") ?? 0
        guard sd == 1 else { throw MedoraError(.unsafeConnection, ["detail": "secure_delete=\(sd)"]) }
    }

    /// A quick look at the first 16 bytes so a stray file gives a clear message instead of a
    /// SQLite error deep inside the pool's set-up.
    static func checkHeader(path: String) throws {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw MedoraError(.notAccessible, ["path": path, "detail": "permission denied"])
        }
        defer { try? handle.close() }
        let head = (try? handle.read(upToCount: 16)) ?? Data()
        if head.isEmpty { throw MedoraError(.corruptDatabase, ["path": path, "detail": "empty file"]) }
        guard head == Data("SQLite format 3\0".utf8) else {
            throw MedoraError(.corruptDatabase, ["path": path, "detail": "not a SQLite file"])
        }
    }

    /// Reads the key slots through a short-lived read-only connection, before the pool (whose
    /// set-up writes) is opened: a wrong passphrase must leave the data directory exactly as it
    /// was. With no WAL content beside the file (a clean shutdown checkpoints it away) the file is
    /// opened immutable, which creates no `-wal` or `-shm`; otherwise committed slots may be in the
    /// WAL, so it is read.
    static func readKeySlots(path: String) throws -> [KeySlot] {
        guard FileManager.default.fileExists(atPath: path) else { throw MedoraError(.notInitialized, ["path": (path as NSString).deletingLastPathComponent]) }
        try checkHeader(path: path)
        var config = Configuration()
        config.readonly = true
        config.busyMode = .timeout(10)
        let wal = (try? FileManager.default.attributesOfItem(atPath: path + "-wal")[.size] as? Int) ?? 0
        let target = wal > 0 ? path : URL(fileURLWithPath: path).absoluteString + "?immutable=1"
        do {
            let queue = try DatabaseQueue(path: target, configuration: config)
            defer { try? queue.close() }
            return try queue.read { db in try KeySlotStore.fetchAll(db) }
        } catch {
            throw mapError(error, path: path)
        }
    }

    func migrate(_ ledger: IntegrityLedger) throws {
        do { try Migrations.migrator(ledger).migrate(pool) } catch { throw Self.mapError(error, path: path) }
    }

    /// Checkpoints the WAL into the file (leaving it empty) and closes every connection. A second
    /// close does nothing (a closed pool must not be touched again).
    func close() throws {
        let first = closed.withLock { wasClosed in
            defer { wasClosed = true }
            return !wasClosed
        }
        guard first else { return }
        try? pool.writeWithoutTransaction { db in _ = try db.checkpoint(.truncate) }
        try pool.close()
    }

    func write<T: Sendable>(_ body: @Sendable @escaping (Database) throws -> T) async throws -> T {
        let deadline = WorkDeadline.current, asked = ContinuousClock.now
        do {
            return try await pool.write { db in
                self.recordWait(since: asked, write: true)
                return try WorkDeadline.run(deadline, on: db, body)
            }
        } catch { throw Self.mapError(error, path: path) }
    }

    func read<T: Sendable>(_ body: @Sendable @escaping (Database) throws -> T) async throws -> T {
        let deadline = WorkDeadline.current, asked = ContinuousClock.now
        do {
            return try await pool.read { db in
                self.recordWait(since: asked, write: false)
                return try WorkDeadline.run(deadline, on: db, body)
            }
        } catch { throw Self.mapError(error, path: path) }
    }

    private func recordWait(since asked: ContinuousClock.Instant, write: Bool) {
        let waited = ContinuousClock.now - asked
        let seconds = Double(waited.components.seconds) + Double(waited.components.attoseconds) / 1e18
        waits.withLock { w in
            if write { w.writes += 1; w.writeSeconds += seconds } else { w.reads += 1; w.readSeconds += seconds }
            w.longest = max(w.longest, seconds)
        }
    }

    func readSync<T>(_ body: (Database) throws -> T) throws -> T {
        do { return try pool.read(body) } catch { throw Self.mapError(error, path: path) }
    }

    /// Turns SQLite failures into `MedoraError`s with a clear meaning. Other errors pass through.
    static func mapError(_ error: Error, path: String) -> Error {
        guard let dbError = error as? DatabaseError else { return error }
        switch dbError.resultCode {
        case .SQLITE_NOTADB, .SQLITE_CORRUPT:
            return MedoraError(.corruptDatabase, ["path": path, "detail": dbError.resultCode.description])
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            return MedoraError(.locked, ["detail": dbError.resultCode.description])
        case .SQLITE_FULL:
            return MedoraError(.diskFull)
        case .SQLITE_CANTOPEN, .SQLITE_READONLY, .SQLITE_PERM, .SQLITE_AUTH:
            return MedoraError(.notAccessible, ["path": path, "detail": dbError.resultCode.description])
        case .SQLITE_IOERR:
            return MedoraError(.notAccessible, ["path": path, "detail": "I/O error"])
        default:
            return error
        }
    }
}

/// Accesses to the database and the time they spent waiting for a connection.
public struct PoolWaits: Sendable, Equatable {
    public var reads = 0
    public var writes = 0
    public var readSeconds = 0.0
    public var writeSeconds = 0.0
    public var longest = 0.0
}
