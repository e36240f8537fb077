import Foundation
import Hummingbird
import HummingbirdTesting
import MedoraStorage
import XCTest
@testable import MedoraLite

/// `/health/detailed` and `/metrics`: what they report, and who may read them (an administrator's
/// token, or a client on this machine).
final class MonitoringTests: XCTestCase {
    func testDetailedHealthReportsTheServersStateToAdministratorsOnly() async throws {
        let fixture = try await APIFixture()
        try await fixture.app.test(.router) { client in
            let admin = try await client.login("admin", "admin-password")
            let doctor = try await client.login("drA")
            let anonymous = try await client.json(.get, "/health/detailed")
            XCTAssertEqual(anonymous.status, .unauthorized, "a peer elsewhere needs a token")
            let byDoctor = try await client.json(.get, "/health/detailed", token: doctor)
            XCTAssertEqual(byDoctor.status, .forbidden)
            let forged = try await client.json(.get, "/health/detailed", token: "forged")
            XCTAssertEqual(forged.status, .unauthorized)
            let r = try await client.json(.get, "/health/detailed", token: admin)
            XCTAssertEqual(r.status, .ok)
            XCTAssertEqual(r.object["status"] as? String, "ok")
            let database = try XCTUnwrap(r.object["database"] as? [String: Any])
            XCTAssertEqual(database["quickCheck"] as? [String], ["ok"])
            XCTAssertEqual(database["reachable"] as? Bool, true)
            XCTAssertEqual(database["quarantinedRecords"] as? Int, 0)
            XCTAssertGreaterThan(r.object["diskFreeBytes"] as? Int ?? 0, 0)
            XCTAssertNotNil(r.object["uptimeSeconds"] as? Int)
            XCTAssertNotNil((r.object["connections"] as? [String: Any])?["capacity"] as? Int)
            XCTAssertNotNil((r.object["passwordQueue"] as? [String: Any])?["waiting"] as? Int)
            XCTAssertNotNil(r.object["statisticsCache"] as? [String: Any])
            let audit = try XCTUnwrap(r.object["audit"] as? [String: Any])
            XCTAssertEqual(audit["droppedReads"] as? Int, 0)
            XCTAssertNotNil(audit["pendingReads"] as? Int)
        }
    }

    func testTheStatisticsCacheCountsHitsMissesAndInvalidations() async throws {
        let fixture = try await APIFixture()
        let found = try await fixture.store.users.find(login: "drA")
        let doctor = try XCTUnwrap(found)
        let since = Date().addingTimeInterval(-86_400)
        let before = fixture.store.statisticsCacheCounters
        _ = try await fixture.store.patients.statistics(scope: .owner(doctor.id), since: since, recent: 8)
        _ = try await fixture.store.patients.statistics(scope: .owner(doctor.id), since: since, recent: 8)
        var after = fixture.store.statisticsCacheCounters
        XCTAssertEqual(after.misses - before.misses, 1)
        XCTAssertEqual(after.hits - before.hits, 1)
        XCTAssertEqual(after.entries, 1)
        _ = try await fixture.store.patients.create(PatientDraft(firstName: "New", lastName: "Patient"), ownerID: doctor.id)
        after = fixture.store.statisticsCacheCounters
        XCTAssertEqual(after.entries, 0, "a patient write drops what the cache held")
        XCTAssertEqual(after.invalidations - before.invalidations, 1)
    }

    func testMetricsScrapeFromThisMachineWithRoutesStatusesAndRefusals() async throws {
        let fixture = try await APIFixture()
        fixture.limits.budgets[.perAddressPerMinute] = 3
        fixture.limits.trustedProxies = ["127.0.0.1"]
        try await fixture.app.test(.live) { client in
            let token = try await client.login("drA")
            for _ in 0..<3 { _ = try await client.json(.get, "/api/v1/patients", token: token) }
            for _ in 0..<5 { _ = try await client.execute(uri: "/login", method: .get, headers: [.xForwardedFor: "10.5.5.5"]) }
            let scrape = try await client.execute(uri: "/metrics", method: .get)
            XCTAssertEqual(scrape.status, .ok, "a client on this machine reads the metrics without a token")
            XCTAssertTrue(scrape.headers[.contentType]?.hasPrefix("text/plain") == true)
            let text = String(buffer: scrape.body)
            for expected in ["medora_uptime_seconds", "medora_password_queue_waiting", "medora_statistics_cache_hits", "medora_connections_open",
                             "medora_rate_limited_total{budget=\"address\"}", "http_server_request_duration_bucket", "/api/v1/patients",
                             "medora_disk_free_bytes", "medora_database_read_wait_seconds", "medora_database_writes"] {
                XCTAssertTrue(text.contains(expected), "\(expected) missing")
            }
            XCTAssertFalse(text.contains("10.5.5.5"), "no client addresses in the metrics")
            let detailed = try await client.json(.get, "/health/detailed")
            XCTAssertEqual(detailed.status, .ok)
            // The same routes from an address elsewhere (through the trusted proxy) need a token.
            let remote = try await client.execute(uri: "/metrics", method: .get, headers: [.xForwardedFor: "10.6.6.6"])
            XCTAssertEqual(remote.status, .unauthorized)
        }
    }
}
