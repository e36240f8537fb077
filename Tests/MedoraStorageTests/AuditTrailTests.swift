import Foundation
import GRDB
import MedoraCrypto
import MedoraTestSupport
import XCTest
@testable import MedoraStorage

/// The audit trail: what is recorded, that a change and its entry commit together, and that
/// every kind of tampering with the file is named by `verify`.
final class AuditTrailTests: XCTestCase {
    var temp: TempDataDirectory!
    var doctor: User!
    var patient: Patient!
    let web = { (id: UUID) in AuditActor(userID: id, address: "192.0.2.7", origin: .web) }

    override func setUp() async throws {
        temp = try TempDataDirectory()
        try await temp.initialize(keyfile: true)
        let store = try await open()
        doctor = try await store.users.create(login: "dr.audit", password: "doctor-password", displayName: "Doctor Audit", role: .doctor)
        let actor = web(doctor.id)
        patient = try await AuditActor.$current.withValue(actor) {
            let p = try await store.patients.create(PatientDraft(firstName: "Zulfiya", lastName: "Ergasheva", phone: "+998901112233"),
                                                    ownerID: doctor.id)
            for n in 0..<3 {
                _ = try await store.patients.update(id: p.id, ownerID: doctor.id,
                                                    details: PatientDraft(firstName: "Zulfiya", lastName: "Ergasheva", notes: "visit \(n)"),
                                                    expectedVersion: nil)
            }
            return p
        }
        try store.close()
    }

    override func tearDown() { temp = nil }

    func open() async throws -> MedoraStore { try await temp.open(.keyfile(path: temp.dir.keyfilePath)) }

    func edit(_ sql: String, _ arguments: StatementArguments = []) throws {
        let queue = try DatabaseQueue(path: temp.dir.databasePath)
        try queue.write { db in try db.execute(sql: sql, arguments: arguments) }
        try queue.close()
    }

    func verify(against head: AuditHead? = nil) async throws -> AuditVerification {
        let store = try await open()
        defer { try? store.close() }
        return try await store.audit.verify(against: head)
    }

    func testChangesReadsAndSignInsAreRecordedWithWhoAndWhereButNoPersonalValue() async throws {
        let store = try await open()
        let actor = web(doctor.id)
        try await AuditActor.$current.withValue(actor) {
            _ = try await store.patients.find(id: patient.id, ownerID: doctor.id)
            _ = try await store.patients.search(ownerID: doctor.id, query: "Zulf", limit: 10, offset: 0)
            _ = try await store.analyses.create(patientID: patient.id, scope: .owner(doctor.id),
                                                draft: AnalysisDraft(takenOn: "2026-11-01", results: [LabResult(code: "718-7", value: 13, unit: "g/dL")]))
            _ = try await store.patients.delete(id: patient.id, ownerID: doctor.id)
        }
        _ = try await store.sessions.create(userID: doctor.id, ip: "198.51.100.4", userAgent: "test")
        let lines = try await store.audit.entries(patient: patient.id, limit: 50).map(\.entry)
        XCTAssertEqual(lines.map(\.action).reversed(), [.patientCreate, .patientUpdate, .patientUpdate, .patientUpdate, .analysisCreate,
                                                        .patientDelete, .patientRead],
                       "changes in their transactions' order, the noted read committed by the flush after them")
        XCTAssertTrue(lines.allSatisfy { $0.actor == doctor.id && $0.address == "192.0.2.7" && $0.origin == .web })
        let all = try await store.audit.page(AuditFilter(), limit: 100, olderThan: nil).lines.map(\.entry)
        let signIn = all.first { $0.action == .signIn }
        XCTAssertEqual(signIn?.actor, doctor.id)
        XCTAssertEqual(signIn?.address, "198.51.100.4")
        XCTAssertLessThan(signIn?.seq ?? 0, all.first { $0.action == .patientRead }?.seq ?? 0,
                          "the sign-in committed with its session; the earlier reads at the next flush")
        XCTAssertTrue(all.contains { $0.action == .patientList && $0.patientID == nil })
        XCTAssertTrue(all.contains { $0.action == .userCreate })
        let verified = try await store.audit.verify()
        XCTAssertNil(verified.problem)
        try store.close()
        let raw = try temp.rawBytes()
        for value in ["Zulfiya", "Ergasheva", "Zulf", "998901112233", "visit"] {
            XCTAssertFalse(raw.contains(value), "\(value) is in the file")
        }
    }

