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

    func testAdministratorsAddUsersChangeRolesAndResetPasswordsOverTheAPI() async throws {
        let f = try await APIFixture()
        let store = f.store
        try await f.app.test(.router) { client in
            let admin = try await client.login("admin", "admin-password")
            let drAToken = try await client.login("drA")
            let drA = try await client.json(.get, "/api/v1/auth/me", token: drAToken)
            let doctorID = try XCTUnwrap(drA.object["id"] as? String)

            for (body, field) in [(["login": "xuser", "password": "long-enough-pass", "displayName": "X", "role": "boss"], "role"),
                                  (["login": "xuser", "password": "qwertyuiop", "displayName": "X", "role": "doctor"], "password"),
                                  (["login": "xuser", "password": "long-enough-pass", "displayName": "X", "role": "doctor",
                                    "isRoot": "yes"], "isRoot"),
                                  (["login": "xuser", "password": "long-enough-pass", "displayName": "X", "role": "assistant",
                                    "doctorId": "not-a-uuid"], "doctorId"),
                                  (["login": "xuser", "password": "long-enough-pass", "displayName": "X", "role": "assistant",
                                    "doctorId": UUID().uuidString], "doctorId")] {
                let r = try await client.json(.post, "/api/v1/users", token: admin, body: body)
                XCTAssertEqual(r.status, .unprocessableContent, "\(body)")
                XCTAssertEqual(r.errorFields, [field], "\(body)")
            }
            let nested = try await client.json(.post, "/api/v1/users", token: admin, body: #"{"login": {"a": [1]}}"#)
            XCTAssertEqual(nested.status, .unprocessableContent)
            let listed = try await store.users.list().map(\.login)
            XCTAssertFalse(listed.contains("xuser"), "a refused request adds nobody")

            let added = try await client.json(.post, "/api/v1/users", token: admin,
                                              body: ["login": "malika", "password": "long-enough-pass", "displayName": "Malika",
                                                     "role": "assistant", "doctorId": doctorID])
            XCTAssertEqual(added.status, .created)
            XCTAssertEqual(added.object["doctorId"] as? String, doctorID)
            let malikaID = try XCTUnwrap(added.object["id"] as? String)
            let malika = try await client.login("malika", "long-enough-pass")

            let promoted = try await client.json(.patch, "/api/v1/users/\(malikaID)", token: admin, body: ["role": "doctor"])
            XCTAssertEqual(promoted.status, .ok)
            XCTAssertEqual(promoted.object["role"] as? String, "doctor")
            XCTAssertNil(promoted.object["doctorId"])
            let old = try await client.json(.get, "/api/v1/auth/me", token: malika)
            XCTAssertEqual(old.status, .unauthorized, "a role change ends the sessions")

            let reset = try await client.json(.post, "/api/v1/users/\(malikaID)/password", token: admin,
                                              body: ["password": "another-long-one"])
            XCTAssertEqual(reset.status, .noContent)
            _ = try await client.login("malika", "another-long-one")

            let me = try await client.json(.get, "/api/v1/auth/me", token: admin)
            let adminID = try XCTUnwrap(me.object["id"] as? String)
            let demote = try await client.json(.patch, "/api/v1/users/\(adminID)", token: admin, body: ["role": "doctor"])
            XCTAssertEqual(demote.status, .conflict)
            XCTAssertEqual(demote.errorCode, "last_administrator")
        }
    }
}
