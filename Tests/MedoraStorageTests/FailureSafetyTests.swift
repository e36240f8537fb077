import Foundation
import GRDB
import XCTest
import MedoraCrypto
import MedoraTestSupport
@testable import MedoraStorage

/// What happens when the disk fills up: the failing write is refused with a clear error, nothing
/// earlier is lost, the search index does not show the patient that was not stored, and writing
/// works again once there is room.
final class FailureSafetyTests: XCTestCase {
    func testFullDiskRefusesTheWriteAndKeepsEverythingElse() async throws {
        let temp = try TempDataDirectory()
        try await temp.initialize()
        let store = try await temp.open()
        let doc = try await store.users.create(login: "doc", password: "doctor-password", displayName: "Doc", role: .doctor)
        let kept = try await store.patients.create(PatientDraft(firstName: "Kept", lastName: "Before"), ownerID: doc.id)

        // SQLite reports SQLITE_FULL once the file may not grow: the same path as a full disk.
        let pages = try await store.database.read { db in try Int.fetchOne(db, sql: "PRAGMA page_count")! }
        try await store.database.pool.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA max_page_count = \(pages + 1)")
        }
        let big = String(repeating: "n", count: 9000)
        var refused: MedoraError?
        for i in 0..<20 {
            do {
                _ = try await store.patients.create(PatientDraft(firstName: "Filler", lastName: "Number", notes: big + "\(i)"),
                                                    ownerID: doc.id)
            } catch let e as MedoraError {
                refused = e
                break
            }
        }
        XCTAssertEqual(refused?.kind, .diskFull)
        let indexed = try await store.patients.search(ownerID: doc.id, query: nil, limit: 100, offset: 0)
        let stored = try await store.database.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM patients")! }
        XCTAssertEqual(indexed.total, stored, "the index shows exactly what was committed")
        let found = try await store.patients.find(id: kept.id, ownerID: doc.id)
        XCTAssertEqual(found?.details.firstName, "Kept")

        try await store.database.pool.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA max_page_count = 1073741823") }
        _ = try await store.patients.create(PatientDraft(firstName: "After", lastName: "Space"), ownerID: doc.id)
        let report = try await store.check()
        XCTAssertTrue(report.isHealthy)
        try store.close()
    }

    /// A backup onto a disk that fills up (a small tmpfs the test mounts, as root): refused as a
    /// full disk, nothing left there that looks like a backup, the database untouched; with room
    /// again, the next backup works.
    func testABackupThatFillsTheDiskLeavesNothingBehindAndTheDatabaseUntouched() async throws {
        guard getuid() == 0 else { throw XCTSkip("mounting a tmpfs needs root") }
        let temp = try TempDataDirectory()
        try await temp.initialize()
        let store = try await temp.open()
        defer { try? store.close() }
        let doc = try await store.users.create(login: "doc", password: "doctor-password", displayName: "Doc", role: .doctor)
        for i in 0..<60 {
            _ = try await store.patients.create(PatientDraft(firstName: "Filler", lastName: "Number", notes: String(repeating: "n", count: 2000) + "\(i)"),
                                                ownerID: doc.id)
        }
        let pages = try await store.database.read { db in try Int.fetchOne(db, sql: "PRAGMA page_count")! * Int.fetchOne(db, sql: "PRAGMA page_size")! }
        func sh(_ tool: String, _ args: [String]) -> Int32 {
            let p = Process()
            p.executableURL = URL(fileURLWithPath: tool)
            p.arguments = args
            try? p.run()
            p.waitUntilExit()
            return p.terminationStatus
        }
        let before = try await store.check()
        // The destination (a USB stick) with room for half or nine tenths of the backup; then the
        // data directory's own backups folder, where the snapshot is taken, with room for half the
        // database: the snapshot does not fit.
        let stick = temp.dir.url.deletingLastPathComponent().appendingPathComponent("medora-full-\(UUID().uuidString)").path
        for (mount, factor) in [(stick, 0.5), (stick, 0.9), (temp.dir.backupsPath, 0.5)] {
            try FileManager.default.createDirectory(atPath: mount, withIntermediateDirectories: true)
            let size = max(16, Int(Double(pages) * factor / 1024))
            guard sh("/bin/mount", ["-t", "tmpfs", "-o", "size=\(size)k", "tmpfs", mount]) == 0 else { throw XCTSkip("cannot mount a tmpfs here") }
            defer {
                _ = sh("/bin/umount", [mount])
                try? FileManager.default.removeItem(atPath: mount)
            }
            do {
                _ = try await store.backup(to: mount == stick ? stick : nil)
                XCTFail("a backup larger than the disk was written (\(factor))")
            } catch let e as MedoraError {
                XCTAssertEqual(e.kind, .diskFull, "\(factor): \(e)")
            }
            XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: mount), [], "\(factor): no partial backup or snapshot left")
        }
        let after = try await store.check()
        XCTAssertEqual(after.patients, before.patients)
        XCTAssertTrue(after.isHealthy)
        _ = try await store.patients.create(PatientDraft(firstName: "Still", lastName: "Writable"), ownerID: doc.id)
        let elsewhere = try await store.backup()
        let verified = try await store.verifyBackup(at: elsewhere.path)
        XCTAssertTrue(verified.isGood, "with room, the next backup works")
    }
}
