import Foundation
import GRDB
import MedoraCrypto
import MedoraTestSupport
import XCTest
@testable import MedoraStorage

/// Erasure for good (crypto-shredding) and the trash: an erased patient's key is gone from the
/// live files, no restore or old copy of the file brings them back, and the trash keeps a deleted
/// patient restorable for 30 days.
final class ErasureTests: XCTestCase {
    var temp: TempDataDirectory!
    var recoveryKey = ""
    var doctor: User!
    var kept: Patient!
    var gone: Patient!

    override func setUp() async throws {
        temp = try TempDataDirectory()
        recoveryKey = try await temp.initialize(keyfile: true)
        let store = try await open()
        doctor = try await store.users.create(login: "dr.erase", password: "doctor-password", displayName: "Doctor Erase", role: .doctor)
        kept = try await store.patients.create(PatientDraft(firstName: "Sanjar", lastName: "Mirzayev"), ownerID: doctor.id)
        gone = try await store.patients.create(PatientDraft(firstName: "Xurshida", lastName: "Qambarova", phone: "+998935554433",
                                                            notes: "Asked to be forgotten"), ownerID: doctor.id)
        _ = try await store.analyses.create(patientID: gone.id, scope: .owner(doctor.id),
                                            draft: AnalysisDraft(takenOn: "2026-10-02", lab: "Lab 4417",
                                                                 results: [LabResult(code: "718-7", value: 12.5, unit: "g/dL")]))
        try store.close()
    }

    override func tearDown() { temp = nil }

    func open(clock: WallClock = SystemClock()) async throws -> MedoraStore {
        try await temp.open(.keyfile(path: temp.dir.keyfilePath), clock: clock)
    }

    func rawColumn(_ sql: String, _ id: UUID) throws -> Data {
        let queue = try DatabaseQueue(path: temp.dir.databasePath)
        defer { try? queue.close() }
        return try queue.read { db in try Data.fetchOne(db, sql: sql, arguments: [id]) ?? Data() }
    }

    func testAnErasedPatientsKeyAndRowsLeaveTheLiveFilesAndTheRestStays() async throws {
        let wrappedKey = try rawColumn("SELECT dek FROM patients WHERE id = ?", gone.id)
        let name = try rawColumn("SELECT last_name_enc FROM patients WHERE id = ?", gone.id)
        XCTAssertGreaterThan(wrappedKey.count, 32)
        let store = try await open()
        let erased = try await store.patients.erase(id: gone.id, scope: .owner(doctor.id))
        XCTAssertTrue(erased)
        let again = try await store.patients.erase(id: gone.id, scope: .owner(doctor.id))
        XCTAssertFalse(again, "nothing left to erase")
        let found = try await store.patients.find(id: gone.id, ownerID: doctor.id)
        XCTAssertNil(found)
        let analyses = try await store.analyses.list(patientID: gone.id, scope: .owner(doctor.id))
        XCTAssertNil(analyses)
        let page = try await store.patients.search(ownerID: doctor.id, query: "Qambarova", limit: 10, offset: 0)
        XCTAssertEqual(page.total, 0)
        let stillHere = try await store.patients.find(id: kept.id, ownerID: doctor.id)
        XCTAssertEqual(stillHere?.details.lastName, "Mirzayev")
        // While the server still runs: the WAL was checkpointed and truncated, the freed cells zeroed.
        let live = try temp.rawBytes()
        XCTAssertNil(live.range(of: wrappedKey), "the wrapped data key is gone from the database and its WAL")
        XCTAssertNil(live.range(of: name), "so is the sealed name")
        let report = try await store.check()
        XCTAssertTrue(report.isHealthy, "\(report.rowSets) \(report.damaged)")
        let trail = try await store.audit.entries(patient: gone.id, limit: 10).map(\.entry.action)
        XCTAssertEqual(trail.first, .patientErase)
        try store.close()
        let ledger = try String(contentsOfFile: temp.dir.url.appendingPathComponent("erasures").path, encoding: .utf8)
        XCTAssertTrue(ledger.hasPrefix(gone.id.uuidString.lowercased() + " "), ledger)
        XCTAssertFalse(try temp.rawBytes().contains("Qambarova"))
    }

