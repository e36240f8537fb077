import Foundation
import GRDB
import XCTest
import MedoraCrypto
import MedoraTestSupport
@testable import MedoraStorage

final class StoreLifecycleTests: XCTestCase {
    func fileDigest(_ path: String) -> [UInt8]? {
        guard let d = FileManager.default.contents(atPath: path) else { return nil }
        let key = SecureBytes(copying: [UInt8](repeating: 7, count: 32))
        return KeyedHash.digest(d, key: key)
    }

    func testClosingTwiceIsHarmless() async throws {
        let temp = try TempDataDirectory()
        try await temp.initialize()
        let store = try await temp.open()
        try store.close()
        try store.close()
        let again = try await temp.open()
        let admin = try await again.users.find(login: "admin")
        XCTAssertNotNil(admin)
        try again.close()
    }

    func testWrongPassphraseIsRejectedAndDataUntouched() async throws {
        let temp = try TempDataDirectory()
        try await temp.initialize()
        let before = fileDigest(temp.dir.databasePath)
        let listing = try FileManager.default.contentsOfDirectory(atPath: temp.dir.url.path).sorted()
        do {
            _ = try await temp.open(.passphrase("not the passphrase"))
            XCTFail("opened with a wrong passphrase")
        } catch let e as MedoraError {
            XCTAssertEqual(e.kind, .wrongSecret)
        }
        XCTAssertEqual(fileDigest(temp.dir.databasePath), before)
        let after = try FileManager.default.contentsOfDirectory(atPath: temp.dir.url.path)
            .filter { !$0.hasSuffix("-wal") && !$0.hasSuffix("-shm") }.sorted()
        XCTAssertEqual(after, listing)
    }

    func testRecoveryKeyAndKeyfileOpenTheSameData() async throws {
        let temp = try TempDataDirectory()
        let recovery = try await temp.initialize(keyfile: true)
        var st = stat()
        XCTAssertEqual(stat(temp.dir.keyfilePath, &st), 0)
        XCTAssertEqual(st.st_mode & 0o777, 0o600)
        XCTAssertEqual(stat(temp.dir.databasePath, &st), 0)
        XCTAssertEqual(st.st_mode & 0o077, 0, "database readable by others")

        let s1 = try await temp.open(.recoveryKey(recovery.lowercased()))
        let admin = try await s1.users.find(login: "admin")
        XCTAssertEqual(admin?.displayName, "Admin")
        try s1.close()
        let s2 = try await temp.open(.keyfile(path: temp.dir.keyfilePath))
        let again = try await s2.users.find(login: "admin")
        XCTAssertEqual(again?.id, admin?.id)
        try s2.close()
        do {
            _ = try await temp.open(.recoveryKey("AAAA-BBBB"))
            XCTFail("garbage recovery key accepted")
        } catch let e as MedoraError { XCTAssertEqual(e.kind, .wrongSecret) }
    }

    func testKeyfileReadableByOthersIsRefused() async throws {
        let temp = try TempDataDirectory()
        try await temp.initialize(keyfile: true)
        chmod(temp.dir.keyfilePath, 0o644)
        do {
            _ = try await temp.open(.keyfile(path: temp.dir.keyfilePath))
            XCTFail("open keyfile accepted")
        } catch let e as MedoraError {
            XCTAssertEqual(e.kind, .notAccessible)
            XCTAssertTrue(e.arguments["detail"]?.contains("chmod 600") == true)
        }
    }

    func testChangingPassphraseRewritesOnlyTheSlot() async throws {
        let temp = try TempDataDirectory()
        try await temp.initialize()
        let store = try await temp.open()
        let doc = try await store.users.create(login: "doc", password: "doctor-password", displayName: "Doc", role: .doctor)
        let p = try await store.patients.create(PatientDraft(firstName: "Aziza", lastName: "Rahimova"), ownerID: doc.id)
        let before = try await store.database.read { db in try Data.fetchOne(db, sql: "SELECT first_name_enc FROM patients")! }
        try await store.changePassphrase(to: "a brand new passphrase", kdf: .interactive)
        try store.close()
        do {
            _ = try await temp.open()
            XCTFail("old passphrase still works")
        } catch let e as MedoraError { XCTAssertEqual(e.kind, .wrongSecret) }
        let reopened = try await temp.open(.passphrase("a brand new passphrase"))
        let after = try await reopened.database.read { db in try Data.fetchOne(db, sql: "SELECT first_name_enc FROM patients")! }
        XCTAssertEqual(before, after, "data must not be re-encrypted")
        let found = try await reopened.patients.find(id: p.id, ownerID: doc.id)
        XCTAssertEqual(found?.details.firstName, "Aziza")
        try reopened.close()
    }

