import Foundation
import GRDB
import XCTest
import MedoraCrypto
import MedoraTestSupport
@testable import MedoraStorage

final class PatientRepositoryTests: XCTestCase {
    var temp: TempDataDirectory!
    var store: MedoraStore!
    var doctor: User!

    override func setUp() async throws {
        temp = try TempDataDirectory()
        try await temp.initialize()
        store = try await temp.open()
        doctor = try await store.users.create(login: "drk1", password: "doctor-password", displayName: "Dilnoza Karimova", role: .doctor)
    }

    override func tearDown() async throws {
        try? store?.close()
        store = nil
        temp = nil
    }

    func draft(_ first: String = "Shoxrux", _ last: String = "Toshmatov", phone: String? = "+998 90 123 45 67") -> PatientDraft {
        PatientDraft(firstName: first, lastName: last, middleName: "Akmal o'g'li", phone: phone, birthDate: "1984-03-12",
                     sex: .male, address: "Amir Temur ko'chasi 5, Toshkent", nationalID: "31203840123456", notes: "Allergy: penicillin")
    }

    func testCreateThenFindReturnsTheSameDecryptedPatient() async throws {
        let created = try await store.patients.create(draft(), ownerID: doctor.id)
        XCTAssertEqual(created.details[.phone], "+998901234567", "phone is normalised")
        let found = try await store.patients.find(id: created.id, ownerID: doctor.id)
        XCTAssertEqual(found, created)
    }

    func testAnotherDoctorsPatientIsInvisible() async throws {
        let other = try await store.users.create(login: "dr.other", password: "doctor-password", displayName: "Other", role: .doctor)
        let p = try await store.patients.create(draft(), ownerID: doctor.id)
        let found = try await store.patients.find(id: p.id, ownerID: other.id)
        XCTAssertNil(found)
        let updated = try await store.patients.update(id: p.id, ownerID: other.id, details: draft("X", "Y"), expectedVersion: nil)
        XCTAssertNil(updated)
        let deleted = try await store.patients.delete(id: p.id, ownerID: other.id)
        XCTAssertFalse(deleted)
        let page = try await store.patients.search(ownerID: other.id, query: "Shoxrux", limit: 10, offset: 0)
        XCTAssertEqual(page.total, 0)
        let mine = try await store.patients.find(id: p.id, ownerID: doctor.id)
        XCTAssertEqual(mine?.details.firstName, "Shoxrux", "untouched by the other doctor's attempts")
    }

    func testUpdateBumpsVersionAndStaleVersionConflicts() async throws {
        let p = try await store.patients.create(draft(), ownerID: doctor.id)
        var d = p.details
        d[.phone] = "+998 91 000 00 01"
        let updated = try await store.patients.update(id: p.id, ownerID: doctor.id, details: d, expectedVersion: 1)
        XCTAssertEqual(updated?.version, 2)
        XCTAssertEqual(updated?.details[.phone], "+998910000001")
        do {
            _ = try await store.patients.update(id: p.id, ownerID: doctor.id, details: d, expectedVersion: 1)
            XCTFail("stale version accepted")
        } catch let e as MedoraError {
            XCTAssertEqual(e.kind, .versionConflict)
            XCTAssertEqual(e.arguments["version"], "2")
        }
        let reread = try await store.patients.find(id: p.id, ownerID: doctor.id)
        XCTAssertEqual(reread?.version, 2)
    }

    func testRolledBackCiphertextOfOlderVersionDoesNotDecrypt() async throws {
        let p = try await store.patients.create(draft(), ownerID: doctor.id)
        let oldPhone = try await store.database.read { db in
            try Data.fetchOne(db, sql: "SELECT phone_enc FROM patients WHERE id = ?", arguments: [p.id])!
        }
        var d = p.details
        d[.phone] = "+998911111111"
        _ = try await store.patients.update(id: p.id, ownerID: doctor.id, details: d, expectedVersion: nil)
        try await store.database.write { db in
            try db.execute(sql: "UPDATE patients SET phone_enc = ? WHERE id = ?", arguments: [oldPhone, p.id])
        }
        do {
            _ = try await store.patients.find(id: p.id, ownerID: doctor.id)
            XCTFail("a replayed old ciphertext must not decrypt")
        } catch let e as MedoraError {
            XCTAssertEqual(e.kind, .recordDamaged)
        }
    }

    func testCellCopiedToAnotherPatientDoesNotDecrypt() async throws {
        let a = try await store.patients.create(draft("Aziz", "Aliyev"), ownerID: doctor.id)
        let b = try await store.patients.create(draft("Bobur", "Boboyev"), ownerID: doctor.id)
        try await store.database.write { db in
            try db.execute(sql: "UPDATE patients SET first_name_enc = (SELECT first_name_enc FROM patients WHERE id = ?) WHERE id = ?",
                           arguments: [a.id, b.id])
        }
        do {
            _ = try await store.patients.find(id: b.id, ownerID: doctor.id)
            XCTFail("moved cell decrypted")
        } catch {}
    }

    func testValidationRejectsBadFieldsAndStoresNothing() async throws {
        let future = ISO8601DateFormatter().string(from: Date().addingTimeInterval(86400 * 400)).prefix(10)
        let bad = PatientDraft(firstName: "", lastName: "R2-D2", phone: "12ab", birthDate: String(future), sex: nil)
        do {
            _ = try await store.patients.create(bad, ownerID: doctor.id)
            XCTFail("accepted invalid patient")
        } catch let e as MedoraError where e.kind == .validationFailed {
            let issues = e.issues
            XCTAssertEqual(Set(issues.map(\.field)), ["firstName", "lastName", "phone", "birthDate"])
            XCTAssertEqual(issues.first { $0.field == "birthDate" }?.code, .outOfRange)
        }
        let count = try await store.database.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM patients") }
        XCTAssertEqual(count, 0)
    }

