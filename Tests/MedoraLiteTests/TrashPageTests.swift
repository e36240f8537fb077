import Foundation
import Hummingbird
import HummingbirdTesting
import MedoraStorage
import MedoraTestSupport
import XCTest
@testable import MedoraLite

/// The trash and erasure through the API and the pages: a deleted patient is listed in the trash and
/// restorable; erased, they are gone for every route; another doctor reaches neither.
final class TrashPageTests: XCTestCase {
    func testDeleteRestoreAndEraseThroughTheAPIAndThePages() async throws {
        let f = try await APIFixture()
        try await f.app.test(.router) { client in
            let token = try await client.login("drA")
            let other = try await client.login("drB")
            func create(_ last: String) async throws -> String {
                let r = try await client.json(.post, "/api/v1/patients", token: token, body: ["firstName": "Lola", "lastName": last])
                return try XCTUnwrap(r.object["id"] as? String)
            }
            func status(_ m: HTTPRequest.Method, _ uri: String, _ t: String) async throws -> HTTPResponse.Status {
                try await client.json(m, uri, token: t).status
            }
            let a = try await create("Tursunova"), b = try await create("Abdullayeva")
            let s1 = try await status(.delete, "/api/v1/patients/\(a)", token)
            XCTAssertEqual(s1, .noContent)
            let s2 = try await status(.get, "/api/v1/patients/\(a)", token)
            XCTAssertEqual(s2, .notFound)
            let s3 = try await status(.post, "/api/v1/patients/\(a)/restore", other)
            XCTAssertEqual(s3, .notFound,
                           "another doctor's trash is not theirs")
            let back = try await client.json(.post, "/api/v1/patients/\(a)/restore", token: token)
            XCTAssertEqual(back.status, .ok)
            XCTAssertEqual(back.object["lastName"] as? String, "Tursunova")
            let s4 = try await status(.post, "/api/v1/patients/\(a)/restore", token)
            XCTAssertEqual(s4, .notFound, "not in the trash")

            let s5 = try await status(.post, "/api/v1/patients/\(b)/erase", other)
            XCTAssertEqual(s5, .notFound)
            let s6 = try await status(.post, "/api/v1/patients/\(b)/erase", token)
            XCTAssertEqual(s6, .noContent)
            let s7 = try await status(.post, "/api/v1/patients/\(b)/erase", token)
            XCTAssertEqual(s7, .notFound)
            let s8 = try await status(.post, "/api/v1/patients/\(b)/restore", token)
            XCTAssertEqual(s8, .notFound)
            let s9 = try await status(.post, "/api/v1/patients/not-an-id/erase", token)
            XCTAssertEqual(s9, .badRequest)

            let (cookie, csrf) = try await client.signIn("drA")
            let deleted = try await client.post("/patients/\(a)/delete", cookie: cookie, "csrf=\(csrf)")
            XCTAssertEqual(deleted.status, .ok)
            let trash = String(buffer: try await client.execute(uri: "/trash", method: .get, headers: [.cookie: cookie]).body)
            XCTAssertTrue(trash.contains("Tursunova") && trash.contains("/trash/\(a)/restore"), trash)
            let forged = try await client.post("/trash/\(a)/restore", cookie: cookie, "csrf=wrong")
            XCTAssertEqual(forged.status, .forbidden)
            let restored = try await client.post("/trash/\(a)/restore", cookie: cookie, "csrf=\(csrf)")
            XCTAssertEqual(restored.headers[.location], "/patients/\(a)?restored")
            let erased = try await client.post("/patients/\(a)/erase", cookie: cookie, "csrf=\(csrf)")
            XCTAssertTrue(String(buffer: erased.body).contains("erased for good"))
            let gone = try await client.execute(uri: "/patients/\(a)", method: .get, headers: [.cookie: cookie])
            XCTAssertEqual(gone.status, .notFound)
            let empty = String(buffer: try await client.execute(uri: "/trash", method: .get, headers: [.cookie: cookie]).body)
            XCTAssertTrue(empty.contains("The trash is empty."))
        }
        XCTAssertFalse(try f.temp.rawBytes().contains("Abdullayeva"))
    }
}
