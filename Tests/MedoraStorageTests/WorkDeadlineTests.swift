import Foundation
import GRDB
import XCTest
import MedoraTestSupport
@testable import MedoraStorage

/// Database work done for a request stops at its deadline: a read is interrupted with `tooSlow`,
/// a write is rolled back, and the connections serve the next request as usual.
final class WorkDeadlineTests: XCTestCase {
    func testWorkPastItsDeadlineIsInterruptedAndRolledBack() async throws {
        let temp = try TempDataDirectory()
        try await temp.initialize()
        let store = try await temp.open()
        defer { try? store.close() }
        let endless = "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) SELECT count(*) FROM n"
        let start = ContinuousClock.now
        do {
            _ = try await WorkDeadline.$current.withValue(ContinuousClock.now + .milliseconds(200)) {
                try await store.database.read { db in try Int.fetchOne(db, sql: endless) }
            }
            XCTFail("an endless query finished")
        } catch let e as MedoraError {
            XCTAssertEqual(e.kind, .tooSlow)
        }
        XCTAssertLessThan(ContinuousClock.now - start, .seconds(20), "stopped near its deadline, not at the end of the work")

        let before = try await store.database.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM settings")! }
        do {
            try await WorkDeadline.$current.withValue(ContinuousClock.now + .milliseconds(200)) {
                try await store.database.write { db in
                    try db.execute(sql: "INSERT INTO settings (id, key, value, updated_at) VALUES (x'01', 'deadline-probe', 'x', CURRENT_TIMESTAMP)")
                    _ = try Int.fetchOne(db, sql: endless)
                }
            }
            XCTFail("an endless write finished")
        } catch let e as MedoraError {
            XCTAssertEqual(e.kind, .tooSlow)
        }
        let after = try await store.database.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM settings")! }
        XCTAssertEqual(after, before, "the interrupted write was rolled back")
        // Without a deadline (backups, check), work runs to its end; the connections are fine.
        let counted = try await store.database.read { db in
            try Int.fetchOne(db, sql: "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 200000) SELECT count(*) FROM n")
        }
        XCTAssertEqual(counted, 200_000)
        let report = try await store.check()
        XCTAssertTrue(report.isHealthy)
    }
}
