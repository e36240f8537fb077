import Foundation
import Hummingbird
import HummingbirdTesting
import MedoraStorage
import XCTest
@testable import MedoraLite

/// The server answers only to its own names: a rebound DNS name gets 421, a request with no
/// `Host` gets 400, and no answer carries CORS headers.
final class HostCheckTests: XCTestCase {
    func testOnlyTheServersOwnNamesAreAnswered() async throws {
        let fixture = try await APIFixture()
        try await fixture.app.test(.live) { client in
            let port = try XCTUnwrap(client.port)
            func get(_ path: String, host: String, _ extra: String = "") throws -> String {
                try Self.rawRequest(port: port, "GET \(path) HTTP/1.1\r\nHost: \(host)\r\nConnection: close\r\n\(extra)\r\n")
            }
            for host in ["localhost:\(port)", "127.0.0.1:\(port)", "LOCALHOST", "[::1]:\(port)"] {
                let r = try get("/login", host: host)
                XCTAssertTrue(r.hasPrefix("HTTP/1.1 200"), "\(host): \(r.prefix(40))")
            }
            let rebound = try get("/login", host: "attacker.example:\(port)", "Accept-Language: uz\r\n")
            XCTAssertTrue(rebound.hasPrefix("HTTP/1.1 421"), String(rebound.prefix(40)))
            XCTAssertTrue(rebound.contains(ErrorText.misdirected.text(.uz)), "the page speaks Uzbek")
            let body = #"{"login":"drA","password":"\#(APIFixture.doctorPassword)"}"#
            let api = try Self.rawRequest(port: port, "POST /api/v1/auth/login HTTP/1.1\r\nHost: attacker.example\r\nConnection: close\r\n"
                                          + "Content-Type: application/json\r\nContent-Length: \(body.utf8.count)\r\n\r\n\(body)")
            XCTAssertTrue(api.hasPrefix("HTTP/1.1 421"), String(api.prefix(40)))
            XCTAssertTrue(api.contains("\"code\":\"misdirected\""), api)
            XCTAssertFalse(api.contains("token"), "no session for a rebound name")
            // No CORS: a page elsewhere is never invited to read answers.
            let cors = try await client.execute(uri: "/api/v1/auth/login", method: .options,
                                                headers: [.origin: "http://attacker.example", .accessControlRequestMethod: "POST"])
            XCTAssertFalse(cors.headers.contains { $0.name.rawName.lowercased().hasPrefix("access-control-") }, "\(cors.headers)")
            let health = try await client.execute(uri: "/health", method: .get, headers: [.origin: "http://attacker.example"])
            XCTAssertFalse(health.headers.contains { $0.name.rawName.lowercased().hasPrefix("access-control-") })
            // HTTP/1.0 with no Host at all.
            let raw = try Self.rawRequest(port: port, "GET /login HTTP/1.0\r\n\r\n")
            XCTAssertTrue(raw.hasPrefix("HTTP/1.0 400") || raw.hasPrefix("HTTP/1.1 400"), raw)
        }
    }

    func testNamesBeyondLoopback() {
        let loopback = AllowedHosts(listeningOn: "127.0.0.1")
        XCTAssertTrue(loopback.allows("localhost:8080"))
        XCTAssertTrue(loopback.allows("[::1]:8080"))
        XCTAssertFalse(loopback.allows("192.168.1.20:8080"), "loopback only: the LAN address is not a name of this server")
        XCTAssertFalse(loopback.allows(nil))
        XCTAssertFalse(loopback.allows(String(repeating: "a", count: 300)))
        let lan = AllowedHosts(listeningOn: "0.0.0.0", configured: ["Clinic.Example."])
        XCTAssertTrue(lan.allows("clinic.example:443"))
        XCTAssertTrue(lan.allows("clinic.example"))
        XCTAssertFalse(lan.allows("clinic.example.attacker.net"))
        XCTAssertTrue(lan.names.contains("127.0.0.1"))
        XCTAssertGreaterThan(lan.names.count, loopback.names.count, "the machine's names and addresses: \(lan.names)")
        XCTAssertEqual(AllowedHosts.stripPort("[fe80::1]:80"), "[fe80::1]")
        XCTAssertEqual(AllowedHosts.stripPort("fe80::1"), "fe80::1")
        XCTAssertEqual(AllowedHosts.stripPort("host:80"), "host")
    }

    static func rawRequest(port: Int, _ text: String) throws -> String {
        let fd = try SlowClientTests.connect(port)
        defer { close(fd) }
        _ = text.withCString { send(fd, $0, strlen($0), 0) }
        // Everything until the server closes the connection (the requests say `Connection: close`).
        return String(decoding: SlowClientTests.receive(fd, until: timeval(tv_sec: 5, tv_usec: 0)), as: UTF8.self)
    }
}
