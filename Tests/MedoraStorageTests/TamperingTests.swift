import Foundation
import GRDB
import MedoraCrypto
import MedoraTestSupport
import XCTest
@testable import MedoraStorage

/// The file edited by hand while the server is stopped, as an attacker or a bad disk would: the
/// damage is contained, named and never served, and the rest of the clinic keeps working.
final class TamperingTests: XCTestCase {
    var temp: TempDataDirectory!
    var doctorA: User!
    var doctorB: User!
    var patients: [Patient] = []

    override func setUp() async throws {
        temp = try TempDataDirectory()
        try await temp.initialize(keyfile: true)
        let store = try await temp.open(.keyfile(path: temp.dir.keyfilePath))
        doctorA = try await store.users.create(login: "dr.a", password: "doctor-password", displayName: "Doctor A", role: .doctor)
        doctorB = try await store.users.create(login: "dr.b", password: "doctor-password", displayName: "Doctor B", role: .doctor)
        patients = []
        for (first, last) in [("Shoxrux", "Toshmatov"), ("Gulnora", "Karimova"), ("Jasur", "Qodirov"), ("Dilnoza", "Yusupova"),
                              ("Malika", "Aliyeva")] {
            patients.append(try await store.patients.create(PatientDraft(firstName: first, lastName: last, phone: "+998901234567",
                                                                         notes: "Allergy: penicillin"), ownerID: doctorA.id))
        }
        try store.close()
    }

    override func tearDown() { temp = nil }

    /// Edits the closed database with a plain SQLite connection.
    func edit(_ sql: String, _ arguments: StatementArguments = []) throws {
        let queue = try DatabaseQueue(path: temp.dir.databasePath)
        try queue.write { db in try db.execute(sql: sql, arguments: arguments) }
        try queue.close()
    }

    /// One row of the closed database at `path`, column by column.
    func rawRow(_ path: String, _ sql: String, _ arguments: StatementArguments = []) throws -> [(String, DatabaseValue)] {
        let queue = try DatabaseQueue(path: path)
        defer { try? queue.close() }
        return try queue.read { db in
            guard let row = try Row.fetchOne(db, sql: sql, arguments: arguments) else { return [] }
            return row.columnNames.map { ($0, row[$0] as DatabaseValue) }
        }
    }

    func open() async throws -> MedoraStore { try await temp.open(.keyfile(path: temp.dir.keyfilePath)) }

    func damagedIDs(_ store: MedoraStore) -> Set<UUID> { Set(store.damagedRecords.compactMap(\.id)) }

    func testOneFlippedByteAndOneWrongTypeLeaveEveryOtherPatientServed() async throws {
        let (flipped, garbage) = (patients[0], patients[1])
        try edit("UPDATE patients SET first_name_enc = CAST(substr(first_name_enc, 1, 30) || X'FF' || substr(first_name_enc, 32) AS BLOB) WHERE id = ?",
                 [flipped.id])
        try edit("UPDATE patients SET created_at = 'garbage' WHERE id = ?", [garbage.id])

        let store = try await open()
        defer { try? store.close() }
        let damaged = store.damagedRecords
        XCTAssertEqual(damagedIDs(store), [flipped.id, garbage.id])
        XCTAssertEqual(damaged.first { $0.id == flipped.id }?.reason, .ciphertext)
        XCTAssertEqual(damaged.first { $0.id == flipped.id }?.column, "first_name_enc")
        XCTAssertEqual(damaged.first { $0.id == garbage.id }?.reason, .type)
        XCTAssertEqual(damaged.first { $0.id == garbage.id }?.column, "created_at")

        let page = try await store.patients.search(ownerID: doctorA.id, query: nil, limit: 50, offset: 0)
        XCTAssertEqual(Set(page.items.map(\.id)), Set(patients[2...].map(\.id)))
        XCTAssertEqual(Set(page.damaged), [flipped.id, garbage.id], "the list marks the damaged ones by id")
        let found = try await store.patients.search(ownerID: doctorA.id, query: "qodirov", limit: 50, offset: 0)
        XCTAssertEqual(found.items.map(\.id), [patients[2].id])
        for p in patients[2...] {
            let read = try await store.patients.find(id: p.id, ownerID: doctorA.id)
            XCTAssertEqual(read, p)
        }
        for p in [flipped, garbage] {
            do {
                _ = try await store.patients.find(id: p.id, ownerID: doctorA.id)
                XCTFail("a damaged record is never served")
            } catch let e as MedoraError {
                XCTAssertEqual(e.kind, .recordDamaged)
                XCTAssertEqual(e.arguments["record"], p.id.uuidString.lowercased())
            }
            do {
                _ = try await store.patients.update(id: p.id, ownerID: doctorA.id, details: p.details, expectedVersion: nil)
                XCTFail("a damaged record is never overwritten")
            } catch let e as MedoraError {
                XCTAssertEqual(e.kind, .recordDamaged)
            }
        }
        let report = try await store.check()
        XCTAssertFalse(report.isHealthy)
        XCTAssertEqual(Set(report.damaged.compactMap(\.id)), [flipped.id, garbage.id])
        XCTAssertTrue(report.rowSets.isEmpty, "no row was added, removed or rolled back")
    }

