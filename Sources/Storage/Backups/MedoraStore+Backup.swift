import Foundation
import GRDB
import MedoraCrypto

/// One backup file, as listed and made.
public struct BackupInfo: Sendable, Equatable {
    public var path: String
    public var fileBytes: Int64
    public var createdAt: Date
    public var databaseBytes: Int64
}

/// What verifying a backup found: it decrypted in full, SQLite's integrity check passed, and the
/// decrypted database opened with its keys and every record checked out.
public struct BackupVerification: Sendable {
    public var info: BackupInfo
    public var patients: Int
    public var users: Int
    public var report: IntegrityReport
    public var isGood: Bool { report.isHealthy || report.damaged.isEmpty && report.rowSets.isEmpty && report.sqliteIntegrity == ["ok"] }
}

extension MedoraStore {
    /// An online snapshot through SQLite's backup API (writes may go on meanwhile), encrypted into
    /// `<dir>/medora-YYYYMMDD-HHMMSS.mlbak` (`dir`: the data directory's `backups/` unless given).
    /// The snapshot (the database file as it is, patient fields still sealed) exists only while it
    /// is encrypted, in the data directory's `backups/` (mode 0600), never on the destination: a USB
    /// stick only ever receives the encrypted file. It is a throwaway file, so it is written with
    /// no journal and no fsync.
    public func backup(to directory: String? = nil, appVersion: String = "unknown", record: Bool = true,
                       progress: (Int64, Int64) -> Void = { _, _ in }) async throws -> BackupInfo {
        let dir = directory ?? self.directory.backupsPath
        // Recorded before the snapshot, so the backup holds its own entry and carries its head.
        if record { try await audit.recordNow(.backupCreate) }
        do {
            try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw MedoraError(.notAccessible, ["path": dir, "detail": "cannot create the directory"])
        }
        let now = clock.now()
        let final = Self.freshName(in: dir, at: now)
        let local = self.directory.backupsPath
        if local != dir { try? FileManager.default.createDirectory(atPath: local, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700]) }
        let snapshot = (local as NSString).appendingPathComponent(".snapshot-\(UUID.random().uuidString).db")
        defer { for suffix in ["", "-wal", "-shm", "-journal"] { unlink(snapshot + suffix) } }
        do {
            var configuration = Configuration()
            configuration.prepareDatabase { db in
                try db.execute(sql: "PRAGMA journal_mode = OFF")
                try db.execute(sql: "PRAGMA synchronous = OFF")
            }
            let fd = Foundation.open(snapshot, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
            guard fd >= 0 else { throw MedoraError(.notAccessible, ["path": local, "detail": String(cString: strerror(errno))]) }
            Foundation.close(fd)
            let target = try DatabaseQueue(path: snapshot, configuration: configuration)
            try database.pool.backup(to: target)
            try target.close()
        } catch let e as MedoraError {
            throw e
        } catch {
            throw AppDatabase.mapError(error, path: snapshot)
        }
        let slots = try await database.read { db in try KeySlotStore.fetchAll(db) }
        let auditHead: AuditHead
        do {
            let queue = try DatabaseQueue(path: snapshot)
            auditHead = try await queue.read { db in try AuditTrail.head(db) }
            try queue.close()
        } catch {
            throw AppDatabase.mapError(error, path: snapshot)
        }
        let size = Self.fileSize(snapshot)
        let header = BackupFile.Header(createdAt: now, appVersion: appVersion, databaseBytes: size, slots: slots, auditHead: auditHead)
        try BackupFile.write(source: snapshot, to: final, header: header, key: keyring.subkey(.backup)) { progress($0, size) }
        // The erasure ledger travels with the backups, so a restore on another machine honours it.
        let erased = try await database.read { db in try self.patientRepository.erasures.stored(db) }
        try patientRepository.erasures.add(erased.union(patientRepository.erasures.read(self.directory)), folder: dir)
        return BackupInfo(path: final, fileBytes: Self.fileSize(final), createdAt: now, databaseBytes: size)
    }

