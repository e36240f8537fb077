import Foundation
import GRDB
import XCTest
import MedoraTestSupport
@testable import MedoraStorage

/// Analyses stored like every patient field: sealed under the patient's key, bound to their row
/// and version, authenticated, scoped with the patient, never in plaintext on disk.
final class AnalysisRepositoryTests: XCTestCase {
    var temp: TempDataDirectory!
    var store: MedoraStore!
    var doctor: User!
    var patient: Patient!

    override func setUp() async throws {
        temp = try TempDataDirectory()
        try await temp.initialize()
        store = try await temp.open()
        doctor = try await store.users.create(login: "dr.k", password: "long-enough-pass", displayName: "Dr K", role: .doctor)
        patient = try await store.patients.create(PatientDraft(firstName: "Gulnora", lastName: "Rahimova", birthDate: "1980-04-02",
                                                               sex: .female), ownerID: doctor.id)
    }

    override func tearDown() async throws {
        try? store?.close()
        store = nil
        temp = nil
    }

    func cbc(_ day: String, hgb: Double, unit: String = "g/dL") -> AnalysisDraft {
        AnalysisDraft(takenOn: day, lab: "Shifo Lab 7731", comment: "Fasting sample 5519", results: [
            LabResult(code: "718-7", value: hgb, unit: unit), LabResult(code: "787-2", value: 71.3, unit: "fL"),
        ])
    }

    func testAnalysesAreStoredReadAndScopedWithTheirPatient() async throws {
        let scope = PatientScope.owner(doctor.id)
        let first = try await store.analyses.create(patientID: patient.id, scope: scope, draft: cbc("2025-01-10", hgb: 13.1))
        let second = try await store.analyses.create(patientID: patient.id, scope: scope, draft: cbc("2025-06-03", hgb: 98, unit: "g/L"))
        let a = try XCTUnwrap(first), b = try XCTUnwrap(second)
        XCTAssertEqual(b.details.results[0].unit, "g/L", "the unit as entered is kept")
        XCTAssertTrue(b.reading.contains { $0.rule == .microcyticAnaemia }, "the reading is made and stored: \(b.reading)")
        let list = try await store.analyses.list(patientID: patient.id, scope: scope)
        XCTAssertEqual(list?.items.map(\.id), [b.id, a.id], "newest first")
        XCTAssertEqual(list?.items.first?.reading, b.reading)
        // The delta check reads the previous analysis: 13.1 → 9.8 g/dL is more than 2 g/dL.
        let previous = try XCTUnwrap(list).previousValues(before: b)
        let interpreted = patient.interpret(b.details, previous: previous)
        XCTAssertEqual(interpreted.results.first?.delta ?? 0, -3.3, accuracy: 1e-9)

        // Another doctor, an assistant with no doctor: nothing.
        let other = try await store.users.create(login: "dr.o", password: "long-enough-pass", displayName: "O", role: .doctor)
        let foreign = try await store.analyses.list(patientID: patient.id, scope: .owner(other.id))
        XCTAssertNil(foreign)
        let foreignWrite = try await store.analyses.create(patientID: patient.id, scope: .owner(other.id), draft: cbc("2025-07-01", hgb: 12))
        XCTAssertNil(foreignWrite)
        let foreignDelete = try await store.analyses.delete(id: a.id, patientID: patient.id, scope: .nobody)
        XCTAssertFalse(foreignDelete)
        let admin = try await store.analyses.list(patientID: patient.id, scope: .everyone)
        XCTAssertEqual(admin?.items.count, 2)

        // Update with a version; a stale one conflicts.
        var changed = a.details
        changed.comment = "Repeat sample"
        let updated = try await store.analyses.update(id: a.id, patientID: patient.id, scope: scope, draft: changed, expectedVersion: 1)
        XCTAssertEqual(updated?.version, 2)
        do {
            _ = try await store.analyses.update(id: a.id, patientID: patient.id, scope: scope, draft: changed, expectedVersion: 1)
            XCTFail("a stale version was accepted")
        } catch let e as MedoraError { XCTAssertEqual(e.kind, .versionConflict) }
        let deleted = try await store.analyses.delete(id: a.id, patientID: patient.id, scope: scope)
        XCTAssertTrue(deleted)
        let count = try await store.analyses.count(scope: .everyone)
        XCTAssertEqual(count, 1)
        let report = try await store.check()
        XCTAssertTrue(report.damaged.isEmpty && report.rowSets.isEmpty, "\(report.damaged) \(report.rowSets)")
    }

