import Foundation
import Hummingbird
import HummingbirdTesting
import XCTest
@testable import MedoraLite

/// The API document is served from the binary; `make test` runs schemathesis against it
/// (Tests/API/schemathesis_test.py) to keep it true.
final class OpenAPITests: XCTestCase {
    func testTheDocumentIsServedAndNamesEveryResource() async throws {
        let fixture = try await APIFixture()
        try await fixture.app.test(.router) { client in
            let r = try await client.execute(uri: "/api/v1/openapi.json", method: .get)
            XCTAssertEqual(r.status, .ok)
            XCTAssertTrue(r.headers[.contentType]?.hasPrefix("application/json") == true)
            let document = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(buffer: r.body)) as? [String: Any])
            XCTAssertEqual(document["openapi"] as? String, "3.1.0")
            let paths = Set((document["paths"] as? [String: Any] ?? [:]).keys)
            for path in ["/api/v1/auth/login", "/api/v1/patients", "/api/v1/patients/{id}", "/api/v1/patients/{id}/analyses",
                         "/api/v1/patients/{id}/analyses/{analysis}", "/api/v1/users", "/api/v1/users/{id}"] {
                XCTAssertTrue(paths.contains(path), path)
            }
            // A documented nested route exists: it answers its own error, not the router's 404.
            let token = try await client.login("drA")
            let probe = try await client.json(.get, "/api/v1/patients/00000000-0000-0000-0000-000000000000/analyses", token: token)
            XCTAssertEqual(probe.errorCode, "patient_not_found")
        }
    }
}
