import Foundation
import Hummingbird
import HummingbirdTesting
import MedoraStorage
import MedoraTestSupport
import XCTest
@testable import MedoraLite

/// Bodies and headers an attacker would send: every one gets a bounded, clear answer.
final class RequestEdgeTests: XCTestCase {
    func testDeeplyNestedBodiesAreRefusedCheaply() async throws {
        let f = try await APIFixture()
        try await f.app.test(.router) { client in
            let token = try await client.login("drA")
            let nested = "{\"notes\":" + String(repeating: "[", count: 500) + String(repeating: "]", count: 500) + "}"
            let start = ContinuousClock.now
            for _ in 0..<8 {
                let r = try await client.json(.post, "/api/v1/patients", token: token, body: nested)
                XCTAssertEqual(r.status, .badRequest)
                XCTAssertEqual(r.errorCode, "invalid_json")
            }
            // A guard against the quadratic decoder coming back (it took 1.45 s per request), not a speed target.
            XCTAssertLessThan(ContinuousClock.now - start, .seconds(2))
            let shallow = "{\"firstName\":\"Ali\",\"lastName\":\"Valiyev\",\"notes\":" + String(repeating: "[", count: 31)
                + String(repeating: "]", count: 31) + "}"
            let r = try await client.json(.post, "/api/v1/patients", token: token, body: shallow)
            XCTAssertEqual(r.errorFields, ["notes"], "31 deep parses and is reported as a wrong type")
            let brackets = "{\"firstName\":\"Ali\",\"lastName\":\"[[[[ " + String(repeating: "{", count: 100) + "\"}"
            let inString = try await client.json(.post, "/api/v1/patients", token: token, body: brackets)
            XCTAssertEqual(inString.errorFields, ["lastName"], "brackets inside strings are text, not nesting")
        }
    }

    func testThousandsOfUnknownFieldsGetAShortAnswer() async throws {
        let f = try await APIFixture()
        try await f.app.test(.router) { client in
            let token = try await client.login("drA")
            // 20,000 fields: about 200 KB, within a patient route's 256 KB.
            let body = "{" + (0..<20_000).map { "\"f\($0)\":1" }.joined(separator: ",") + "}"
            let r = try await client.json(.post, "/api/v1/patients", token: token, body: body)
            XCTAssertEqual(r.status, .unprocessableContent)
            let details = (r.object["error"] as? [String: Any])?["details"] as? [Any]
            XCTAssertEqual(details?.count, PatientPayload.maxReportedIssues)
            XCTAssertLessThan(r.body.readableBytes, 20_000)
        }
    }

    func testChunkedBodyOverTheLimitIs413() async throws {
        let f = try await APIFixture()
        try await f.app.test(.router) { client in
            let token = try await client.login("drA")
            // No Content-Length: the limit is enforced while reading.
            let big = ByteBuffer(string: "{\"notes\":\"" + String(repeating: "a", count: 2 << 20) + "\"}")
            let r = try await client.execute(uri: "/api/v1/patients", method: .post,
                                             headers: [.authorization: "Bearer \(token)", .contentType: "application/json"], body: big)
            XCTAssertEqual(r.status, .contentTooLarge)
            XCTAssertEqual(r.errorCode, "payload_too_large")
            let login = try await client.execute(uri: "/api/v1/auth/login", method: .post,
                                                 headers: [.contentType: "application/json"], body: big)
            XCTAssertEqual(login.status, .contentTooLarge)
        }
    }

    /// Each route takes what it needs: 64 KB for a sign-in, 256 KB for a patient, 1 MB for a lab import.
    func testBodyLimitsPerRoute() async throws {
        let f = try await APIFixture()
        try await f.app.test(.router) { client in
            let token = try await client.login("drA")
            let padded = { (bytes: Int) in "{\"login\":\"drA\",\"password\":\"" + String(repeating: "p", count: bytes) + "\"}" }
            let login = try await client.json(.post, "/api/v1/auth/login", body: padded(100 << 10))
            XCTAssertEqual(login.status, .contentTooLarge, "a 100 KB sign-in")
            let chunked = try await client.execute(uri: "/api/v1/auth/login", method: .post, headers: [.contentType: "application/json"],
                                                   body: ByteBuffer(string: padded(100 << 10)))
            XCTAssertEqual(chunked.status, .contentTooLarge, "the same without Content-Length")
            let patient = try await client.json(.post, "/api/v1/patients", token: token,
                                                body: "{\"firstName\":\"A\",\"lastName\":\"B\",\"notes\":\"" + String(repeating: "n", count: 100 << 10) + "\"}")
            XCTAssertNotEqual(patient.status, .contentTooLarge, "a 100 KB patient is within its route's limit")
            let bigger = try await client.json(.post, "/api/v1/patients", token: token,
                                               body: "{\"notes\":\"" + String(repeating: "n", count: 300 << 10) + "\"}")
            XCTAssertEqual(bigger.status, .contentTooLarge, "300 KB is not")
            let created = try await client.json(.post, "/api/v1/patients", token: token, body: ["firstName": "Ali", "lastName": "Valiyev"])
            let id = try XCTUnwrap(created.object["id"] as? String)
            let table = "Hemoglobin 135 g/L\n" + String(repeating: "# comment line\n", count: 20_000)
            let parse = try await client.json(.post, "/api/v1/patients/\(id)/analyses/parse", token: token, body: ["text": table])
            XCTAssertNotEqual(parse.status, .contentTooLarge, "a 300 KB lab table is within the import's limit")
        }
    }

    func testUnparsableIfMatchAndNonJSONLoginAreRefused() async throws {
        let f = try await APIFixture()
        try await f.app.test(.router) { client in
            let token = try await client.login("drA")
            let created = try await client.json(.post, "/api/v1/patients", token: token, body: ["firstName": "Ali", "lastName": "Valiyev"])
            let id = try XCTUnwrap(created.object["id"] as? String)
            for tag in ["abc", "\"x1\"", "1", "\"-4\""] {
                let r = try await client.json(.patch, "/api/v1/patients/\(id)", token: token, body: ["notes": "x"], headers: [.ifMatch: tag])
                XCTAssertEqual(r.status, .badRequest, tag)
            }
            let star = try await client.json(.patch, "/api/v1/patients/\(id)", token: token, body: ["notes": "x"], headers: [.ifMatch: "*"])
            XCTAssertEqual(star.status, .ok)
            let read = try await client.json(.get, "/api/v1/patients/\(id)", token: token)
            XCTAssertEqual(read.object["version"] as? Int, 2, "only the accepted write went through")
            let plain = try await client.execute(uri: "/api/v1/auth/login", method: .post, headers: [.contentType: "text/plain"],
                                                 body: ByteBuffer(string: "{\"login\":\"drA\",\"password\":\"doctor-password\"}"))
            XCTAssertEqual(plain.status, .unsupportedMediaType)
            let none = try await client.execute(uri: "/api/v1/auth/login", method: .post, headers: [:],
                                                body: ByteBuffer(string: "{\"login\":\"drA\",\"password\":\"doctor-password\"}"))
            XCTAssertEqual(none.status, .unsupportedMediaType)
        }
    }
}
