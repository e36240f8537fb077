import Foundation
import Hummingbird
import HummingbirdTesting
import MedoraStorage
import MedoraTestSupport
import XCTest
@testable import MedoraLite

final class UserAPITests: XCTestCase {
    func testAdministratorsDisableEnableAndDeleteUsersAndSessionsEndAtOnce() async throws {
        let f = try await APIFixture()
        try await f.app.test(.router) { client in
            let admin = try await client.login("admin", "admin-password")
            let doctorToken = try await client.login("drA")
            let forbidden = try await client.json(.get, "/api/v1/users", token: doctorToken)
            XCTAssertEqual(forbidden.status, .forbidden)
            XCTAssertEqual(forbidden.errorCode, "forbidden")

            let list = try await client.json(.get, "/api/v1/users", token: admin)
            let items = try XCTUnwrap(list.object["items"] as? [[String: Any]])
            let ids = Dictionary(uniqueKeysWithValues: items.compactMap { u in (u["login"] as? String).map { ($0, u["id"] as? String ?? "") } })
            XCTAssertEqual(Set(ids.keys), ["admin", "drA", "drB"])
            let created = try await client.json(.post, "/api/v1/patients", token: doctorToken, body: ["firstName": "Ali", "lastName": "Valiyev"])
            XCTAssertEqual(created.status, .created)

            let disabled = try await client.json(.post, "/api/v1/users/\(ids["drA"]!)/disable", token: admin)
            XCTAssertEqual(disabled.status, .ok)
            XCTAssertEqual(disabled.object["status"] as? String, "disabled")
            let afterDisable = try await client.json(.get, "/api/v1/patients", token: doctorToken)
            XCTAssertEqual(afterDisable.status, .unauthorized, "the session ended at once")
            let relogin = try await client.json(.post, "/api/v1/auth/login", body: ["login": "drA", "password": APIFixture.doctorPassword])
            XCTAssertEqual(relogin.status, .unauthorized)

            let hasPatients = try await client.json(.delete, "/api/v1/users/\(ids["drA"]!)", token: admin)
            XCTAssertEqual(hasPatients.status, .conflict)
            XCTAssertEqual(hasPatients.errorCode, "user_has_patients")
            let enabled = try await client.json(.post, "/api/v1/users/\(ids["drA"]!)/enable", token: admin)
            XCTAssertEqual(enabled.object["status"] as? String, "active")
            _ = try await client.login("drA")

            let deleted = try await client.json(.delete, "/api/v1/users/\(ids["drB"]!)", token: admin)
            XCTAssertEqual(deleted.status, .noContent)
            let gone = try await client.json(.post, "/api/v1/auth/login", body: ["login": "drB", "password": APIFixture.doctorPassword])
            XCTAssertEqual(gone.status, .unauthorized)

            let lastAdmin = try await client.json(.post, "/api/v1/users/\(ids["admin"]!)/disable", token: admin)
            XCTAssertEqual(lastAdmin.status, .conflict)
            XCTAssertEqual(lastAdmin.errorCode, "last_administrator")
            let badID = try await client.json(.post, "/api/v1/users/nope/disable", token: admin)
            XCTAssertEqual(badID.status, .badRequest)
            let unknown = try await client.json(.post, "/api/v1/users/\(UUID().uuidString)/disable", token: admin)
            XCTAssertEqual(unknown.status, .notFound)
        }
        let report = try await f.store.check()
        XCTAssertTrue(report.isHealthy, "every change was sealed: \(report.damaged.map(\.label)) \(report.rowSets.map(\.label))")
    }
}
