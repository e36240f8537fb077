import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import MedoraStorage
import MedoraTestSupport
import XCTest
@testable import MedoraLite

/// An unlocked store in a temp dir with two doctors, and the app built on it exactly as `serve` does.
final class APIFixture {
    let temp: TempDataDirectory
    let store: MedoraStore
    let logger: Logger
    let logFile: RotatingLogFile
    static let doctorPassword = "doctor-password"
    let clock: any WallClock
    var secureCookies = false
    /// Short timeouts and backoff so the AI tests run in a second.
    var aiClient = AIReadingClient(timeout: .milliseconds(400), retries: 3, backoff: 0.01)
    /// Scheduled backups, made as `serve` makes them (off unless a test asks).
    var backups: BackupScheduler?
    /// Request budgets (the defaults unless a test asks for small ones).
    var limits = RateLimitSettings()
    /// The budgets' counters themselves, when a test looks at them (else made from `limits`).
    var rateLimits: RateLimits?
    /// The connection cap and header/body timeouts.
    var connections = ConnectionRegistry()

    init(clock: any WallClock = SystemClock()) async throws {
        self.clock = clock
        temp = try TempDataDirectory()
        try await temp.initialize()
        store = try await temp.open(clock: clock)
        (logger, logFile) = try Server.makeLogger(temp.dir)
        _ = try await store.users.create(login: "drA", password: Self.doctorPassword, displayName: "Doctor A", role: .doctor)
        _ = try await store.users.create(login: "drB", password: Self.doctorPassword, displayName: "Doctor B", role: .doctor)
    }

    var app: some ApplicationProtocol {
        var deps = AppDependencies(store: store, logger: logger, clock: clock)
        deps.aiClient = aiClient
        deps.backups = backups
        deps.limits = rateLimits ?? RateLimits(limits, clock: clock)
        return try! buildApplication(deps,
                         config: ServerConfig(host: "127.0.0.1", port: 0, secureCookies: secureCookies, connections: connections))
    }

    deinit { try? store.close() }
}

extension TestClientProtocol {
    func json(_ method: HTTPRequest.Method, _ uri: String, token: String? = nil, body: Any? = nil,
              headers extra: HTTPFields = [:]) async throws -> TestResponse {
        var headers = extra
        if let token { headers[.authorization] = "Bearer \(token)" }
        var buffer: ByteBuffer?
        if let body {
            headers[.contentType] = "application/json"
            let data = try (body as? String).map { Data($0.utf8) } ?? JSONSerialization.data(withJSONObject: body)
            buffer = ByteBuffer(bytes: data)
        }
        return try await execute(uri: uri, method: method, headers: headers, body: buffer)
    }

    func login(_ login: String, _ password: String = APIFixture.doctorPassword) async throws -> String {
        let r = try await json(.post, "/api/v1/auth/login", body: ["login": login, "password": password])
        XCTAssertEqual(r.status, .ok)
        return try XCTUnwrap(r.object["token"] as? String)
    }
}

extension TestResponse {
    var object: [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(buffer: body))) as? [String: Any] ?? [:]
    }

    var errorCode: String? { (object["error"] as? [String: Any])?["code"] as? String }
    var errorMessage: String? { (object["error"] as? [String: Any])?["message"] as? String }
    var errorFields: Set<String> {
        Set(((object["error"] as? [String: Any])?["details"] as? [[String: Any]] ?? []).compactMap { $0["field"] as? String })
    }
}
