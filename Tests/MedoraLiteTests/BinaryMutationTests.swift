import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import MedoraStorage
import MedoraTestSupport
import XCTest

/// A sample of the mutation test run through the built binary: `check` and `serve` on a damaged
/// file end with a documented exit code (never a crash), and a server that starts serves each
/// doctor only their own, unaltered patients.
extension BinaryEndToEndTests {
    func testDamagedFilesGiveDocumentedExitsAndServeOnlyIntactData() async throws {
        let pristine = try await Pristine.make()
        let count = Int(ProcessInfo.processInfo.environment["MEDORA_BINARY_MUTATIONS"] ?? "") ?? 30
        var rng = SplitMix(seed: 7)
        var done = 0, served = 0
        while done < count {
            let temp = try TempDataDirectory()
            try pristine.write(to: temp.dir)
            guard let mutation = try Mutator.apply(at: temp.dir.databasePath, rng: &rng) else { continue }
            done += 1
            let data = temp.dir.url.path
            let check = try run(["check", "--data", data])
            XCTAssertTrue([0, 1, 2].contains(check.status), "\(mutation): check exit \(check.status)")
            XCTAssertFalse((check.stdout + check.stderr).contains("Fatal error"), "\(mutation)")
            if mutation.changedAuthenticatedRow { XCTAssertNotEqual(check.status, 0, "\(mutation): \(check.stdout)") }

            let server: Process, base: String
            do {
                (server, base) = try startServer(["serve", "--data", data, "--port", "0"], env: [:])
            } catch {
                let refused = try run(["serve", "--data", data, "--port", "0"])
                XCTAssertTrue([1, 2].contains(refused.status), "\(mutation): serve exit \(refused.status)")
                XCTAssertEqual(refused.stderr.split(separator: "\n").count, 1, "\(mutation): one line: \(refused.stderr)")
                continue
            }
            served += 1
            for (login, doctor) in zip(Pristine.doctorLogins, pristine.doctors) {
                let (status, body) = try await Self.request("POST", "\(base)/api/v1/auth/login",
                                                            json: ["login": login, "password": Pristine.password])
                guard status == 200, let token = body["token"] as? String else { continue }
                let (listStatus, _) = try await Self.request("GET", "\(base)/api/v1/patients?limit=200", token: token)
                XCTAssertEqual(listStatus, 200, "\(mutation)")
                for (id, p) in pristine.patients {
                    let (s, read) = try await Self.request("GET", "\(base)/api/v1/patients/\(id.uuidString.lowercased())", token: token)
                    XCTAssertTrue([200, 404, 500].contains(s), "\(mutation): \(s)")
                    if s == 200 {
                        XCTAssertEqual(p.ownerID, doctor, "\(mutation): another doctor's patient served")
                        XCTAssertEqual(read["lastName"] as? String, p.details.lastName, "\(mutation)")
                        XCTAssertEqual(read["version"] as? Int, p.version, "\(mutation)")
                    }
                    if s == 500 { XCTAssertEqual((read["error"] as? [String: Any])?["code"] as? String, "record_damaged") }
                }
            }
            server.terminate()
            server.waitUntilExit()
            XCTAssertEqual(server.terminationStatus, 0, "\(mutation)")
        }
        XCTAssertGreaterThan(served, 0, "some damaged files still serve")
    }
}
