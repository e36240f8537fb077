import Foundation
import MedoraTestSupport
import XCTest
@testable import MedoraStorage

final class SessionExpiryTests: XCTestCase {
    func testIdleSessionsEndAfterThirtyMinutesAndEveryOneAfterTwelveHours() async throws {
        let temp = try TempDataDirectory()
        try await temp.initialize()
        let start = Date()
        let clock = MutableClock(start)
        let store = try await temp.open(clock: clock)
        defer { try? store.close() }
        let found = try await store.users.find(login: "admin")
        let admin = try XCTUnwrap(found)
        let (active, _) = try await store.sessions.create(userID: admin.id, ip: nil, userAgent: nil)
        let (idle, _) = try await store.sessions.create(userID: admin.id, ip: nil, userAgent: nil)
        for token in [active, idle] {
            let resolved = try await store.sessions.resolve(token: token)
            XCTAssertNotNil(resolved)
        }

        // The active one is used every 20 minutes for 11 hours; the other not at all.
        var t = start
        while t < start.addingTimeInterval(11 * 3600) {
            t = t.addingTimeInterval(20 * 60)
            clock.set(t)
            let stillActive = try await store.sessions.resolve(token: active)
            XCTAssertNotNil(stillActive, "used within 30 minutes at \(t.timeIntervalSince(start) / 60) min")
        }
        let idleNow = try await store.sessions.resolve(token: idle)
        XCTAssertNil(idleNow, "unused for hours: ended")
        clock.set(t.addingTimeInterval(10 * 60))
        let idleAgain = try await store.sessions.resolve(token: idle)
        XCTAssertNil(idleAgain, "and stays ended")
        clock.set(start.addingTimeInterval(12 * 3600 + 1))
        let expired = try await store.sessions.resolve(token: active)
        XCTAssertNil(expired, "in use or not, every session ends after 12 hours")
    }
}