    func testImpossibleValuesUnknownTestsAndWrongUnitsAreRefusedAtTheirField() async throws {
        let scope = PatientScope.owner(doctor.id)
        let bad = AnalysisDraft(takenOn: "2031-01-01", lab: "x\u{0}y", results: [
            LabResult(code: "718-7", value: -4, unit: "g/dL"), LabResult(code: "0000-0", value: 1, unit: "g/dL"),
            LabResult(code: "777-3", value: 250, unit: "mmol/L"), LabResult(code: "718-7", value: 13, unit: "g/dL"),
            LabResult(code: "2345-7", value: .nan, unit: "mg/dL"),
        ])
        do {
            _ = try await store.analyses.create(patientID: patient.id, scope: scope, draft: bad)
            XCTFail("accepted")
        } catch let e as MedoraError {
            XCTAssertEqual(Set(e.issues.map(\.field)), ["takenOn", "lab", "results[0].value", "results[1].code", "results[2].unit",
                                                       "results[3].code", "results[4].value"])
        }
        do {
            _ = try await store.analyses.create(patientID: patient.id, scope: scope,
                                                draft: AnalysisDraft(takenOn: "1975-01-01", results: [LabResult(code: "718-7", value: 13, unit: "g/dL")]))
            XCTFail("an analysis before the patient's birth was accepted")
        } catch let e as MedoraError { XCTAssertEqual(e.issues.map(\.field), ["takenOn"]) }
        let list = try await store.analyses.list(patientID: patient.id, scope: scope)
        XCTAssertEqual(list?.items.count, 0, "nothing stored")
    }

    func testNoResultInPlaintextAndAMovedOrEditedRowIsDamage() async throws {
        let scope = PatientScope.owner(doctor.id)
        let stored = try await store.analyses.create(patientID: patient.id, scope: scope, draft: cbc("2025-01-10", hgb: 13.1))
        let a = try XCTUnwrap(stored)
        try store.close()
        let raw = try temp.rawBytes()
        for secret in ["Shifo Lab 7731", "Fasting sample 5519", "718-7", "71.3", "2025-01-10", "microcytic"] {
            XCTAssertFalse(raw.contains(secret), "\(secret) in plaintext on disk")
        }
        // Move the analysis to another patient by editing the file: it opens for nobody.
        store = try await temp.open()
        let other = try await store.patients.create(PatientDraft(firstName: "Ali", lastName: "Valiyev"), ownerID: doctor.id)
        try store.close()
        let queue = try DatabaseQueue(path: temp.dir.databasePath)
        try await queue.write { db in try db.execute(sql: "UPDATE analyses SET patient_id = ?", arguments: [other.id]) }
        try queue.close()
        store = try await temp.open()
        let moved = try await store.analyses.list(patientID: other.id, scope: scope)
        XCTAssertEqual(moved?.items.count, 0, "not readable under another patient's key")
        XCTAssertEqual(moved?.damaged, [a.id])
        let original = try await store.analyses.list(patientID: patient.id, scope: scope)
        XCTAssertEqual(original?.items.count, 0)
        let report = try await store.check()
        XCTAssertTrue(report.damaged.contains { $0.id == a.id }, "\(report.damaged)")
    }

    func testRemovingADamagedPatientTakesTheirAnalysesAlong() async throws {
        let scope = PatientScope.owner(doctor.id)
        _ = try await store.analyses.create(patientID: patient.id, scope: scope, draft: cbc("2025-01-10", hgb: 13.1))
        try store.close()
        let queue = try DatabaseQueue(path: temp.dir.databasePath)
        try await queue.write { db in
            try db.execute(sql: "UPDATE patients SET last_name_enc = substr(last_name_enc, 1, 30) || x'00' || substr(last_name_enc, 32)")
        }
        try queue.close()
        store = try await temp.open()
        let before = try await store.check()
        XCTAssertTrue(before.damaged.contains { $0.id == patient.id })
        let after = try await store.repair(RepairPlan(remove: [patient.id]))
        XCTAssertTrue(after.damaged.isEmpty && after.rowSets.isEmpty, "\(after.damaged) \(after.rowSets)")
        XCTAssertEqual(after.foreignKeyViolations, 0)
        let left = try await store.analyses.count(scope: .everyone)
        XCTAssertEqual(left, 0)
        let recorded = try await store.audit.page(AuditFilter(action: .repairRemove), limit: 5, olderThan: nil).lines.map(\.entry)
        XCTAssertEqual(recorded.map(\.entityID), [patient.id], "the repair is in the audit trail")
        XCTAssertNil(after.audit?.problem)
    }
}
