import Foundation
import MedoraTestSupport
import XCTest

/// The real binary under write load, killed with SIGKILL at random moments, many times
/// (`MEDORA_KILLS`, 20 in `make test`, more in `make soak`): every write that got a 2xx is there
/// after each restart, and the file passes `check`. And a restore drill: a backup made by the
/// command line while the server takes writes restores into a new folder with the recovery key
/// alone, sentinel record included.
extension BinaryEndToEndTests {
    func testRepeatedKillsUnderWriteLoadLoseNoAcknowledgedWrite() async throws {
        let rounds = Int(ProcessInfo.processInfo.environment["MEDORA_KILLS"] ?? "") ?? 20
        var rng = SplitMix(seed: UInt64(ProcessInfo.processInfo.environment["MEDORA_KILL_SEED"] ?? "") ?? 7)
        let temp = try TempDataDirectory()
        let data = temp.dir.url.path
        let env = ["MEDORA_PASSPHRASE": "clinic passphrase 2026", "MEDORA_ADMIN_PASSWORD": "admin-password-1"]
        XCTAssertEqual(try run(["init", "--data", data, "--keyfile"], env: env).status, 0)
        var acknowledged: [String] = []
        for round in 0..<rounds {
            let (server, base) = try startServer(["serve", "--data", data, "--port", "0"], env: env)
            let (_, login) = try await Self.request("POST", "\(base)/api/v1/auth/login", json: ["login": "admin", "password": "admin-password-1"])
            let token = try XCTUnwrap(login["token"] as? String, "round \(round): sign-in after a kill")
            // What the previous rounds acknowledged is all there (the last round's in full, a sample of older ones).
            let recent = acknowledged.suffix(60) + stride(from: 0, to: max(0, acknowledged.count - 60), by: 17).map { acknowledged[$0] }
            for id in recent {
                let (status, _) = try await Self.request("GET", "\(base)/api/v1/patients/\(id)", token: token)
                XCTAssertEqual(status, 200, "round \(round): acknowledged patient \(id) lost")
            }
            let delay = 100 + Int(rng.below(700))
            let written = try await withThrowingTaskGroup(of: [String].self) { group in
                for worker in 0..<3 {
                    group.addTask {
                        var ids: [String] = []
                        for i in 0..<10_000 {
                            guard let (status, body) = try? await Self.request("POST", "\(base)/api/v1/patients", token: token,
                                                                              json: ["firstName": "Kill", "lastName": "Round",
                                                                                     "notes": "r\(round) w\(worker) #\(i)"]),
                                  status == 201, let id = body["id"] as? String else { break }
                            ids.append(id)
                        }
                        return ids
                    }
                }
                try await Task.sleep(for: .milliseconds(delay))
                kill(server.processIdentifier, SIGKILL)
                var all: [String] = []
                for try await ids in group { all += ids }
                return all
            }
            server.waitUntilExit()
            acknowledged += written
        }
        XCTAssertGreaterThan(acknowledged.count, rounds, "writes were acknowledged before the kills")
        let check = try run(["check", "--data", data], env: env)
        XCTAssertEqual(check.status, 0, check.stdout + check.stderr)
    }

