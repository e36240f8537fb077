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
}