    func testAChangeThatFailsLeavesNoEntryAndAReadIsKeptUntilTheFlush() async throws {
        let store = try await open()
        let before = try await store.audit.head()
        do {
            _ = try await store.patients.update(id: patient.id, ownerID: doctor.id, details: PatientDraft(firstName: "Z", lastName: "E"),
                                                expectedVersion: 1)
            XCTFail("a stale version is refused")
        } catch let e as MedoraError { XCTAssertEqual(e.kind, .versionConflict) }
        let afterFailure = try await store.audit.head()
        XCTAssertEqual(afterFailure, before, "the entry rolled back with the change")
        _ = try await store.patients.find(id: patient.id, ownerID: doctor.id)
        XCTAssertEqual(store.audit.backlog.pending, 1)
        let notYet = try await store.audit.head()
        XCTAssertEqual(notYet, before, "a read waits for the flush")
        try store.close()
        let reopened = try await open()
        defer { try? reopened.close() }
        let last = try await reopened.audit.page(AuditFilter(), limit: 1, olderThan: nil).lines.first?.entry
        XCTAssertEqual(last?.action, .patientRead, "closing the store commits the noted reads")
        XCTAssertEqual(last?.seq, before.seq + 1)
    }

    func testReadsBeyondTheBufferAreCountedAsDroppedNotHeldWithoutBound() async throws {
        let store = try await open()
        for _ in 0..<(AuditTrail.capacity + 3) { store.audit.noteRead(.patientList) }
        XCTAssertEqual(store.audit.backlog.pending, AuditTrail.capacity)
        XCTAssertEqual(store.audit.backlog.dropped, 3)
        let flushed = try await store.audit.flush()
        XCTAssertEqual(flushed, AuditTrail.capacity)
        XCTAssertEqual(store.audit.backlog.pending, 0)
        let verified = try await store.audit.verify()
        XCTAssertNil(verified.problem)
        try store.close()
    }

    func testAnEditedEntryIsNamed() async throws {
        try edit("UPDATE audit_log SET action = 'patient.read' WHERE seq = 3")
        let result = try await verify()
        XCTAssertEqual(result.problem, AuditProblem(kind: .altered, seq: 3))
    }

    func testAChangedAddressOrTimeIsNamed() async throws {
        try edit("UPDATE audit_log SET ip = '10.0.0.1' WHERE seq = 2")
        let first = try await verify()
        XCTAssertEqual(first.problem, AuditProblem(kind: .altered, seq: 2))
        try edit("UPDATE audit_log SET ip = '192.0.2.7', at = at - 3600000 WHERE seq = 2")
        let second = try await verify()
        XCTAssertEqual(second.problem, AuditProblem(kind: .altered, seq: 2))
    }

    func testADeletedEntryIsNamed() async throws {
        try edit("DELETE FROM audit_log WHERE seq = 3")
        let result = try await verify()
        XCTAssertEqual(result.problem, AuditProblem(kind: .missing, seq: 3, through: 3))
    }

    func testAnInsertedEntryIsNamed() async throws {
        // A copy of entry 2 with another number, slotted in after the last one: its MAC covers the number.
        try edit("""
            INSERT INTO audit_log (seq, at, actor, origin, action, entity, entity_id, patient_id, ip, prev_hash, mac)
            SELECT (SELECT MAX(seq) FROM audit_log) + 1, at, actor, origin, action, entity, entity_id, patient_id, ip,
                   (SELECT mac FROM audit_log ORDER BY seq DESC LIMIT 1), mac FROM audit_log WHERE seq = 2
            """)
        let result = try await verify()
        let last = result.entries
        XCTAssertEqual(result.problem, AuditProblem(kind: .altered, seq: Int64(last)))
    }

