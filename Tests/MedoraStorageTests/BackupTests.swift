import Foundation
import GRDB
import XCTest
import MedoraCrypto
import MedoraTestSupport
@testable import MedoraStorage

/// Encrypted snapshots: written while the database takes writes, verified in full, restored
/// anywhere with the passphrase or the recovery key, refused when truncated, altered or opened
/// with the wrong key, and never holding a patient's name in clear.
final class BackupTests: XCTestCase {
    var temp: TempDataDirectory!
    var recoveryKey: String!
    var store: MedoraStore!
    var doctor: User!

    override func setUp() async throws {
        temp = try TempDataDirectory()
        recoveryKey = try await temp.initialize()
        store = try await temp.open()
        doctor = try await store.users.create(login: "dr.k", password: "long-enough-pass", displayName: "Dr K", role: .doctor)
        for i in 0..<40 {
            _ = try await store.patients.create(PatientDraft(firstName: "Zarina\(["", "x", "y", "z"][i % 4])".filter(\.isLetter),
                                                             lastName: "Sentinelova", phone: "+99890\(1_000_000 + i)"), ownerID: doctor.id)
        }
    }

    override func tearDown() async throws {
        try? store?.close()
        store = nil
        temp = nil
    }

    func testABackupMadeUnderWritesVerifiesAndHoldsNoPlaintext() async throws {
        // Writes go on while the snapshot is taken.
        let writer = Task { [store, doctor] in
            for i in 0..<30 {
                _ = try await store!.patients.create(PatientDraft(firstName: "Concurrent", lastName: "Writer\(String(repeating: "a", count: i % 5 + 1))"),
                                                     ownerID: doctor!.id)
            }
        }
        let info = try await store.backup(appVersion: "test")
        try await writer.value
        XCTAssertTrue(info.path.hasPrefix(temp.dir.backupsPath))
        XCTAssertTrue((info.path as NSString).lastPathComponent.range(of: #"^medora-\d{8}-\d{6}\.mlbak$"#, options: .regularExpression) != nil)
        let verified = try await store.verifyBackup(at: info.path)
        XCTAssertTrue(verified.isGood, "\(verified.report.damaged) \(verified.report.rowSets)")
        XCTAssertGreaterThanOrEqual(verified.patients, 40)
        let bytes = try XCTUnwrap(FileManager.default.contents(atPath: info.path))
        for secret in ["Sentinelova", "Zarina", "Dr K", "SQLite format 3", "medora-lite/1"] {
            XCTAssertFalse(bytes.contains(secret), "\(secret) in clear in the backup")
        }
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: temp.dir.backupsPath).filter { !$0.hasSuffix(".mlbak") }
        XCTAssertEqual(leftovers, [], "no snapshot or partial file left behind")
        XCTAssertEqual(MedoraStore.listBackups(in: temp.dir.backupsPath).map(\.path), [info.path])
    }

    func testRestoreElsewhereWithTheRecoveryKeyAfterThePassphraseChanged() async throws {
        let info = try await store.backup()
        try await store.changePassphrase(to: "a brand new passphrase", kdf: .interactive)
        // The backup still opens with the passphrase it was made under, and with the recovery key.
        let byOld = try await MedoraStore.verifyBackup(at: info.path, secret: .passphrase(TempDataDirectory.passphrase))
        XCTAssertTrue(byOld.isGood)
        do {
            _ = try await MedoraStore.verifyBackup(at: info.path, secret: .passphrase("a brand new passphrase"))
            XCTFail("the new passphrase is not in the backup's slots")
        } catch let e as MedoraError { XCTAssertEqual(e.kind, .wrongSecret) }

        let elsewhere = try TempDataDirectory()
        let copy = elsewhere.dir.url.deletingLastPathComponent().appendingPathComponent("carried-\(UUID().uuidString).mlbak").path
        try FileManager.default.copyItem(atPath: info.path, toPath: copy)
        defer { unlink(copy) }
        let kept = try await MedoraStore.restore(from: copy, secret: .recoveryKey(recoveryKey), into: elsewhere.dir)
        XCTAssertNil(kept, "nothing to keep in a new folder")
        let restored = try await MedoraStore.open(elsewhere.dir, secret: .recoveryKey(recoveryKey))
        defer { try? restored.close() }
        let page = try await restored.patients.search(ownerID: doctor.id, query: "sentinelova", limit: 100, offset: 0)
        XCTAssertEqual(page.total, 40, "the same patients, decrypted with the restored key slots")
        let report = try await restored.check()
        XCTAssertTrue(report.isHealthy, "\(report.damaged) \(report.rowSets)")
    }

    func testRestoreOverAnInstallationKeepsTheOldDatabaseAndRefusesWhileAServerRuns() async throws {
        let info = try await store.backup()
        _ = try await store.patients.create(PatientDraft(firstName: "After", lastName: "Backup"), ownerID: doctor.id)
        try store.close()
        do {
            let lock = try DataDirectoryLock(temp.dir)
            do {
                _ = try await MedoraStore.restore(from: info.path, secret: .recoveryKey(recoveryKey), into: temp.dir)
                XCTFail("restored under a running server")
            } catch let e as MedoraError { XCTAssertEqual(e.kind, .locked) }
            do {
                _ = try await MedoraStore.restore(from: info.path, secret: .recoveryKey(recoveryKey), into: temp.dir, replacing: true)
                XCTFail("forced under a running server")
            } catch let e as MedoraError { XCTAssertEqual(e.kind, .locked, "--force never overrides a running server") }
            withExtendedLifetime(lock) {}
        }
        let current = try XCTUnwrap(FileManager.default.contents(atPath: temp.dir.databasePath))
        do {
            _ = try await MedoraStore.restore(from: info.path, secret: .recoveryKey(recoveryKey), into: temp.dir)
            XCTFail("replaced a database without being asked to")
        } catch let e as MedoraError { XCTAssertEqual(e.kind, .restoreNeedsForce) }
        XCTAssertEqual(FileManager.default.contents(atPath: temp.dir.databasePath), current, "nothing changed without --force")
        let kept = try await MedoraStore.restore(from: info.path, secret: .recoveryKey(recoveryKey), into: temp.dir, replacing: true)
        let old = try XCTUnwrap(kept)
        XCTAssertTrue(old.contains("medora.db.before-restore-"))
        XCTAssertTrue(FileManager.default.fileExists(atPath: old), "the previous database is kept")
        store = try await temp.open()
        let after = try await store.patients.search(ownerID: doctor.id, query: "after backup", limit: 10, offset: 0)
        XCTAssertEqual(after.total, 0, "the restored database is the backup's")
        let before = try await store.patients.search(ownerID: doctor.id, query: "sentinelova", limit: 100, offset: 0)
        XCTAssertEqual(before.total, 40)
    }

    func testTruncatedAlteredAndWrongKeyBackupsAreRefusedAndNothingChanges() async throws {
        let info = try await store.backup()
        let original = try XCTUnwrap(FileManager.default.contents(atPath: info.path))
        try store.close()
        let before = try XCTUnwrap(FileManager.default.contents(atPath: temp.dir.databasePath))
        func attempt(_ bytes: Data, _ what: String, expect kinds: [ErrorKind]) async throws {
            let path = info.path + ".\(what).mlbak"
            FileManager.default.createFile(atPath: path, contents: bytes)
            defer { unlink(path) }
            do {
                _ = try await MedoraStore.verifyBackup(at: path, secret: .recoveryKey(recoveryKey))
                XCTFail("\(what) verified")
            } catch let e as MedoraError { XCTAssertTrue(kinds.contains(e.kind), "\(what): \(e.kind)") }
        }
        try await attempt(original.prefix(original.count - 1), "truncated-by-one", expect: [.backupInvalid])
        try await attempt(original.prefix(original.count / 2), "half", expect: [.backupInvalid])
        try await attempt(original.prefix(20), "header-only", expect: [.backupInvalid])
        try await attempt(Data("not a backup at all".utf8), "text", expect: [.backupInvalid])
        for offset in [original.count - 3, original.count / 2, 9, 14, 200] {
            var flipped = original
            flipped[offset] ^= 0x20
            try await attempt(flipped, "flip-\(offset)", expect: [.backupInvalid, .wrongSecret, .tamperedKeySlot])
        }
        try await attempt(original + Data([1, 2, 3]), "appended", expect: [.backupInvalid])
        do {
            _ = try await MedoraStore.verifyBackup(at: info.path, secret: .passphrase("not the passphrase"))
            XCTFail("a wrong passphrase verified")
        } catch let e as MedoraError { XCTAssertEqual(e.kind, .wrongSecret) }
        do {
            _ = try await MedoraStore.restore(from: info.path, secret: .passphrase("not the passphrase"), into: temp.dir, replacing: true)
            XCTFail("restored with a wrong passphrase")
        } catch let e as MedoraError { XCTAssertEqual(e.kind, .wrongSecret) }
        XCTAssertEqual(FileManager.default.contents(atPath: temp.dir.databasePath), before, "the database is untouched")
    }
}

final class BackupRetentionTests: XCTestCase {
    func testAllOfTheLastDayThenOneADayThenOneAMonth() {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let now = calendar.date(from: DateComponents(year: 2026, month: 11, day: 27, hour: 12))!
        // A backup every 5 minutes for the last 2 days, then one every 6 hours back to 400 days.
        var dates: [Date] = []
        for m in stride(from: 0, to: 2 * 24 * 60, by: 5) { dates.append(now.addingTimeInterval(-Double(m) * 60)) }
        for h in stride(from: 48, to: 400 * 24, by: 6) { dates.append(now.addingTimeInterval(-Double(h) * 3600)) }
        let expired = BackupRetention().expired(dates, now: now)
        let kept = Set(dates).subtracting(expired)
        let lastDay = dates.filter { now.timeIntervalSince($0) <= 24 * 3600 }
        XCTAssertTrue(Set(lastDay).isSubset(of: kept), "every backup of the last 24 hours")
        let older = kept.filter { now.timeIntervalSince($0) > 24 * 3600 }
        let days = Set(older.filter { $0 >= calendar.date(byAdding: .day, value: -30, to: now)! }
            .map { calendar.dateComponents([.year, .month, .day], from: $0) })
        XCTAssertEqual(days.count, older.filter { $0 >= calendar.date(byAdding: .day, value: -30, to: now)! }.count, "one a day")
        XCTAssertGreaterThanOrEqual(days.count, 29)
        let monthly = older.filter { $0 < calendar.date(byAdding: .day, value: -30, to: now)! }
        XCTAssertEqual(Set(monthly.map { calendar.dateComponents([.year, .month], from: $0) }).count, monthly.count, "one a month")
        XCTAssertTrue((11...12).contains(monthly.count), "\(monthly.count)")
        XCTAssertTrue(older.allSatisfy { $0 >= calendar.date(byAdding: .month, value: -12, to: now)! }, "nothing older than a year")
        XCTAssertTrue(kept.contains(dates.max()!))
        XCTAssertEqual(BackupRetention().expired([now.addingTimeInterval(-5 * 365 * 86400)], now: now), [], "the only backup stays")
    }
}

final class BackupSchedulerTests: XCTestCase {
    func testScheduledBackupsWhenDueAndChangedIntoBothFolders() async throws {
        let temp = try TempDataDirectory()
        try await temp.initialize()
        let clock = MutableClock(Date())
        let store = try await temp.open(clock: clock)
        defer { try? store.close() }
        let usb = temp.dir.url.appendingPathComponent("usb").path
        var settings = store.settings.current
        settings.backupFolder = usb
        try await store.settings.save(settings)
        // What a process killed mid-backup leaves behind is cleared when the scheduler starts.
        let leftovers = [".snapshot-1234.db", ".snapshot-1234.db-wal", "medora-20260101-000000.mlbak.partial"]
        try FileManager.default.createDirectory(atPath: temp.dir.backupsPath, withIntermediateDirectories: true)
        for name in leftovers { FileManager.default.createFile(atPath: temp.dir.backupsPath + "/" + name, contents: Data("plain".utf8)) }
        let scheduler = BackupScheduler(store: store, appVersion: "test")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: temp.dir.backupsPath), [])
        XCTAssertNil(scheduler.status.lastGood)
        XCTAssertTrue(scheduler.status.isStale(now: clock.now()))