    /// The audit head written in a backup, once the whole file has decrypted with this
    /// installation's keys (so the header is authentic); nil for a backup older than the trail.
    public func auditHead(ofBackup path: String) async throws -> AuditHead? {
        let (header, _) = try BackupFile.header(at: path)
        try BackupFile.decrypt(path, key: keyring.subkey(.backup), to: nil)
        return header.auditHead
    }

    /// Verifies a backup with this installation's own keys (scheduled backups need no passphrase).
    public func verifyBackup(at path: String) async throws -> BackupVerification {
        try await Self.verify(path, keyring: keyring, stagingIn: directory.backupsPath)
    }

    /// Verifies a backup with a passphrase, keyfile or recovery key, using the key slots it carries.
    /// The decrypted copy is checked in `stagingIn` (the system's temporary folder unless given),
    /// never beside the backup on a USB stick.
    public static func verifyBackup(at path: String, secret: UnlockSecret, stagingIn staging: String? = nil) async throws -> BackupVerification {
        try await verify(path, keyring: try keyring(for: path, secret: secret), stagingIn: staging ?? NSTemporaryDirectory())
    }

    /// The backups in a directory, newest first (files that are not backups are left out).
    public static func listBackups(in directory: String) -> [BackupInfo] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return names.filter { $0.hasSuffix(".mlbak") }.compactMap { name -> BackupInfo? in
            let path = (directory as NSString).appendingPathComponent(name)
            guard let (header, _) = try? BackupFile.header(at: path) else { return nil }
            return BackupInfo(path: path, fileBytes: fileSize(path), createdAt: header.createdAt, databaseBytes: header.databaseBytes)
        }.sorted { $0.createdAt > $1.createdAt }
    }

    /// Replaces the installation's database with a backup: the whole file is verified first
    /// (decrypted beside the database and checked), then swapped in by rename; the old database is
    /// kept beside as `medora.db.before-restore-<time>`. Always refused while a server holds the
    /// directory; over an existing database only with `replacing` (the CLI's `--force`).
    /// Returns the kept file's path (nil when there was no database).
    @discardableResult
    public static func restore(from path: String, secret: UnlockSecret, into dir: DataDirectory, replacing: Bool = false,
                               clock: WallClock = SystemClock()) async throws -> String? {
        try dir.createDirectories()
        let lock = try DataDirectoryLock(dir)
        defer { _ = lock }
        guard replacing || !FileManager.default.fileExists(atPath: dir.databasePath) else {
            throw MedoraError(.restoreNeedsForce, ["path": dir.url.path])
        }
        let keyring = try keyring(for: path, secret: secret)
        let erasures = ErasureLedger(keyring: keyring)
        let erasedSince = currentErasures(dir, keyring: keyring)
            .union(erasures.read(folder: (path as NSString).deletingLastPathComponent))
        let staged = dir.databasePath + ".restore-\(UUID.random().uuidString)"
        defer { for suffix in ["", "-wal", "-shm"] { unlink(staged + suffix) } }
        try BackupFile.decrypt(path, key: keyring.subkey(.backup), to: staged)
        let verification = try await check(decrypted: staged, keyring: keyring, info: BackupInfo(path: path, fileBytes: fileSize(path),
                                                                                        createdAt: clock.now(), databaseBytes: fileSize(staged))) { store in
            // Before it goes live: patients erased since the backup was made are erased again, and
            // the restore is recorded in the restored trail.
            try await store.patientRepository.applyErasures(from: dir, extra: erasedSince, writeFile: false)
            try await store.audit.recordNow(.backupRestore)
        }
        guard verification.isGood else {
            throw BackupFile.invalid(path, "the restored database does not check out")
        }
        var kept: String?
        let fm = FileManager.default
        if fm.fileExists(atPath: dir.databasePath) {
            let old = dir.databasePath + ".before-restore-" + stamp(clock.now())
            for suffix in ["", "-wal", "-shm"] where fm.fileExists(atPath: dir.databasePath + suffix) {
                guard rename(dir.databasePath + suffix, old + suffix) == 0 else {
                    throw MedoraError(.notAccessible, ["path": dir.databasePath, "detail": String(cString: strerror(errno))])
                }
            }
            kept = old
        }
        guard rename(staged, dir.databasePath) == 0 else {
            throw MedoraError(.notAccessible, ["path": dir.databasePath, "detail": String(cString: strerror(errno))])
        }
        DurableFile.syncDirectory(dir.url.path)
        return kept
    }

    // MARK: Helpers

    /// The erasure ledger of the database about to be replaced, as far as it can be read (the
    /// file beside it holds the same entries unless the last erasure's process died in between).
    static func currentErasures(_ dir: DataDirectory, keyring: Keyring) -> Set<ErasureLedger.Entry> {
        guard FileManager.default.fileExists(atPath: dir.databasePath) else { return [] }
        var config = Configuration()
        config.readonly = true
        guard let queue = try? DatabaseQueue(path: dir.databasePath, configuration: config) else { return [] }
        defer { try? queue.close() }
        return (try? queue.read { db in try ErasureLedger(keyring: keyring).stored(db) }) ?? []
    }

    static func keyring(for path: String, secret: UnlockSecret) throws -> Keyring {
        let (header, _) = try BackupFile.header(at: path)
        return Keyring(masterKey: try KeySlotStore.unlock(header.slots, with: try resolve(secret)))
    }

    static func verify(_ path: String, keyring: Keyring, stagingIn dir: String) async throws -> BackupVerification {
        let (header, _) = try BackupFile.header(at: path)
        try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let staged = (dir as NSString).appendingPathComponent(".verify-\(UUID.random().uuidString).db")
        defer { for suffix in ["", "-wal", "-shm"] { unlink(staged + suffix) } }
        try BackupFile.decrypt(path, key: keyring.subkey(.backup), to: staged, durable: false)
        return try await check(decrypted: staged, keyring: keyring,
                               info: BackupInfo(path: path, fileBytes: fileSize(path), createdAt: header.createdAt, databaseBytes: header.databaseBytes))
    }

    /// Opens a decrypted database with the keys (read-only use) and checks every record.
    static func check(decrypted path: String, keyring: Keyring, info: BackupInfo,
                      then: (MedoraStore) async throws -> Void = { _ in }) async throws -> BackupVerification {
        let database = try AppDatabase(path: path)
        defer { try? database.close() }
        let format = try await database.read { db in try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'format'") }
        guard format == "medora-lite/1" else { throw BackupFile.invalid(info.path, "not a Medora database inside") }
        let store = try MedoraStore(directory: DataDirectory(path: (path as NSString).deletingLastPathComponent), database: database,
                                    keyring: keyring, clock: SystemClock(), hashing: BlockingWorkLimiter())
        try database.migrate(store.ledger)
        // `check` scans every table itself (MACs, set digests, every patient opened).
        let report = try await store.check()
        let verification = BackupVerification(info: info, patients: report.patients, users: report.users, report: report)
        if verification.isGood { try await then(store) }
        return verification
    }

    /// `YYYYMMDD-HHMMSS` in UTC, for file names.
    static func stamp(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd-HHmmss"
        return formatter.string(from: date)
    }

    static func freshName(in dir: String, at date: Date) -> String {
        let stem = "medora-" + stamp(date)
        var name = (dir as NSString).appendingPathComponent(stem + ".mlbak")
        var n = 2
        while FileManager.default.fileExists(atPath: name) {
            name = (dir as NSString).appendingPathComponent("\(stem)-\(n).mlbak")
            n += 1
        }
        return name
    }

    static func fileSize(_ path: String) -> Int64 {
        ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber)?.int64Value ?? 0
    }
}