    func testMovingUndeletingOrPromotingByEditingTheFileIsNamed() async throws {
        var store = try await open()
        let deleted = try await store.patients.delete(id: patients[4].id, ownerID: doctorA.id)
        XCTAssertTrue(deleted)
        let (token, _) = try await store.sessions.create(userID: doctorB.id, ip: nil, userAgent: nil)
        try store.close()

        try edit("UPDATE patients SET owner_id = ? WHERE id = ?", [doctorB.id, patients[0].id])
        try edit("UPDATE patients SET deleted_at = NULL WHERE id = ?", [patients[4].id])
        try edit("UPDATE users SET role = 'admin' WHERE id = ?", [doctorB.id])
        try edit("UPDATE sessions SET expires_at = '2099-01-01 00:00:00.000'")

        store = try await open()
        defer { try? store.close() }
        let damaged = store.damagedRecords
        XCTAssertEqual(Set(damaged.filter { $0.table == "patients" }.compactMap(\.id)), [patients[0].id, patients[4].id])
        XCTAssertTrue(damaged.filter { $0.table == "patients" }.allSatisfy { $0.reason == .authentication })
        XCTAssertTrue(damaged.contains { $0.table == "users" && $0.id == doctorB.id })
        XCTAssertTrue(damaged.contains { $0.table == "sessions" })

        let a = try await store.patients.find(id: patients[0].id, ownerID: doctorA.id)
        XCTAssertNil(a, "the moved patient is gone from its doctor's reach, not served")
        do {
            _ = try await store.patients.find(id: patients[0].id, ownerID: doctorB.id)
            XCTFail("the new owner does not get the patient")
        } catch let e as MedoraError { XCTAssertEqual(e.kind, .recordDamaged) }
        let undeleted = try await store.patients.search(ownerID: doctorA.id, query: nil, limit: 50, offset: 0)
        XCTAssertFalse(undeleted.items.contains { $0.id == patients[4].id })
        let promoted = try await store.users.authenticate(login: "dr.b", password: "doctor-password")
        XCTAssertNil(promoted, "a user whose row was edited does not sign in")
        let revived = try await store.sessions.resolve(token: token)
        XCTAssertNil(revived)
        let report = try await store.check()
        XCTAssertFalse(report.isHealthy)
    }