    func testAnErasedPatientDoesNotComeBackFromABackupMadeBefore() async throws {
        let store = try await open()
        let backup = try await store.backup()
        _ = try await store.patients.erase(id: gone.id, scope: .owner(doctor.id))
        try store.close()
        try await MedoraStore.restore(from: backup.path, secret: .recoveryKey(recoveryKey), into: temp.dir, replacing: true)
        // The restored file alone (as a copy elsewhere would see it) no longer holds the patient.
        let wrapped = try rawColumn("SELECT dek FROM patients WHERE id = ?", gone.id)
        XCTAssertTrue(wrapped.isEmpty, "erased again before the restored file went live")
        let restored = try await open()
        defer { try? restored.close() }
        let found = try await restored.patients.find(id: gone.id, ownerID: doctor.id)
        XCTAssertNil(found)
        let stillHere = try await restored.patients.find(id: kept.id, ownerID: doctor.id)
        XCTAssertNotNil(stillHere)
        let trail = try await restored.audit.page(AuditFilter(), limit: 5, olderThan: nil).lines.map(\.entry.action).filter { !$0.isRead }
        XCTAssertEqual(Array(trail.prefix(2)), [.backupRestore, .patientErase], "the erasure applied again, then the restore, recorded")
        let report = try await restored.check()
        XCTAssertTrue(report.isHealthy, "\(report.rowSets) \(report.damaged) \(String(describing: report.audit?.problem))")
    }

    func testARestoreOnAnotherMachineHonoursTheLedgerBesideTheBackups() async throws {
        let usb = temp.dir.url.appendingPathComponent("usb").path
        let store = try await open()
        let monday = try await store.backup(to: usb)
        _ = try await store.patients.erase(id: gone.id, scope: .owner(doctor.id))
        _ = try await store.backup(to: usb)            // the next backup carries the ledger to the folder
        try store.close()
        let elsewhere = try TempDataDirectory()
        try await MedoraStore.restore(from: monday.path, secret: .recoveryKey(recoveryKey), into: elsewhere.dir)
        let restored = try await elsewhere.open(.recoveryKey(recoveryKey))
        defer { try? restored.close() }
        let found = try await restored.patients.find(id: gone.id, scope: .everyone)
        XCTAssertNil(found, "erased again although the new machine had no ledger of its own")
        let kept = try await restored.patients.find(id: self.kept.id, scope: .everyone)
        XCTAssertNotNil(kept)
    }

    func testAnOlderCopyOfTheFilePutBackByHandIsErasedAtOpen() async throws {
        let copy = temp.dir.databasePath + ".copy"
        try FileManager.default.copyItem(atPath: temp.dir.databasePath, toPath: copy)
        let store = try await open()
        _ = try await store.patients.erase(id: gone.id, scope: .owner(doctor.id))
        try store.close()
        try FileManager.default.removeItem(atPath: temp.dir.databasePath)
        try FileManager.default.moveItem(atPath: copy, toPath: temp.dir.databasePath)
        let reopened = try await open()
        defer { try? reopened.close() }
        let found = try await reopened.patients.find(id: gone.id, ownerID: doctor.id)
        XCTAssertNil(found)
        XCTAssertEqual(reopened.indexedPatientCount, 1)
    }

    func testAForgedLedgerLineErasesNobody() async throws {
        try "\(kept.id.uuidString.lowercased()) 1700000000000 \(String(repeating: "ab", count: 32))\n"
            .write(toFile: temp.dir.url.appendingPathComponent("erasures").path, atomically: true, encoding: .utf8)
        let store = try await open()
        defer { try? store.close() }
        let found = try await store.patients.find(id: kept.id, ownerID: doctor.id)
        XCTAssertNotNil(found)
    }

    func testTheTrashKeepsADeletedPatientRestorableFor30DaysThenErasesThem() async throws {
        let clock = MutableClock(Date())
        let store = try await open(clock: clock)
        defer { try? store.close() }
        _ = try await store.patients.delete(id: kept.id, ownerID: doctor.id)
        _ = try await store.patients.delete(id: gone.id, ownerID: doctor.id)
        let trash = try await store.patients.trash(scope: .owner(doctor.id)).map(\.patient.id)
        XCTAssertEqual(Set(trash), [kept.id, gone.id])
        let otherDoctor = try await store.patients.trash(scope: .owner(UUID()))
        XCTAssertTrue(otherDoctor.isEmpty)
        let back = try await store.patients.restoreFromTrash(id: kept.id, scope: .owner(doctor.id))
        XCTAssertEqual(back?.details.lastName, "Mirzayev")
        let found = try await store.patients.search(ownerID: doctor.id, query: "Mirzayev", limit: 5, offset: 0)
        XCTAssertEqual(found.total, 1, "back in the search")
        let none = try await store.patientRepository.purgeTrash(deletedBefore: clock.now().addingTimeInterval(-30 * 86400))
        XCTAssertEqual(none, 0, "not yet 30 days")
        clock.set(clock.now().addingTimeInterval(31 * 86400))
        let purged = try await store.patientRepository.purgeTrash(deletedBefore: clock.now().addingTimeInterval(-30 * 86400))
        XCTAssertEqual(purged, 1)
        let left = try await store.patients.trash(scope: .owner(doctor.id))
        XCTAssertTrue(left.isEmpty)
        let restoreErased = try await store.patients.restoreFromTrash(id: gone.id, scope: .owner(doctor.id))
        XCTAssertNil(restoreErased)
    }
}
