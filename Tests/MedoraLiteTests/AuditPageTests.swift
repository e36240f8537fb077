import Foundation
import Hummingbird
import HummingbirdTesting
import MedoraStorage
import MedoraTestSupport
import XCTest
@testable import MedoraLite

/// The audit trail through the server: who did what is recorded for the API and the pages (with
/// the user and the face used), the patient's page shows who accessed the record, and only an
/// administrator reads the whole trail, with filters.
final class AuditPageTests: XCTestCase {
    func testTheTrailRecordsAPIAndPageUseAndOnlyAnAdministratorReadsIt() async throws {
        let f = try await APIFixture()
        let store = f.store
        try await f.app.test(.router) { client in
            let token = try await client.login("drA")
            let created = try await client.json(.post, "/api/v1/patients", token: token,
                                                body: ["firstName": "Oydin", "lastName": "Nurmatova"])
            XCTAssertEqual(created.status, .created)
            let id = try XCTUnwrap(created.object["id"] as? String)
            _ = try await client.json(.get, "/api/v1/patients/\(id)", token: token)
            _ = try await client.json(.get, "/api/v1/patients/\(UUID().uuidString)", token: token)

            let (cookie, _) = try await client.signIn("drA")
            let page = String(buffer: try await client.execute(uri: "/patients/\(id)", method: .get, headers: [.cookie: cookie]).body)
            let panel = try XCTUnwrap(page.range(of: "<section class=\"access\">").map { String(page[$0.lowerBound...]) })
            XCTAssertTrue(panel.contains("Created the record") && panel.contains("Opened the record") && panel.contains("Doctor A"), panel)
            XCTAssertFalse(panel.contains("Nurmatova"), "the panel shows people and actions, not the record")

            let forbidden = try await client.execute(uri: "/audit", method: .get, headers: [.cookie: cookie])
            XCTAssertEqual(forbidden.status, .forbidden, "a doctor does not read the clinic's trail")

            let drA = try await store.users.find(login: "drA")
            let (admin, _) = try await client.signIn("admin", password: "admin-password")
            let all = String(buffer: try await client.execute(uri: "/audit", method: .get, headers: [.cookie: admin]).body)
            XCTAssertTrue(all.contains("Signed in") && all.contains("Created the record"), all)
            let filtered = try await client.execute(uri: "/audit?user=\(drA!.id.uuidString)&action=patient.read&from=2000-01-01&to=2999-12-31",
                                                    method: .get, headers: [.cookie: admin])
            let rows = String(buffer: filtered.body).components(separatedBy: "<tr").count - 2
            XCTAssertEqual(rows, 2, "drA opened the record twice (API and page): \(String(buffer: filtered.body))")
            let garbage = try await client.execute(uri: "/audit?user=nobody&action=drop%20table&from=99999&older=x",
                                                   method: .get, headers: [.cookie: admin])
            XCTAssertEqual(garbage.status, .ok, "nonsense filters are ignored, not an error")

            let entries = try await store.audit.page(AuditFilter(patientID: UUID(uuidString: id)), limit: 20, olderThan: nil).lines.map(\.entry)
            XCTAssertEqual(Set(entries.map(\.origin)), [.api, .web])
            XCTAssertTrue(entries.allSatisfy { $0.actor == drA?.id })
            let verified = try await store.audit.verify()
            XCTAssertNil(verified.problem)
        }
    }

    func testAFailedSignInIsRecordedWithItsAddressAndNoLogin() async throws {
        let f = try await APIFixture()
        try await f.app.test(.router) { client in
            let r = try await client.json(.post, "/api/v1/auth/login", body: ["login": "drA", "password": "wrong-password"])
            XCTAssertEqual(r.status, .unauthorized)
        }
        let lines = try await f.store.audit.page(AuditFilter(action: .signInFailed), limit: 5, olderThan: nil).lines
        XCTAssertEqual(lines.count, 1)
        XCTAssertNil(lines.first?.entry.actor)
        XCTAssertEqual(lines.first?.entry.origin, .api)
    }
}
