import Foundation
import GRDB
import MedoraStorage
import MedoraTestSupport
import XCTest
@testable import MedoraLite

/// What the issue's "done when" asks, through the built binary: one audit row edited by hand is
/// named by `audit verify` (and `check`), a database older than a backup is caught with
/// `--against`, the head printed by an export is checked with `--head`, and bad input gets a
/// clear message.
final class AuditBinaryTests: XCTestCase {
    func testAuditVerifyNamesAHandEditedEntryAndAnOlderDatabase() async throws {
        let x = ExportBinaryTests.self
        let (temp, patient) = try await x.seeded()
        let data = ["--data", temp.dir.url.path]
        let intact = try x.run(["audit", "verify"] + data)
        XCTAssertEqual(intact.status, 0, intact.stderr)
        XCTAssertTrue(intact.stdout.contains("audit trail intact"), intact.stdout)

        let older = temp.dir.databasePath + ".older"
        try FileManager.default.copyItem(atPath: temp.dir.databasePath, toPath: older)
        let export = try x.run(["export-patient", patient.uuidString, "--out", temp.dir.url.appendingPathComponent("r.html").path] + data)
        XCTAssertEqual(export.status, 0, export.stderr)
        let head = try XCTUnwrap(export.stdout.range(of: #"\d+:[0-9a-f]{64}"#, options: .regularExpression).map { String(export.stdout[$0]) })
        let backup = try x.run(["backup"] + data)
        XCTAssertEqual(backup.status, 0, backup.stderr)
        let file = try XCTUnwrap(MedoraStore.listBackups(in: temp.dir.backupsPath).first?.path)
        XCTAssertEqual(try x.run(["audit", "verify", "--head", head] + data).status, 0)
        XCTAssertEqual(try x.run(["audit", "verify", "--against", file] + data).status, 0)

        let queue = try DatabaseQueue(path: temp.dir.databasePath)
        try await queue.write { db in try db.execute(sql: "UPDATE audit_log SET ip = '203.0.113.9' WHERE seq = 3") }
        try queue.close()
        let edited = try x.run(["audit", "verify"] + data)
        XCTAssertEqual(edited.status, 1)
        XCTAssertTrue(edited.stderr.contains("entry 3 was altered or inserted"), edited.stderr)
        let check = try x.run(["check"] + data)
        XCTAssertEqual(check.status, 1)
        XCTAssertTrue(check.stdout.contains("entry 3 was altered"), check.stdout)

        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: temp.dir.databasePath + suffix) }
        try FileManager.default.moveItem(atPath: older, toPath: temp.dir.databasePath)
        let replaced = try x.run(["audit", "verify", "--against", file] + data)
        XCTAssertEqual(replaced.status, 1)
        XCTAssertTrue(replaced.stderr.contains("older copy than that backup"), replaced.stderr)
        let byHead = try x.run(["audit", "verify", "--head", head] + data)
        XCTAssertEqual(byHead.status, 1, "the export's head names an entry this older file lacks")

        let bad = try x.run(["audit", "verify", "--head", "not-a-head"] + data)
        XCTAssertNotEqual(bad.status, 0)
        XCTAssertTrue(bad.stderr.contains("not a head"), bad.stderr)
        let missing = try x.run(["audit", "verify", "--against", "/nonexistent.mlbak"] + data)
        XCTAssertEqual(missing.status, 1)
        XCTAssertFalse(missing.stderr.isEmpty)
    }
}
