import Foundation
import FoundationNetworking
import Hummingbird
import HummingbirdTesting
import NIOCore
import XCTest
@testable import MedoraLite

/// Idle, trickling and stalled connections cannot keep a doctor out: the connection cap gives
/// their places to new connections, and headers and bodies that do not arrive in time are cut.
final class SlowClientTests: XCTestCase {
    func testMoreIdleAndTricklingConnectionsThanTheCapStillLetADoctorIn() async throws {
        let fixture = try await APIFixture()
        fixture.connections = ConnectionRegistry(capacity: 60, headerTimeout: .seconds(20), bodyTimeout: .seconds(20))
        let registry = fixture.connections
        try await fixture.app.test(.live) { client in
            let port = try XCTUnwrap(client.port)
            var sockets: [Int32] = []
            defer { sockets.forEach { close($0) } }
            for _ in 0..<100 { sockets.append(try Self.connect(port)) }
            var trickling: [Int32] = []
            for _ in 0..<40 {
                let fd = try Self.connect(port)
                _ = "GET /login HTTP/1.1\r\nHost: localhost\r\nX-Slow: a".withCString { send(fd, $0, strlen($0), Int32(MSG_NOSIGNAL)) }
                trickling.append(fd)
            }
            sockets += trickling
            try await Task.sleep(for: .milliseconds(300))
            for fd in trickling { _ = "b".withCString { send(fd, $0, 1, Int32(MSG_NOSIGNAL)) } }
            XCTAssertLessThanOrEqual(registry.openCount, 60, "never more connections than the cap")

            let start = Date()
            let configuration = URLSessionConfiguration.ephemeral
            configuration.timeoutIntervalForRequest = 10
            let session = URLSession(configuration: configuration)
            var login = URLRequest(url: URL(string: "http://127.0.0.1:\(port)/api/v1/auth/login")!)
            login.httpMethod = "POST"
            login.setValue("application/json", forHTTPHeaderField: "Content-Type")
            login.httpBody = try JSONSerialization.data(withJSONObject: ["login": "drA", "password": APIFixture.doctorPassword])
            let (body, response) = try await session.data(for: login)
            XCTAssertEqual((response as? HTTPURLResponse)?.statusCode, 200)
            let token = try XCTUnwrap((try JSONSerialization.jsonObject(with: body) as? [String: Any])?["token"] as? String)
            var list = URLRequest(url: URL(string: "http://127.0.0.1:\(port)/api/v1/patients")!)
            list.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization")
            let (_, listed) = try await session.data(for: list)
            XCTAssertEqual((listed as? HTTPURLResponse)?.statusCode, 200)
            let seconds = Date().timeIntervalSince(start)
            XCTAssertGreaterThan(registry.evictedCount, 0, "idle connections gave up their places")
            XCTAssertLessThanOrEqual(registry.openCount, 60)
            print("signed in and listed behind 140 idle and trickling connections (cap 60) in \(String(format: "%.2f", seconds)) s")
        }
    }

    func testHeadersAndBodiesThatDoNotArriveInTimeAreCut() async throws {
        let fixture = try await APIFixture()
        fixture.connections = ConnectionRegistry(capacity: 100, headerTimeout: .seconds(1), bodyTimeout: .seconds(1))
        let registry = fixture.connections
        try await fixture.app.test(.live) { client in
            let port = try XCTUnwrap(client.port)
            let header = try Self.connect(port)
            defer { close(header) }
            _ = "GET /login HTTP/1.1\r\nHost: localhost\r\n".withCString { send(header, $0, strlen($0), Int32(MSG_NOSIGNAL)) }
            let body = try Self.connect(port)
            defer { close(body) }
            let start = "POST /api/v1/auth/login HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 200\r\n\r\n{\"login\":"
            _ = start.withCString { send(body, $0, strlen($0), Int32(MSG_NOSIGNAL)) }
            let idle = try Self.connect(port)
            defer { close(idle) }
            for fd in [header, body, idle] {
                XCTAssertTrue(Self.closedByServer(fd, within: 5), "a stalled connection was cut")
            }
            XCTAssertGreaterThanOrEqual(registry.timedOutCount, 3, "each was cut for its time, none evicted")
            XCTAssertEqual(registry.evictedCount, 0)
            // A request that arrives whole is answered as always.
            let whole = try HostCheckTests.rawRequest(port: port, "GET /health HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
            XCTAssertTrue(whole.hasPrefix("HTTP/1.1 200"), whole)
        }
    }

    /// A 401 is written before the request's body is read; once the body is in, the connection
    /// waits for its next request like any other (cut at the header timeout, evictable), not
    /// "handling" until the idle timeout.
    func testAConnectionAnsweredBeforeItsBodyArrivedIsIdleOnceTheBodyIsIn() async throws {
        let fixture = try await APIFixture()
        fixture.connections = ConnectionRegistry(capacity: 100, headerTimeout: .seconds(2), bodyTimeout: .seconds(30))
        try await fixture.app.test(.live) { client in
            let port = try XCTUnwrap(client.port)
            let fd = try Self.connect(port)
            defer { close(fd) }
            let head = "POST /api/v1/patients HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n"
            _ = head.withCString { send(fd, $0, strlen($0), Int32(MSG_NOSIGNAL)) }
            // The whole answer, read until the server has been quiet for 300 ms (the connection stays open).
            let answer = Self.receive(fd, until: timeval(tv_sec: 0, tv_usec: 300_000))
            XCTAssertTrue(String(decoding: answer, as: UTF8.self).hasPrefix("HTTP/1.1 401"), "answered before the body")
            _ = "{}".withCString { send(fd, $0, strlen($0), Int32(MSG_NOSIGNAL)) }
            XCTAssertTrue(Self.closedByServer(fd, within: 5), "idle after its answer and its body: cut at the 2 s header timeout")
        }
    }

    static func connect(_ port: Int) throws -> Int32 {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw POSIXError(.EMFILE) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard result == 0 else { close(fd); throw POSIXError(.ECONNREFUSED) }
        return fd
    }

    /// Everything the server sends until it closes the socket or is quiet for `quiet`.
    static func receive(_ fd: Int32, until quiet: timeval) -> [UInt8] {
        var timeout = quiet
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var answer: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let n = recv(fd, &buffer, buffer.count, 0)
            if n <= 0 { break }
            answer += buffer.prefix(n)
        }
        return answer
    }

    /// Reads until the server closes the socket (or `seconds` pass): true when it was closed.
    static func closedByServer(_ fd: Int32, within seconds: Int) -> Bool {
        var timeout = timeval(tv_sec: seconds, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let n = recv(fd, &buffer, buffer.count, 0)
            if n == 0 { return true }
            if n < 0 { return errno == ECONNRESET }
        }
    }
}