    func testDowngradedSlotInDatabaseIsRefused() async throws {
        let temp = try TempDataDirectory()
        try await temp.initialize()
        let q = try DatabaseQueue(path: temp.dir.databasePath)
        try await q.write { db in try db.execute(sql: "UPDATE key_slots SET ops_limit = 1, mem_limit = 8192 WHERE kind = 'passphrase'") }
        try q.close()
        do {
            _ = try await temp.open()
            XCTFail("downgraded slot accepted")
        } catch let e as MedoraError { XCTAssertEqual(e.kind, .tamperedKeySlot) }
    }

    func testMissingCorruptAndForeignFilesGiveClearErrors() async throws {
        let temp = try TempDataDirectory()
        do {
            _ = try await temp.open()
            XCTFail()
        } catch let e as MedoraError {
            guard e.kind == .notInitialized else { return XCTFail("\(e)") }
        }
        try temp.dir.createDirectories()
        FileManager.default.createFile(atPath: temp.dir.databasePath, contents: Data("hello, not a database".utf8))
        do {
            _ = try await temp.open()
            XCTFail()
        } catch let e as MedoraError {
            guard e.kind == .corruptDatabase else { return XCTFail("\(e)") }
        }
        // A valid SQLite file that is not a Medora database.
        try FileManager.default.removeItem(atPath: temp.dir.databasePath)
        let q = try DatabaseQueue(path: temp.dir.databasePath)
        try await q.write { db in try db.execute(sql: "CREATE TABLE t(x)") }
        try q.close()
        do {
            _ = try await temp.open()
            XCTFail()
        } catch let e as MedoraError {
            guard e.kind == .corruptDatabase else { return XCTFail("\(e)") }
        }
    }

    func testDamagedPagesAreReportedNotCrashed() async throws {
        let temp = try TempDataDirectory()
        try await temp.initialize()
        // Overwrite the middle of the file (past the header) with junk.
        let handle = try XCTUnwrap(FileHandle(forUpdatingAtPath: temp.dir.databasePath))
        try handle.seek(toOffset: 4096)
        try handle.write(contentsOf: Data(repeating: 0xA5, count: 8192))
        try handle.close()
        do {
            let s = try await temp.open()
            let report = try await s.check()
            XCTAssertFalse(report.isHealthy)
        } catch let e as MedoraError {
            switch e.kind {
            case .corruptDatabase, .wrongSecret, .tamperedKeySlot: break
            default: XCTFail("\(e)")
            }
        }
    }

    func testSecondInitIsRefusedAndKeepsTheFirst() async throws {
        let temp = try TempDataDirectory()
        try await temp.initialize()
        let before = fileDigest(temp.dir.databasePath)
        do {
            try await temp.initialize()
            XCTFail("second init")
        } catch let e as MedoraError {
            guard e.kind == .alreadyInitialized else { return XCTFail("\(e)") }
        }
        XCTAssertEqual(fileDigest(temp.dir.databasePath), before)
    }