    func testDeleteHidesPatientFromFindAndSearch() async throws {
        let p = try await store.patients.create(draft(), ownerID: doctor.id)
        let deleted = try await store.patients.delete(id: p.id, ownerID: doctor.id)
        XCTAssertTrue(deleted)
        let found = try await store.patients.find(id: p.id, ownerID: doctor.id)
        XCTAssertNil(found)
        let page = try await store.patients.search(ownerID: doctor.id, query: nil, limit: 10, offset: 0)
        XCTAssertEqual(page.total, 0)
        let again = try await store.patients.delete(id: p.id, ownerID: doctor.id)
        XCTAssertFalse(again)
    }

    func testSearchFindsAcrossScriptsAndIndexIsRebuiltOnReopen() async throws {
        _ = try await store.patients.create(draft("Шохрух", "Тошматов", phone: "+998901112233"), ownerID: doctor.id)
        _ = try await store.patients.create(draft("Gulnora", "Karimova", phone: "+998935556677"), ownerID: doctor.id)
        var page = try await store.patients.search(ownerID: doctor.id, query: "shoxrux", limit: 10, offset: 0)
        XCTAssertEqual(page.items.map(\.details.firstName), ["Шохрух"])
        page = try await store.patients.search(ownerID: doctor.id, query: "93 555", limit: 10, offset: 0)
        XCTAssertEqual(page.items.map(\.details.firstName), ["Gulnora"])

        try store.close()
        store = try await temp.open()
        XCTAssertEqual(store.patientRepository.index.count, 2)
        page = try await store.patients.search(ownerID: doctor.id, query: "Toshmatov", limit: 10, offset: 0)
        XCTAssertEqual(page.items.map(\.details.lastName), ["Тошматов"])
    }

    func testNoPatientDataInDatabaseWALOrLogs() async throws {
        let names = ["Zumradxon", "Qambarova", "Ферузахон", "Эргашбоева"]
        _ = try await store.patients.create(PatientDraft(firstName: names[0], lastName: names[1], phone: "+998977770011",
                                                         birthDate: "1971-07-29", address: "Chilonzor 77"), ownerID: doctor.id)
        _ = try await store.patients.create(PatientDraft(firstName: names[2], lastName: names[3], phone: "+998 97 777 00 22",
                                                         birthDate: "1966-02-14"), ownerID: doctor.id)
        // Read the files while the connection is still open (WAL not yet checkpointed), then after close.
        for phase in ["open", "closed"] {
            if phase == "closed" { try store.close(); store = nil }
            let raw = try temp.rawBytes()
            XCTAssertGreaterThan(raw.count, 4096)
            for secret in names + ["Dilnoza", "998977770011", "977770011", "1971-07-29", "1966-02-14", "Chilonzor"] {
                XCTAssertFalse(raw.contains(secret), "\(secret) found in plaintext (\(phase))")
            }
        }
    }
}

extension PatientRepositoryTests {
    func testCachedReadsFollowEveryWriteAndRespectOwners() async throws {
        let other = try await store.users.create(login: "dr.other2", password: "doctor-password", displayName: "Other", role: .doctor)
        let p = try await store.patients.create(draft(), ownerID: doctor.id)
        let first = try await store.patients.find(id: p.id, ownerID: doctor.id) // fills the cache
        XCTAssertEqual(first?.version, 1)
        let foreign = try await store.patients.find(id: p.id, ownerID: other.id) // a cache hit must not leak
        XCTAssertNil(foreign)
        var d = p.details
        d[.notes] = "changed"
        _ = try await store.patients.update(id: p.id, ownerID: doctor.id, details: d, expectedVersion: nil)
        let second = try await store.patients.find(id: p.id, ownerID: doctor.id)
        XCTAssertEqual(second?.details[.notes], "changed")
        XCTAssertEqual(second?.version, 2)
        let listed = try await store.patients.search(ownerID: doctor.id, query: "Shoxrux", limit: 10, offset: 0)
        XCTAssertEqual(listed.items.first?.details[.notes], "changed")
        let foreignList = try await store.patients.search(ownerID: other.id, query: nil, limit: 10, offset: 0)
        XCTAssertTrue(foreignList.items.isEmpty)
        _ = try await store.patients.delete(id: p.id, ownerID: doctor.id)
        let gone = try await store.patients.find(id: p.id, ownerID: doctor.id)
        XCTAssertNil(gone)
    }

    func testCacheIsBoundedAndSkipsReadsRacingAWrite() {
        let cache = PatientCache(capacity: 8)
        func patient(_ n: Int) -> Patient {
            Patient(id: UUID(), ownerID: UUID(), details: PatientDraft(firstName: "P", lastName: "N\(n)"), version: 1,
                    createdAt: Date(), updatedAt: Date())
        }
        let stale = patient(0)
        let before = cache.generation
        cache.invalidate(stale.id) // a write lands while the read was in flight
        cache.put([stale], readAt: before)
        XCTAssertNil(cache.get(stale.id), "a read older than a write must not be cached")
        let many = (1...20).map(patient)
        for p in many { cache.put([p], readAt: cache.generation) }
        XCTAssertLessThanOrEqual(cache.count, 8)
        XCTAssertNotNil(cache.get(many.last!.id), "the most recent entry survives eviction")
    }
}
