import Foundation
import Hummingbird
import HummingbirdTesting
import MedoraStorage
import MedoraTestSupport
import XCTest
@testable import MedoraLite

/// The administrator's backups page and `/health/detailed`.
final class BackupPageTests: XCTestCase {
    func testAdministratorsMakeListAndDownloadBackupsAndSeeTheirStateNobodyElseDoes() async throws {
        let clock = MutableClock(Date())
        let f = try await APIFixture(clock: clock)
        let scheduler = BackupScheduler(store: f.store, appVersion: "test")
        f.backups = scheduler
        let backupsPath = f.store.directory.backupsPath
        try await f.app.test(.router) { client in
            // The service makes the first backup as the server starts.
            for _ in 0..<100 where scheduler.status.lastGood == nil { try await Task.sleep(for: .milliseconds(50)) }
            let first = try XCTUnwrap(scheduler.status.lastGood, "made at start")
            let (early, _) = try await client.signIn("admin", password: "admin-password")
            let fresh = String(buffer: try await client.execute(uri: "/", method: .get, headers: [.cookie: early]).body)
            XCTAssertFalse(fresh.contains(WebText.backupStale.text(.en)))
            // A day later (nothing changed, so nothing was due):
            clock.set(clock.now().addingTimeInterval(25 * 3600))
            let (admin, csrf) = try await client.signIn("admin", password: "admin-password")
            let (doctor, doctorCSRF) = try await client.signIn()
            let adminToken = try await client.login("admin", "admin-password")
            let doctorToken = try await client.login("drA")
            let stale = String(buffer: try await client.execute(uri: "/", method: .get, headers: [.cookie: admin]).body)
            XCTAssertTrue(stale.contains(WebText.backupStale.text(.en)), "a day without a backup: a warning for administrators")
            let doctorHome = String(buffer: try await client.execute(uri: "/", method: .get, headers: [.cookie: doctor]).body)
            XCTAssertFalse(doctorHome.contains(WebText.backupStale.text(.en)), "doctors are not bothered with it")
            let before = try await client.json(.get, "/health/detailed", token: adminToken)
            XCTAssertEqual(before.object["status"] as? String, "warning")

            for (cookie, token) in [(doctor, doctorCSRF)] {
                let page = try await client.execute(uri: "/backups", method: .get, headers: [.cookie: cookie])
                XCTAssertEqual(page.status, .forbidden)
                let make = try await client.post("/backups", cookie: cookie, "csrf=\(token)")
                XCTAssertEqual(make.status, .forbidden)
            }
            let detailedByDoctor = try await client.json(.get, "/health/detailed", token: doctorToken)
            XCTAssertEqual(detailedByDoctor.status, .forbidden)
            let detailedByNobody = try await client.json(.get, "/health/detailed")
            XCTAssertEqual(detailedByNobody.status, .unauthorized)
            XCTAssertEqual(MedoraStore.listBackups(in: backupsPath).map(\.path), [first.path], "nothing made by refused requests")

            let made = try await client.post("/backups", cookie: admin, "csrf=\(csrf)")
            XCTAssertEqual(made.status, .ok)
            let page = String(buffer: made.body)
            XCTAssertTrue(page.contains(WebText.backupMade.text(.en)))
            XCTAssertFalse(page.contains(WebText.backupStale.text(.en)), "the warning is gone")
            let file = try XCTUnwrap(MedoraStore.listBackups(in: backupsPath).first)
            XCTAssertNotEqual(file.path, first.path, "a new one, newest first")
            let name = (file.path as NSString).lastPathComponent
            XCTAssertTrue(page.contains("/backups/\(name)"))
            XCTAssertEqual(page.components(separatedBy: "<td>\(WebText.backupVerified.text(.en))</td>").count - 1, 2,
                           "both backups made by this server are marked verified")

            let download = try await client.execute(uri: "/backups/\(name)", method: .get, headers: [.cookie: admin])
            XCTAssertEqual(download.status, .ok)
            XCTAssertEqual(Data(buffer: download.body), FileManager.default.contents(atPath: file.path))
            XCTAssertEqual(download.headers[.contentDisposition], "attachment; filename=\"\(name)\"")
            for bad in ["..%2Fmedora.db", "medora.db", "..%2F..%2Fetc%2Fpasswd", "medora-20260101-000000.mlbak"] {
                let r = try await client.execute(uri: "/backups/\(bad)", method: .get, headers: [.cookie: admin])
                XCTAssertEqual(r.status, .notFound, bad)
            }
            let byDoctor = try await client.execute(uri: "/backups/\(name)", method: .get, headers: [.cookie: doctor])
            XCTAssertEqual(byDoctor.status, .forbidden)

            let after = try await client.json(.get, "/health/detailed", token: adminToken)
            XCTAssertEqual(after.object["status"] as? String, "ok")
            let backup = try XCTUnwrap(after.object["backup"] as? [String: Any])
            XCTAssertEqual(backup["lastGoodFile"] as? String, name)
            XCTAssertEqual(backup["stale"] as? Bool, false)
        }
    }
}
