import Foundation
import Synchronization

/// Where the scheduled backups stand, for `/health/detailed` and the administrator's pages.
public struct BackupStatus: Sendable, Equatable {
    /// The newest backup known to be good (verified when it was made, or found at start).
    public var lastGood: BackupInfo?
    public var lastAttempt: Date?
    /// Why the last attempt failed (an error code), nil after a success.
    public var lastError: String?
    /// The second folder was absent at the last attempt (a USB stick not plugged in).
    public var secondFolderMissing = false
    /// Files verified by this process (decrypted in full, every record checked), by path.
    public var verified: Set<String> = []

    /// Whether the last good backup is older than a day (or there is none): worth a warning.
    public func isStale(now: Date) -> Bool {
        guard let good = lastGood else { return true }
        return now.timeIntervalSince(good.createdAt) > 24 * 3600
    }
}

/// The backups `serve` makes on its own: every `interval` minutes (a setting) when the database
/// changed since the last good one, into `backups/` and the optional second folder; each verified
/// (decrypted in full, every record checked) before it counts; old ones thinned out by the
/// retention rule.
public final class BackupScheduler: Sendable {
    public let store: MedoraStore
    let appVersion: String
    let retention: BackupRetention
    private let state: Mutex<BackupStatus>
    /// When the last good backup was made, by the wall clock (compared with file times).
    private let madeAt = Mutex<Date?>(nil)

    public init(store: MedoraStore, appVersion: String, retention: BackupRetention = BackupRetention()) {
        self.store = store
        self.appVersion = appVersion
        self.retention = retention
        Self.removeLeftovers(in: store.directory.backupsPath)
        let newest = MedoraStore.listBackups(in: store.directory.backupsPath).first
        state = Mutex(BackupStatus(lastGood: newest))
        // The newest file was verified when it was made (`serve` and `backup` both verify).
        if let newest { state.withLock { _ = $0.verified.insert(newest.path) } }
        madeAt.withLock { $0 = newest.flatMap { ((try? FileManager.default.attributesOfItem(atPath: $0.path))?[.modificationDate] as? Date) } }
    }

    public var status: BackupStatus { state.withLock { $0 } }

    /// Makes a backup if one is due (or `force`); returns whether one was made and verified.
    @discardableResult
    public func runIfDue(force: Bool = false) async -> Bool {
        let now = store.clock.now()
        let settings = store.settings.current
        let current = status
        if !force {
            if let last = current.lastAttempt, now.timeIntervalSince(last) < TimeInterval(settings.backupMinutes * 60) - 1 { return false }
            if current.lastGood != nil, let made = madeAt.withLock({ $0 }), !changed(since: made) { return false }
        }
        state.withLock { $0.lastAttempt = now }
        do {
            // Recorded before `started`, so the entry alone does not count as a change next time.
            try await store.audit.recordNow(.backupCreate)
        } catch {
            state.withLock { $0.lastError = (error as? MedoraError)?.kind.code ?? "internal_error" }
            return false
        }
        let started = Date()
        do {
            let info = try await store.backup(appVersion: appVersion, record: false)
            let verified = try await store.verifyBackup(at: info.path)
            guard verified.isGood else { throw MedoraError(.backupInvalid, ["path": info.path, "detail": "verification failed"]) }
            var missing = false
            if !settings.backupFolder.isEmpty {
                var isDir: ObjCBool = false
                if FileManager.default.fileExists(atPath: settings.backupFolder, isDirectory: &isDir), isDir.boolValue {
                    _ = try await store.backup(to: settings.backupFolder, appVersion: appVersion, record: false)
                    prune(settings.backupFolder, now: now)
                } else {
                    missing = true
                }
            }
            prune(store.directory.backupsPath, now: now)
            madeAt.withLock { $0 = started }
            state.withLock {
                $0.lastGood = info
                $0.verified.insert(info.path)
                $0.lastError = nil
                $0.secondFolderMissing = missing
            }
            return true
        } catch {
            let code = (error as? MedoraError)?.kind.code ?? "internal_error"
            state.withLock { $0.lastError = code }
            return false
        }
    }

    /// A process killed in the middle of a backup leaves its plaintext snapshot or a partial file:
    /// neither looks like a backup, and the snapshot must not stay on disk.
    static func removeLeftovers(in folder: String) {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        for name in names where name.hasPrefix(".snapshot-") || name.hasPrefix(".verify-") || name.hasSuffix(".mlbak.partial") {
            unlink((folder as NSString).appendingPathComponent(name))
        }
    }

    /// Whether the database file or its WAL changed after `date`.
    func changed(since date: Date) -> Bool {
        let fm = FileManager.default
        let path = store.directory.databasePath
        let times = [path, path + "-wal"].compactMap { (try? fm.attributesOfItem(atPath: $0))?[.modificationDate] as? Date }
        return times.contains { $0 > date }
    }

    func prune(_ folder: String, now: Date) {
        let backups = MedoraStore.listBackups(in: folder)
        let expired = retention.expired(backups.map(\.createdAt), now: now)
        for b in backups where expired.contains(b.createdAt) { unlink(b.path) }
    }
}