    func testRollbackDeletionAndForeignRowsShowInTheRowSet() async throws {
        let before = try rawRow(temp.dir.databasePath, "SELECT * FROM patients WHERE id = ?", [patients[1].id])
        var store = try await open()
        var d = patients[1].details
        d[.notes] = "Allergy: none"
        _ = try await store.patients.update(id: patients[1].id, ownerID: doctorA.id, details: d, expectedVersion: nil)
        try store.close()

        // Put the whole row (every cell, version and MAC) back to its older copy.
        try edit("UPDATE patients SET " + before.map { "\($0.0) = ?" }.joined(separator: ", ") + " WHERE id = ?",
                 StatementArguments(before.map(\.1) + [patients[1].id.databaseValue]))
        store = try await open()
        XCTAssertTrue(store.damagedRecords.isEmpty, "an old copy carries a valid MAC")
        XCTAssertEqual(store.integrityFindings, [DigestFinding(table: "patients", problem: .mismatch(storedRows: 5, actualRows: 5))])
        let old = try await store.patients.find(id: patients[1].id, ownerID: doctorA.id)
        XCTAssertEqual(old?.details[.notes], "Allergy: penicillin", "the rollback itself is only caught by the row set")
        try store.close()

        try edit("DELETE FROM patients WHERE id = ?", [patients[2].id])
        store = try await open()
        XCTAssertEqual(store.integrityFindings.first?.problem, .mismatch(storedRows: 5, actualRows: 4))
        let report = try await store.check()
        XCTAssertFalse(report.isHealthy)
        XCTAssertEqual(report.rowSets.map(\.table), ["patients"])
        try store.close()

        // A row from another installation: its MAC is under another key.
        let other = try TempDataDirectory()
        try await other.initialize()
        let otherStore = try await other.open()
        let stranger = try await otherStore.users.create(login: "dr.x", password: "doctor-password", displayName: "X", role: .doctor)
        _ = try await otherStore.patients.create(PatientDraft(firstName: "Begona", lastName: "Odam"), ownerID: stranger.id)
        try otherStore.close()
        let foreign = try rawRow(other.dir.databasePath, "SELECT * FROM patients")
        try edit("INSERT INTO patients (" + foreign.map(\.0).joined(separator: ", ") + ") VALUES ("
                 + foreign.map { _ in "?" }.joined(separator: ", ") + ")",
                 StatementArguments(foreign.map { $0.0 == "owner_id" ? doctorA.id.databaseValue : $0.1 }))
        store = try await open()
        defer { try? store.close() }
        XCTAssertEqual(store.damagedRecords.map(\.reason), [.key], "its data key is wrapped under another key")
        let page = try await store.patients.search(ownerID: doctorA.id, query: "begona", limit: 50, offset: 0)
        XCTAssertTrue(page.items.isEmpty)
    }

    func testMalformedOrOverstrongKeySlotsAreRefusedBeforeAnyWork() async throws {
        try edit("UPDATE key_slots SET ops_limit = 'three' WHERE kind = 'passphrase'")
        do {
            _ = try await temp.open()
            XCTFail("a slot with a text limit is refused")
        } catch let e as MedoraError { XCTAssertEqual(e.kind, .tamperedKeySlot) }
        try edit("UPDATE key_slots SET ops_limit = 16, mem_limit = 2147483648 WHERE kind = 'passphrase'")
        let start = Date()
        do {
            _ = try await temp.open()
            XCTFail("limits above what Medora writes are refused")
        } catch let e as MedoraError { XCTAssertEqual(e.kind, .tamperedKeySlot) }
        XCTAssertLessThan(Date().timeIntervalSince(start), 5, "refused before Argon2id runs with 2 GiB")
    }

    func testAWrongPassphraseTouchesNoFileInTheDataDirectory() async throws {
        func snapshot() throws -> [String: Data] {
            let names = try FileManager.default.contentsOfDirectory(atPath: temp.dir.url.path)
            return Dictionary(uniqueKeysWithValues: names.map { ($0, FileManager.default.contents(atPath: temp.dir.url.appendingPathComponent($0).path) ?? Data()) })
        }
        let before = try snapshot()
        do {
            _ = try await temp.open(.passphrase("not the passphrase"))
            XCTFail("wrong passphrase")
        } catch let e as MedoraError { XCTAssertEqual(e.kind, .wrongSecret) }
        let after = try snapshot()
        XCTAssertEqual(Set(after.keys), Set(before.keys), "no -wal or -shm created")
        XCTAssertEqual(after, before, "every file byte-identical")
    }
}
