import Foundation
import Hummingbird
import HummingbirdTesting
import MedoraStorage
import MedoraTestSupport
import XCTest
@testable import MedoraLite

/// The patient page's "Export for the patient": the code shown once, the file downloadable once by
/// the session that made it, within ten minutes, and by nobody else.
final class ExportPageTests: XCTestCase {
    func testButtonGivesACodeAndAFileOnlyItsSessionCanFetchOnce() async throws {
        let clock = MutableClock(Date())
        let f = try await APIFixture(clock: clock)
        let store = f.store
        let found = try await store.users.find(login: "drA")
        let drA = try XCTUnwrap(found)
        let patient = try await store.patients.create(PatientDraft(firstName: "Dilnoza", lastName: "Yusupova", birthDate: "1990-01-02",
                                                                   sex: .female), ownerID: drA.id)
        _ = try await store.analyses.create(patientID: patient.id, scope: .everyone, draft: AnalysisDraft(
            takenOn: "2026-04-04", results: [LabResult(code: "718-7", value: 13.1, unit: "g/dL")]))
        _ = try await store.users.create(login: "helper", password: APIFixture.doctorPassword, displayName: "Helper", role: .assistant, doctorID: drA.id)
        let key = patient.id.uuidString.lowercased()

        try await f.app.test(.router) { client in
            let (doctor, csrf) = try await client.signIn()
            let page = String(buffer: try await client.execute(uri: "/patients/\(key)", method: .get, headers: [.cookie: doctor]).body)
            XCTAssertTrue(page.contains("action=\"/patients/\(key)/export\"") && page.contains(ExportText.exportButton.text(.en)))

            let forged = try await client.post("/patients/\(key)/export", cookie: doctor, "csrf=wrong")
            XCTAssertEqual(forged.status, .forbidden)
            let made = try await client.post("/patients/\(key)/export", cookie: doctor, "csrf=\(csrf)&language=ru")
            XCTAssertEqual(made.status, .ok)
            XCTAssertEqual(made.headers[.cacheControl], "no-store")
            let html = String(buffer: made.body)
            let code = try XCTUnwrap(html.range(of: #"[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}"#, options: .regularExpression)
                .map { String(html[$0]) })
            let link = try XCTUnwrap(html.range(of: #"/exports/[0-9a-f]{64}"#, options: .regularExpression).map { String(html[$0]) })

            // Another doctor's session gets nothing, and does not use the download up.
            let (other, otherCSRF) = try await client.signIn("drB")
            let stolen = try await client.execute(uri: link, method: .get, headers: [.cookie: other])
            XCTAssertEqual(stolen.status, .notFound)
            XCTAssertFalse(String(buffer: stolen.body).contains("Yusupova"))
            let notTheirs = try await client.post("/patients/\(key)/export", cookie: other, "csrf=\(otherCSRF)")
            XCTAssertEqual(notTheirs.status, .notFound, "a patient outside the scope does not exist")
            let anonymous = try await client.execute(uri: link, method: .get)
            XCTAssertNotEqual(anonymous.status, .ok)

            let file = try await client.execute(uri: link, method: .get, headers: [.cookie: doctor])
            XCTAssertEqual(file.status, .ok)
            XCTAssertEqual(file.headers[.cacheControl], "no-store")
            XCTAssertTrue(file.headers[.contentDisposition]?.hasPrefix("attachment; filename=\"medical-record-") == true)
            let bytes = Data(buffer: file.body)
            XCTAssertFalse(bytes.contains("Yusupova") || bytes.contains("Dilnoza"))
            let payload = try PatientExportFile.open(html: bytes, code: code)
            XCTAssertEqual(payload.language, "ru")
            XCTAssertTrue(payload.record.contains("Yusupova") && payload.fhir.contains("718-7"))
            let again = try await client.execute(uri: link, method: .get, headers: [.cookie: doctor])
            XCTAssertEqual(again.status, .notFound, "served once")
            XCTAssertTrue(String(buffer: again.body).contains("This download has expired or was already used"))

            // Ten minutes later an unfetched file is gone.
            let late = String(buffer: try await client.post("/patients/\(key)/export", cookie: doctor, "csrf=\(csrf)").body)
            let lateLink = try XCTUnwrap(late.range(of: #"/exports/[0-9a-f]{64}"#, options: .regularExpression).map { String(late[$0]) })
            clock.set(clock.now().addingTimeInterval(ExportDownloads.lifetime + 1))
            let (fresh, _) = try await client.signIn()
            let expired = try await client.execute(uri: lateLink, method: .get, headers: [.cookie: fresh])
            XCTAssertEqual(expired.status, .notFound)

            // An assistant exports nothing.
            let (assistant, assistantCSRF) = try await client.signIn("helper")
            let refused = try await client.post("/patients/\(key)/export", cookie: assistant, "csrf=\(assistantCSRF)")
            XCTAssertEqual(refused.status, .forbidden)
        }
        let raw = try f.temp.rawBytes()
        XCTAssertFalse(raw.contains("Yusupova"), "neither the database nor the logs hold the name")
    }

    func testDownloadStoreIsBounded() {
        let store = ExportDownloads(clock: SystemClock())
        let session = UUID()
        let first = store.put(Data("a".utf8), fileName: "a.html", session: session)
        for _ in 0..<ExportDownloads.capacity { _ = store.put(Data("b".utf8), fileName: "b.html", session: session) }
        XCTAssertEqual(store.count, ExportDownloads.capacity)
        XCTAssertNil(store.take(first, session: session), "the oldest made room")
    }
}
