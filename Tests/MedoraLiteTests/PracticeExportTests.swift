import Foundation
import Hummingbird
import HummingbirdTesting
import MedoraStorage
import MedoraTestSupport
import XCTest
@testable import MedoraLite

/// The practice export (FHIR Bulk Data in one encrypted archive) and the deletion of a doctor's
/// account, which exports and then erases their patients once an administrator confirms.
final class PracticeExportTests: XCTestCase {
    func seed(_ store: MedoraStore) async throws -> (a: User, b: User, aPatients: [UUID], bPatient: UUID) {
        let a = try await store.users.find(login: "drA")!, b = try await store.users.find(login: "drB")!
        var ids: [UUID] = []
        for (first, last) in [("Baxtiyor", "Xoliqov"), ("Nargiza", "Ismoilova"), ("Rustam", "Jo'rayev")] {
            let p = try await store.patients.create(PatientDraft(firstName: first, lastName: last, birthDate: "1980-02-03", sex: .male),
                                                    ownerID: a.id)
            _ = try await store.analyses.create(patientID: p.id, scope: .owner(a.id), draft: AnalysisDraft(
                takenOn: "2026-09-01", results: [LabResult(code: "718-7", value: 11.2, unit: "g/dL"), LabResult(code: "2345-7", value: 131, unit: "mg/dL")]))
            ids.append(p.id)
        }
        let other = try await store.patients.create(PatientDraft(firstName: "Komila", lastName: "Saidova"), ownerID: b.id)
        return (a, b, ids, other.id)
    }

    func testAPracticeExportOpensWithItsCodeOnlyAndHoldsItsScope() async throws {
        let f = try await APIFixture()
        let s = try await seed(f.store)
        let made = try await f.store.practiceExport(scope: .owner(s.a.id))
        XCTAssertEqual(made.summary, PracticeExport.Summary(patients: 3, observations: 6, reports: 3))
        for name in ["Xoliqov", "Ismoilova", "Baxtiyor"] { XCTAssertFalse(made.archive.contains(name), name) }
        let files = try PracticeExport.open(made.archive, code: made.code.lowercased().replacingOccurrences(of: "-", with: ""))
        XCTAssertEqual(files.files.map(\.name), ["Patient.ndjson", "Observation.ndjson", "DiagnosticReport.ndjson", "manifest.json"])
        let patients = String(decoding: files.files[0].contents, as: UTF8.self)
        XCTAssertEqual(patients.split(separator: "\n").count, 3)
        XCTAssertTrue(patients.contains("Ismoilova") && !patients.contains("Saidova"), "one doctor's patients only")
        let manifest = String(decoding: files.files[3].contents, as: UTF8.self)
        let head = try await f.store.audit.head()
        XCTAssertTrue(manifest.contains(head.description), "the manifest carries the audit head: \(manifest)")
        let recorded = try await f.store.audit.page(AuditFilter(action: .practiceExport), limit: 5, olderThan: nil).lines
        XCTAssertEqual(recorded.count, 1)

        XCTAssertThrowsError(try PracticeExport.open(made.archive, code: "2345-6789-ABCD-EFGH")) { e in
            XCTAssertEqual((e as? MedoraError)?.kind, .exportWrongCode)
        }
        var flipped = made.archive
        flipped[flipped.count - 20] ^= 0x01
        XCTAssertThrowsError(try PracticeExport.open(flipped, code: made.code)) { e in
            XCTAssertEqual((e as? MedoraError)?.kind, .exportWrongCode, "an altered archive opens nothing")
        }
        XCTAssertThrowsError(try PracticeExport.open(made.archive.prefix(30), code: made.code)) { e in
            XCTAssertEqual((e as? MedoraError)?.kind, .exportInvalid)
        }
        XCTAssertThrowsError(try PracticeExport.open(Data("<html>".utf8), code: made.code))
    }

    func testDeletingADoctorsAccountExportsThenErasesTheirPatientsOnlyOnceConfirmed() async throws {
        let f = try await APIFixture()
        let s = try await seed(f.store)
        let store = f.store
        try await f.app.test(.router) { client in
            let (admin, csrf) = try await client.signIn("admin", password: "admin-password")
            let page = String(buffer: try await client.execute(uri: "/users/\(s.a.id.uuidString)", method: .get, headers: [.cookie: admin]).body)
            XCTAssertTrue(page.contains("has 3 patients"), page)
            let unconfirmed = try await client.post("/users/\(s.a.id.uuidString)/delete", cookie: admin, "csrf=\(csrf)")
            XCTAssertEqual(unconfirmed.status, .unprocessableContent)
            let stillThere = try await store.users.find(id: s.a.id)
            XCTAssertNotNil(stillThere, "nothing happens without the confirmation")

            let me = try await store.users.find(login: "admin")
            let own = try await client.post("/users/\(me!.id.uuidString)/delete", cookie: admin, "csrf=\(csrf)&confirm=yes")
            XCTAssertEqual(own.status, .forbidden, "not one's own account")

            let done = try await client.post("/users/\(s.a.id.uuidString)/delete", cookie: admin, "csrf=\(csrf)&confirm=yes")
            XCTAssertEqual(done.status, .ok)
            let html = String(buffer: done.body)
            XCTAssertTrue(html.contains("3 patients were exported and erased"), html)
            let code = try XCTUnwrap(html.range(of: #"[2-9A-HJ-KM-NP-Z]{4}(-[2-9A-HJ-KM-NP-Z]{4}){3}"#, options: .regularExpression).map { String(html[$0]) })
            let token = try XCTUnwrap(html.range(of: #"/exports/[A-Za-z0-9_-]+"#, options: .regularExpression).map { String(html[$0]) })
            let file = try await client.execute(uri: token, method: .get, headers: [.cookie: admin])
            XCTAssertEqual(file.status, .ok)
            let files = try PracticeExport.open(Data(buffer: file.body), code: code)
            XCTAssertEqual(String(decoding: files.files[0].contents, as: UTF8.self).split(separator: "\n").count, 3)
        }
        let gone = try await store.users.find(id: s.a.id)
        XCTAssertNil(gone)
        let left = try await store.patientRepository.ownedIDs(s.a.id)
        XCTAssertTrue(left.isEmpty)
        let others = try await store.patients.find(id: s.bPatient, scope: .everyone)
        XCTAssertNotNil(others, "another doctor's patient stays")
        let erased = try await store.audit.page(AuditFilter(action: .patientErase), limit: 10, olderThan: nil).lines
        XCTAssertEqual(Set(erased.compactMap(\.entry.patientID)), Set(s.aPatients))
        XCTAssertFalse(try f.temp.rawBytes().contains("Ismoilova"))
    }
}
