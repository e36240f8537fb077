import Foundation
import Logging
import MedoraStorage
import MedoraTestSupport
import ServiceLifecycle
import XCTest
@testable import MedoraLite

final class BackgroundServiceTests: XCTestCase {
    /// Runs `services` in a group until `done` holds (or 10 s pass), then shuts the group down
    /// gracefully, as SIGTERM would.
    func runUntil(_ services: [any Service], _ done: @escaping @Sendable () async throws -> Bool) async throws {
        let group = ServiceGroup(services: services, logger: Logger(label: "test"))
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try await group.run() }
            let deadline = Date().addingTimeInterval(10)
            while try await !done(), Date() < deadline { try await Task.sleep(for: .milliseconds(20)) }
            await group.triggerGracefulShutdown()
            try await tasks.waitForAll()
        }
    }

    func testExpiredSessionsArePurgedWhileTheServerRuns() async throws {
        let temp = try TempDataDirectory()
        try await temp.initialize()
        let clock = MutableClock(Date())
        let store = try await temp.open(clock: clock)
        defer { try? store.close() }
        let found = try await store.users.find(login: "admin")
        let admin = try XCTUnwrap(found)
        let (old, _) = try await store.sessions.create(userID: admin.id, ip: nil, userAgent: nil)
        clock.set(Date().addingTimeInterval(SQLiteSessionRepository.lifetime + 60))
        let (fresh, _) = try await store.sessions.create(userID: admin.id, ip: nil, userAgent: nil)
        let remaining: @Sendable () async throws -> Int = { try await store.check().sessions }
        let before = try await remaining()
        XCTAssertEqual(before, 2)

        try await runUntil([PeriodicService.sessionPurge(store.sessions, logger: Logger(label: "t"), interval: .seconds(60))]) {
            try await remaining() == 1
        }
        let after = try await remaining()
        XCTAssertEqual(after, 1, "the expired session is gone")
        let resolvedOld = try await store.sessions.resolve(token: old)
        let resolvedFresh = try await store.sessions.resolve(token: fresh)
        XCTAssertNil(resolvedOld)
        XCTAssertNotNil(resolvedFresh, "a live session is kept")
    }

    func testLogLinesReachTheFileWhileRunningAndAtShutdown() async throws {
        let dir = (NSTemporaryDirectory() as NSString).appendingPathComponent("medora-log-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let file = try RotatingLogFile(directory: dir)
        let logger = Logger(label: "t") { JSONLogHandler(label: $0, file: file, echoToStderr: false) }
        let written: @Sendable () -> String = { (try? String(contentsOfFile: file.path, encoding: .utf8)) ?? "" }
        logger.info("first line")
        XCTAssertEqual(written(), "", "buffered until the flush service runs")
        // A long interval: the line below can only reach the file through the flush at shutdown.
        try await runUntil([PeriodicService.logFlush(file, interval: .seconds(3600))]) {
            if written().contains("first line") { logger.info("last line"); return true }
            return false
        }
        XCTAssertTrue(written().contains("last line"), written())
    }
}