    func testBackupWhileServingThenRestoreElsewhereWithTheRecoveryKey() async throws {
        let temp = try TempDataDirectory()
        let data = temp.dir.url.path
        let env = ["MEDORA_PASSPHRASE": "clinic passphrase 2026", "MEDORA_ADMIN_PASSWORD": "admin-password-1"]
        let initialised = try run(["init", "--data", data], env: env)
        XCTAssertEqual(initialised.status, 0)
        let recovery = try XCTUnwrap(initialised.stdout.range(of: #"[A-Z0-9]{4}(-[A-Z0-9]{4}){5,}"#, options: .regularExpression)
            .map { String(initialised.stdout[$0]) }, initialised.stdout)
        let (server, base) = try startServer(["serve", "--data", data, "--port", "0"], env: env)
        defer { if server.isRunning { server.terminate() } }
        let (_, login) = try await Self.request("POST", "\(base)/api/v1/auth/login", json: ["login": "admin", "password": "admin-password-1"])
        let token = try XCTUnwrap(login["token"] as? String)
        let (_, sentinel) = try await Self.request("POST", "\(base)/api/v1/patients", token: token,
                                                    json: ["firstName": "Sentinel", "lastName": "Qoʻriqchi", "phone": "+998 90 000 11 22"])
        let sentinelID = try XCTUnwrap(sentinel["id"] as? String)
        // Writes go on while the command line makes the backup.
        async let loaded = Self.writeLoad(base: base, token: token, count: 200)
        let usb = temp.dir.url.appendingPathComponent("usb").path
        let backup = try run(["backup", "--data", data, "--to", usb], env: env)
        XCTAssertEqual(backup.status, 0, backup.stdout + backup.stderr)
        let written = await loaded
        XCTAssertGreaterThan(written, 0)
        let file = try XCTUnwrap(try FileManager.default.contentsOfDirectory(atPath: usb).first { $0.hasSuffix(".mlbak") })
        let bytes = try XCTUnwrap(FileManager.default.contents(atPath: usb + "/" + file))
        XCTAssertFalse(bytes.contains("Sentinel"), "no patient name in the backup file")
        XCTAssertFalse(bytes.contains("Qoʻriqchi"))

        // Another machine: a new folder, the recovery key alone.
        let elsewhere = try TempDataDirectory()
        let restore = try run(["restore", "--data", elsewhere.dir.url.path, "--recovery-key", usb + "/" + file],
                              env: ["MEDORA_RECOVERY_KEY": recovery])
        XCTAssertEqual(restore.status, 0, restore.stdout + restore.stderr)
        let check = try run(["check", "--data", elsewhere.dir.url.path, "--recovery-key"], env: ["MEDORA_RECOVERY_KEY": recovery])
        XCTAssertEqual(check.status, 0, check.stdout + check.stderr)
        let (restored, base2) = try startServer(["serve", "--data", elsewhere.dir.url.path, "--port", "0", "--recovery-key"],
                                                env: ["MEDORA_RECOVERY_KEY": recovery])
        defer { if restored.isRunning { restored.terminate() } }
        let (_, login2) = try await Self.request("POST", "\(base2)/api/v1/auth/login", json: ["login": "admin", "password": "admin-password-1"])
        let token2 = try XCTUnwrap(login2["token"] as? String)
        let (status, patient) = try await Self.request("GET", "\(base2)/api/v1/patients/\(sentinelID)", token: token2)
        XCTAssertEqual(status, 200)
        XCTAssertEqual(patient["lastName"] as? String, "Qoʻriqchi", "the sentinel decrypts with the restored key slots")

        // Over a database: never while its server runs, even with --force; stopped, only with --force.
        let recoveryEnv = ["MEDORA_RECOVERY_KEY": recovery]
        let underServer = try run(["restore", "--data", elsewhere.dir.url.path, "--recovery-key", "--force", usb + "/" + file], env: recoveryEnv)
        XCTAssertNotEqual(underServer.status, 0, "restored under a running server")
        restored.terminate()
        restored.waitUntilExit()
        let unforced = try run(["restore", "--data", elsewhere.dir.url.path, "--recovery-key", usb + "/" + file], env: recoveryEnv)
        XCTAssertEqual(unforced.status, 1)
        XCTAssertTrue(unforced.stderr.contains("--force"), unforced.stderr)
        let forced = try run(["restore", "--data", elsewhere.dir.url.path, "--recovery-key", "--force", usb + "/" + file], env: recoveryEnv)
        XCTAssertEqual(forced.status, 0, forced.stdout + forced.stderr)
        XCTAssertTrue(try FileManager.default.contentsOfDirectory(atPath: elsewhere.dir.url.path).contains { $0.hasPrefix("medora.db.before-restore-") })
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: usb), [file], "only the encrypted file ever lands on the stick")

        // A truncated copy is refused by verify and restore, with a clear message.
        let cut = temp.dir.url.appendingPathComponent("cut.mlbak").path
        FileManager.default.createFile(atPath: cut, contents: bytes.prefix(bytes.count - 10))
        let verifyCut = try run(["backup", "verify", "--data", data, cut], env: env)
        XCTAssertEqual(verifyCut.status, 1)
        XCTAssertTrue(verifyCut.stderr.contains("not a usable backup"), verifyCut.stderr)
        let third = try TempDataDirectory()
        let restoreCut = try run(["restore", "--data", third.dir.url.path, "--recovery-key", cut], env: ["MEDORA_RECOVERY_KEY": recovery])
        XCTAssertEqual(restoreCut.status, 1)
        XCTAssertFalse(FileManager.default.fileExists(atPath: third.dir.databasePath), "nothing restored")
    }

    /// Creates `count` patients one after another; how many were acknowledged.
    static func writeLoad(base: String, token: String, count: Int) async -> Int {
        var written = 0
        for _ in 0..<count {
            let status = (try? await request("POST", "\(base)/api/v1/patients", token: token, json: ["firstName": "Load", "lastName": "Writer"]))?.0
            if status == 201 { written += 1 }
        }
        return written
    }
}