    func testReorderedEntriesAreNamed() async throws {
        try edit("UPDATE audit_log SET seq = -1 WHERE seq = 3")
        try edit("UPDATE audit_log SET seq = 3 WHERE seq = 4")
        try edit("UPDATE audit_log SET seq = 4 WHERE seq = -1")
        let result = try await verify()
        XCTAssertEqual(result.problem, AuditProblem(kind: .altered, seq: 3))
    }

    func testEntriesCutOffTheEndAreNamedAndStayVisibleAfterTheNextEntry() async throws {
        let full = try await verify()
        let last = full.head.seq
        try edit("DELETE FROM audit_log WHERE seq >= ?", [last - 1])
        let cut = try await verify()
        XCTAssertEqual(cut.problem, AuditProblem(kind: .truncated, seq: last - 1, through: last))
        // The next entry builds on the stored head, so the gap stays in the chain for good.
        let store = try await open()
        try await store.audit.recordNow(.backupCreate)
        let after = try await store.audit.verify()
        XCTAssertEqual(after.problem, AuditProblem(kind: .missing, seq: last - 1, through: last))
        try store.close()
    }

    func testARemovedOrForgedHeadIsNamed() async throws {
        try edit("UPDATE integrity_digests SET row_count = row_count - 1 WHERE table_name = 'audit_log'")
        let forged = try await verify()
        XCTAssertEqual(forged.problem?.kind, .headDamaged)
        try edit("DELETE FROM integrity_digests WHERE table_name = 'audit_log'")
        let removed = try await verify()
        XCTAssertEqual(removed.problem?.kind, .headDamaged)
    }

    func testCuttingTheEndAndDeletingTheHeadDoesNotHealOverWithTheNextEntry() async throws {
        let full = try await verify()
        try edit("DELETE FROM audit_log WHERE seq > ?", [full.head.seq - 2])
        try edit("DELETE FROM integrity_digests WHERE table_name = 'audit_log'")
        let store = try await open()
        try await store.audit.recordNow(.backupCreate)
        let after = try await store.audit.verify()
        try store.close()
        XCTAssertEqual(after.problem, AuditProblem(kind: .outOfOrder, seq: full.head.seq - 1),
                       "the first entry written after the tampering links to nothing and stays named")
    }

    func testADatabaseReplacedByAnOlderCopyIsCaughtAgainstALaterBackup() async throws {
        let older = temp.dir.databasePath + ".older"
        try FileManager.default.copyItem(atPath: temp.dir.databasePath, toPath: older)
        let store = try await open()
        _ = try await store.patients.create(PatientDraft(firstName: "Anvar", lastName: "Soliyev"), ownerID: doctor.id)
        let backup = try await store.backup()
        let head = try await store.auditHead(ofBackup: backup.path)
        XCTAssertNotNil(head)
        let current = try await store.audit.verify(against: head)
        XCTAssertNil(current.problem, "the live database contains the backup's head")
        try store.close()
        for suffix in ["-wal", "-shm"] { try? FileManager.default.removeItem(atPath: temp.dir.databasePath + suffix) }
        try FileManager.default.removeItem(atPath: temp.dir.databasePath)
        try FileManager.default.moveItem(atPath: older, toPath: temp.dir.databasePath)
        let replaced = try await verify(against: head)
        XCTAssertEqual(replaced.problem?.kind, .olderThanHead, "the old copy's own chain holds, but it lacks the backup's head")
        let alone = try await verify()
        XCTAssertNil(alone.problem, "the older copy on its own is intact")
    }

    func testARestoreIsRecordedInTheRestoredTrail() async throws {
        let recovery = try TempDataDirectory()
        let key = try await recovery.initialize()
        let store = try await recovery.open()
        let backup = try await store.backup()
        try store.close()
        try await MedoraStore.restore(from: backup.path, secret: .recoveryKey(key), into: recovery.dir, replacing: true)
        let restored = try await recovery.open()
        defer { try? restored.close() }
        let last = try await restored.audit.page(AuditFilter(), limit: 2, olderThan: nil).lines.map(\.entry.action)
        XCTAssertEqual(last, [.backupRestore, .backupCreate])
        let verified = try await restored.audit.verify()
        XCTAssertNil(verified.problem)
    }
}
