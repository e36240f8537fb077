import Foundation
import Logging
import MedoraTestSupport
import XCTest
@testable import MedoraLite

final class LogTests: XCTestCase {
    func testLogLinesAreValidJSONWithEscapesAndRotate() throws {
        let dir = (NSTemporaryDirectory() as NSString).appendingPathComponent("medora-log-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let file = try RotatingLogFile(directory: dir, maxBytes: 2000, keep: 2)
        let logger = Logger(label: "t") { JSONLogHandler(label: $0, file: file, echoToStderr: false) }
        logger.info("quote \" backslash \\ newline \n tab \t bell \u{7} ünïcode", metadata: ["k": "v\"", "n": .stringConvertible(42)])
        file.flush()
        let first = try String(contentsOfFile: file.path, encoding: .utf8).split(separator: "\n")[0]
        let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(first.utf8)) as? [String: Any])
        XCTAssertEqual(object["msg"] as? String, "quote \" backslash \\ newline \n tab \t bell \u{7} ünïcode")
        XCTAssertEqual(object["k"] as? String, "v\"")
        XCTAssertEqual(object["n"] as? String, "42")
        XCTAssertEqual(object["level"] as? String, "info")
        let ts = try XCTUnwrap(object["ts"] as? String)
        XCTAssertNotNil(ISO8601DateFormatter().date(from: ts.replacingOccurrences(of: #"\.\d{3}"#, with: "", options: .regularExpression)))

        for i in 0..<100 { logger.info("line \(i)") }
        file.flush()
        let names = try FileManager.default.contentsOfDirectory(atPath: dir).sorted()
        XCTAssertEqual(names, ["medora.log", "medora.log.1", "medora.log.2"], "rotated, keeping 2")
        for name in names {
            let size = (try FileManager.default.attributesOfItem(atPath: (dir as NSString).appendingPathComponent(name))[.size] as? Int) ?? 0
            XCTAssertLessThanOrEqual(size, 2000)
        }
    }
}

extension LogTests {
    func testTimestampsMatchFoundationsISO8601() {
        let formatter = ISO8601DateFormatter()
        var generator = SystemRandomNumberGenerator()
        // Epoch edges, leap days (2000-02-29, 2100-02-28 then 03-01), before 1970, and fractions of seconds.
        var dates = [0, -1, 86_399, 86_400, 951_782_400, 951_868_799, 4_107_542_399, 4_107_542_400]
            .map { Date(timeIntervalSince1970: $0) }
        for _ in 0..<20_000 {
            dates.append(Date(timeIntervalSince1970: Double.random(in: -2_208_988_800...4_102_444_800, using: &generator)))
        }
        for date in dates {
            let whole = Date(timeIntervalSince1970: date.timeIntervalSince1970.rounded(.down))
            XCTAssertEqual(Timestamp.string(date), formatter.string(from: whole), "\(date.timeIntervalSince1970)")
        }
        XCTAssertEqual(Timestamp.string(Date(timeIntervalSince1970: 1_795_752_637.125), milliseconds: true), "2026-11-27T04:10:37.125Z")
    }

    func testDurationsAndRouteTemplatesAsLogged() {
        XCTAssertEqual(AccessLogMiddleware.milliseconds(1234), "12.34")
        XCTAssertEqual(AccessLogMiddleware.milliseconds(5), "0.05")
        XCTAssertEqual(AccessLogMiddleware.milliseconds(100), "1.00")
        XCTAssertEqual(AccessLogMiddleware.milliseconds(123_456_789), "1234567.89")
        XCTAssertEqual(AccessLogMiddleware.template("/api/v1/patients/:id/analyses/:analysis"), "/api/v1/patients/{id}/analyses/{analysis}")
        XCTAssertEqual(AccessLogMiddleware.template("patients"), "/patients")
    }

    func testLogFilesOlderThanThirtyDaysAreRemovedAndTheCurrentOneStays() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("medora-logs-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = try RotatingLogFile(directory: dir.path)
        file.write(Array("{\"msg\":\"x\"}".utf8))
        file.flush()
        let now = Date()
        for (name, age) in [("medora.log.1", 2.0), ("medora.log.2", 31.0), ("medora.log.3", 45.0), ("old.log", 40.0), ("notes.txt", 90.0)] {
            let path = dir.appendingPathComponent(name).path
            FileManager.default.createFile(atPath: path, contents: Data("x".utf8))
            try FileManager.default.setAttributes([.modificationDate: now.addingTimeInterval(-age * 86_400)], ofItemAtPath: path)
        }
        try FileManager.default.setAttributes([.modificationDate: now.addingTimeInterval(-60 * 86_400)], ofItemAtPath: file.path)
        XCTAssertEqual(file.removeOldFiles(olderThan: 30 * 86_400, now: now), 3)
        let left = Set(try FileManager.default.contentsOfDirectory(atPath: dir.path))
        XCTAssertEqual(left, ["medora.log", "medora.log.1", "notes.txt"], "the file being written and files that are not logs stay")
    }
}