        let first = await scheduler.runIfDue()
        XCTAssertTrue(first, "the first one is due at once")
        XCTAssertTrue(scheduler.status.secondFolderMissing, "the USB folder is absent: skipped, with a warning")
        XCTAssertNotNil(scheduler.status.lastGood)
        XCTAssertFalse(scheduler.status.isStale(now: clock.now()))
        let tooSoon = await scheduler.runIfDue()
        XCTAssertFalse(tooSoon, "not before the interval")

        clock.set(clock.now().addingTimeInterval(6 * 60))
        try await Task.sleep(for: .milliseconds(20))
        let unchanged = await scheduler.runIfDue()
        XCTAssertFalse(unchanged, "nothing changed since the last one")

        try FileManager.default.createDirectory(atPath: usb, withIntermediateDirectories: true)
        _ = try await store.users.create(login: "dr.new", password: "long-enough-pass", displayName: "New", role: .doctor)
        clock.set(clock.now().addingTimeInterval(6 * 60))
        let changed = await scheduler.runIfDue()
        XCTAssertTrue(changed)
        XCTAssertFalse(scheduler.status.secondFolderMissing)
        XCTAssertEqual(MedoraStore.listBackups(in: usb).count, 1, "a copy in the second folder")
        XCTAssertEqual(MedoraStore.listBackups(in: temp.dir.backupsPath).count, 2)
        let verified = try await MedoraStore.verifyBackup(at: try XCTUnwrap(MedoraStore.listBackups(in: usb).first).path,
                                                         secret: .passphrase(TempDataDirectory.passphrase))
        XCTAssertTrue(verified.isGood)
        XCTAssertEqual(verified.users, 2, "the change is in it")
        clock.set(clock.now().addingTimeInterval(25 * 3600))
        XCTAssertTrue(scheduler.status.isStale(now: clock.now()), "a day without a good backup is a warning")
    }
}
