import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import MedoraTestSupport
import XCTest

extension BinaryEndToEndTests {
    /// The issue's own scenario through the built binary: one tampered row and one row of the
    /// wrong type; the server starts and serves everyone else; `check` names both; `repair` removes
    /// them; a rollback is named and accepted after review.
    func testServerStartsAroundDamageAndRepairIsExplicit() async throws {
        let temp = try TempDataDirectory()
        let data = temp.dir.url.path
        let env = ["MEDORA_ADMIN_PASSWORD": "admin-password-1", "MEDORA_USER_PASSWORD": "doctor-password-1"]
        XCTAssertEqual(try run(["init", "--data", data, "--no-passphrase"], env: env).status, 0)
        XCTAssertEqual(try run(["user", "add", "--data", data, "dr.k"], env: env).status, 0)
        var (server, base) = try startServer(["serve", "--data", data, "--port", "0"], env: [:])
        let login = ["login": "dr.k", "password": "doctor-password-1"]
        var signedIn = try await Self.request("POST", "\(base)/api/v1/auth/login", json: login).1
        var token = try XCTUnwrap(signedIn["token"] as? String)
        var ids: [String] = []
        for (first, last) in [("Shoxrux", "Toshmatov"), ("Gulnora", "Karimova"), ("Jasur", "Qodirov"), ("Dilnoza", "Yusupova")] {
            let (_, p) = try await Self.request("POST", "\(base)/api/v1/patients", token: token, json: ["firstName": first, "lastName": last])
            ids.append(try XCTUnwrap(p["id"] as? String))
        }
        server.terminate()
        server.waitUntilExit()

        let uuids = ids.compactMap(UUID.init(uuidString:))
        try temp.tamper("UPDATE patients SET last_name_enc = CAST(substr(last_name_enc, 1, 40) || X'00' || substr(last_name_enc, 42) AS BLOB) WHERE id = ?", uuids[0])
        try temp.tamper("UPDATE patients SET version = 'two' WHERE id = ?", uuids[1])

        (server, base) = try startServer(["serve", "--data", data, "--port", "0"], env: [:])
        signedIn = try await Self.request("POST", "\(base)/api/v1/auth/login", json: login).1
        token = try XCTUnwrap(signedIn["token"] as? String)
        let (listStatus, list) = try await Self.request("GET", "\(base)/api/v1/patients", token: token)
        XCTAssertEqual(listStatus, 200)
        XCTAssertEqual(Set((list["items"] as? [[String: Any]])?.compactMap { $0["id"] as? String } ?? []), Set(ids[2...]))
        XCTAssertEqual(Set(list["damaged"] as? [String] ?? []), Set(ids[0...1]), "the damaged ones are marked by id")
        let (searchStatus, found) = try await Self.request("GET", "\(base)/api/v1/patients?q=yusupova", token: token)
        XCTAssertEqual(searchStatus, 200)
        XCTAssertEqual((found["items"] as? [[String: Any]])?.first?["id"] as? String, ids[3])
        let (damagedStatus, damaged) = try await Self.request("GET", "\(base)/api/v1/patients/\(ids[0])", token: token)
        XCTAssertEqual(damagedStatus, 500)
        let error = damaged["error"] as? [String: Any]
        XCTAssertEqual(error?["code"] as? String, "record_damaged")
        XCTAssertTrue((error?["message"] as? String)?.contains(ids[0]) == true)
        let (okStatus, ok) = try await Self.request("GET", "\(base)/api/v1/patients/\(ids[2])", token: token)
        XCTAssertEqual(okStatus, 200)
        XCTAssertEqual(ok["lastName"] as? String, "Qodirov")
        server.terminate()
        server.waitUntilExit()
        let log = try String(contentsOfFile: temp.dir.logsPath + "/medora.log", encoding: .utf8)
        XCTAssertTrue(log.contains("damaged record quarantined") && log.contains(ids[0]), "the log names the damaged ids")
        XCTAssertFalse(log.contains("Toshmatov"))

        let check = try run(["check", "--data", data])
        XCTAssertEqual(check.status, 1)
        XCTAssertTrue(check.stdout.contains("patients \(ids[0]): ciphertext (last_name_enc)"), check.stdout)
        XCTAssertTrue(check.stdout.contains("patients \(ids[1]): type (version)"), check.stdout)
        let repaired = try run(["repair", "--data", data, "--remove", ids[0], "--remove", ids[1]])
        XCTAssertEqual(repaired.status, 0, repaired.stdout + repaired.stderr)
        XCTAssertTrue(repaired.stdout.hasSuffix("check passed\n"), repaired.stdout)

        // A row deleted by hand: named, then accepted after review.
        try temp.tamper("DELETE FROM patients WHERE id = ?", uuids[2])
        let afterDelete = try run(["check", "--data", data])
        XCTAssertEqual(afterDelete.status, 1)
        XCTAssertTrue(afterDelete.stdout.contains("patients: the set of rows is not the one written"), afterDelete.stdout)
        XCTAssertTrue(afterDelete.stdout.contains("2 recorded, 1 found"), afterDelete.stdout)
        let accepted = try run(["repair", "--data", data, "--accept-row-sets"])
        XCTAssertEqual(accepted.status, 0, accepted.stdout)
        let unknown = try run(["repair", "--data", data, "--remove", UUID().uuidString])
        XCTAssertEqual(unknown.status, 1)
    }
}