    func testEveryConnectionHasTheSafetySettings() async throws {
        let temp = try TempDataDirectory()
        try await temp.initialize()
        let store = try await temp.open()
        // Readers and the writer are separate connections; check both.
        let read = try await store.database.read { db in
            [try String.fetchOne(db, sql: "PRAGMA journal_mode")!, String(try Int.fetchOne(db, sql: "PRAGMA synchronous")!),
             String(try Int.fetchOne(db, sql: "PRAGMA foreign_keys")!), String(try Int.fetchOne(db, sql: "PRAGMA secure_delete")!)]
        }
        XCTAssertEqual(read, ["wal", "2", "1", "1"])
        let written = try await store.database.write { db in
            [try String.fetchOne(db, sql: "PRAGMA journal_mode")!, String(try Int.fetchOne(db, sql: "PRAGMA synchronous")!),
             String(try Int.fetchOne(db, sql: "PRAGMA foreign_keys")!), String(try Int.fetchOne(db, sql: "PRAGMA secure_delete")!)]
        }
        XCTAssertEqual(written, ["wal", "2", "1", "1"])
        let report = try await store.check()
        XCTAssertTrue(report.isHealthy, "\(report)")
        try store.close()
    }

    func testDataDirectoryLockIsExclusive() throws {
        let temp = try TempDataDirectory()
        try temp.dir.createDirectories()
        var first: DataDirectoryLock? = try DataDirectoryLock(temp.dir)
        XCTAssertThrowsError(try DataDirectoryLock(temp.dir))
        XCTAssertNotNil(first)
        first = nil
        XCTAssertNoThrow(try DataDirectoryLock(temp.dir))
    }

    func testSessionsStoreOnlyTokenHashesAndExpire() async throws {
        let temp = try TempDataDirectory()
        try await temp.initialize()
        var now = Date()
        let clockBox = MutableClock(now)
        let store = try await temp.open(clock: clockBox)
        let admin = try await store.users.find(login: "admin")!
        let (token, _) = try await store.sessions.create(userID: admin.id, ip: "127.0.0.1", userAgent: "test")
        let resolved = try await store.sessions.resolve(token: token)
        XCTAssertEqual(resolved?.1.id, admin.id)
        let missing = try await store.sessions.resolve(token: token + "x")
        XCTAssertNil(missing)
        try store.close()
        XCTAssertFalse(try temp.rawBytes().contains(token))
        let store2 = try await temp.open(clock: clockBox)
        now = now.addingTimeInterval(SQLiteSessionRepository.lifetime + 1)
        clockBox.set(now)
        let expired = try await store2.sessions.resolve(token: token)
        XCTAssertNil(expired)
        let purged = try await store2.sessions.purgeExpired()
        XCTAssertEqual(purged, 1)
        try store2.close()
    }

    func testPasswordsAuthenticateAndWrongOnesDoNot() async throws {
        let temp = try TempDataDirectory()
        try await temp.initialize()
        let store = try await temp.open()
        let ok = try await store.users.authenticate(login: "admin", password: "admin-password")
        XCTAssertEqual(ok?.login, "admin")
        let bad = try await store.users.authenticate(login: "admin", password: "admin-passwordx")
        XCTAssertNil(bad)
        let nobody = try await store.users.authenticate(login: "nobody", password: "admin-password")
        XCTAssertNil(nobody)
        do {
            _ = try await store.users.create(login: "ADMIN", password: "another-password", displayName: "x", role: .doctor)
            XCTFail("duplicate login (case-insensitive) accepted")
        } catch let e as MedoraError { XCTAssertEqual(e.kind, .duplicateLogin) }
        try store.close()
    }
}


extension StoreLifecycleTests {
    func testPasswordChangeAndLogoutEndCachedSessionsAtOnce() async throws {
        let temp = try TempDataDirectory()
        try await temp.initialize()
        let store = try await temp.open()
        let admin = try await store.users.find(login: "admin")!
        let (a, _) = try await store.sessions.create(userID: admin.id, ip: nil, userAgent: nil)
        let (b, _) = try await store.sessions.create(userID: admin.id, ip: nil, userAgent: nil)
        for t in [a, b] {
            let cached = try await store.sessions.resolve(token: t)
            XCTAssertNotNil(cached) // now in the cache
        }
        try await store.sessions.revoke(token: a)
        let afterLogout = try await store.sessions.resolve(token: a)
        XCTAssertNil(afterLogout)
        try await store.users.setPassword(userID: admin.id, password: "a-new-admin-password")
        let afterPasswordChange = try await store.sessions.resolve(token: b)
        XCTAssertNil(afterPasswordChange)
        try store.close()
    }
}
