import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import MedoraTestSupport
import XCTest
@testable import MedoraLite

/// Runs the built `medora-lite` binary as a user would: real processes, a real socket on 127.0.0.1.
final class BinaryEndToEndTests: XCTestCase {
    static var binary: URL {
        if let explicit = ProcessInfo.processInfo.environment["MEDORA_BIN"] { return URL(fileURLWithPath: explicit) }
        // The test bundle sits beside the executable in .build/<config>/.
        let here = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for dir in [here, here.deletingLastPathComponent()] {
            let candidate = dir.appendingPathComponent("medora-lite")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent(".build/debug/medora-lite")
    }

    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    func run(_ args: [String], env: [String: String] = [:]) throws -> Result {
        let p = Process()
        p.executableURL = Self.binary
        p.arguments = args
        p.environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("MEDORA_") }
            .merging(["MEDORA_LANG": "en"]) { $1 }.merging(env) { $1 }
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        p.standardInput = FileHandle.nullDevice
        try p.run()
        let o = out.fileHandleForReading.readDataToEndOfFile(), e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return Result(status: p.terminationStatus, stdout: String(decoding: o, as: UTF8.self), stderr: String(decoding: e, as: UTF8.self))
    }

    /// Starts `serve`, waits for its "running at" line and returns the process and base URL.
    func startServer(_ args: [String], env: [String: String], executable: URL = BinaryEndToEndTests.binary) throws -> (Process, String) {
        let (p, url, _) = try startServerReading(args, env: env, executable: executable)
        return (p, url)
    }

    /// The same, with what the server printed up to its "running at" line.
    func startServerReading(_ args: [String], env: [String: String], executable: URL = BinaryEndToEndTests.binary) throws -> (Process, String, String) {
        let p = Process()
        p.executableURL = executable
        p.arguments = executable == Self.binary ? args : Array(args.dropFirst())
        p.environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("MEDORA_") }
            .merging(["MEDORA_LANG": "en"]) { $1 }.merging(env) { $1 }
        let out = Pipe()
        p.standardOutput = out
        p.standardError = FileHandle.standardError
        p.standardInput = FileHandle.nullDevice
        try p.run()
        var seen = ""
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline {
            let chunk = out.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            seen += String(decoding: chunk, as: UTF8.self)
            if let r = seen.range(of: #"https?://127\.0\.0\.1:\d+"#, options: .regularExpression) {
                return (p, String(seen[r]), seen)
            }
        }
        p.terminate()
        // Thrown, not skipped: a test that expected a server fails; one that allows a refusal catches it.
        throw ServerDidNotStart(output: seen)
    }

    static func request(_ method: String, _ url: String, token: String? = nil, json: [String: Any]? = nil) async throws -> (Int, [String: Any]) {
        var req = URLRequest(url: URL(string: url)!)
        req.httpMethod = method
        if let token { req.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization") }
        if let json {
            req.setValue("application/json", forHTTPHeaderField: "Content-Type")
            req.httpBody = try JSONSerialization.data(withJSONObject: json)
        }
        let (data, response) = try await URLSession.shared.data(for: req)
        let object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] ?? [:]
        return ((response as! HTTPURLResponse).statusCode, object)
    }

    func testInitServeLoginCreateSearchReadThenNoPlaintextOnDisk() async throws {
        let temp = try TempDataDirectory()
        let data = temp.dir.url.path
        let env = ["MEDORA_PASSPHRASE": "clinic passphrase 2026", "MEDORA_ADMIN_PASSWORD": "admin-password-1",
                   "MEDORA_USER_PASSWORD": "doctor-password-1"]
        let initResult = try run(["init", "--data", data], env: env)
        XCTAssertEqual(initResult.status, 0, initResult.stderr)
        XCTAssertTrue(initResult.stdout.contains("RECOVERY KEY"))
        let added = try run(["add-user", "--data", data, "dr.aliyeva", "--role", "doctor", "--name", "Malika Aliyeva"], env: env)
        XCTAssertEqual(added.status, 0, added.stderr)

        let (server, base) = try startServer(["serve", "--data", data, "--port", "0"], env: env)
        defer { if server.isRunning { server.terminate() } }

        let (loginStatus, login) = try await Self.request("POST", "\(base)/api/v1/auth/login",
                                                     json: ["login": "dr.aliyeva", "password": "doctor-password-1"])
        XCTAssertEqual(loginStatus, 200)
        let token = try XCTUnwrap(login["token"] as? String)
        let (createStatus, created) = try await Self.request("POST", "\(base)/api/v1/patients", token: token, json: [
            "firstName": "Нодирабегим", "lastName": "Усмонхўжаева", "phone": "+998 99 876 54 32", "birthDate": "1990-05-17"])
        XCTAssertEqual(createStatus, 201)
        let id = try XCTUnwrap(created["id"] as? String)
        let (searchStatus, found) = try await Self.request("GET", "\(base)/api/v1/patients?q=nodirabegim", token: token)
        XCTAssertEqual(searchStatus, 200)
        XCTAssertEqual((found["items"] as? [[String: Any]])?.first?["id"] as? String, id)
        let (readStatus, read) = try await Self.request("GET", "\(base)/api/v1/patients/\(id)", token: token)
        XCTAssertEqual(readStatus, 200)
        XCTAssertEqual(read["lastName"] as? String, "Усмонхўжаева")
        XCTAssertEqual(read["phone"] as? String, "+998998765432")

        // A second server on the same data directory is refused with a clear message.
        let second = try run(["serve", "--data", data, "--port", "0"], env: env)
        XCTAssertEqual(second.status, 1)
        XCTAssertTrue(second.stderr.contains("in use"), second.stderr)

        server.terminate() // SIGTERM: graceful shutdown
        server.waitUntilExit()
        XCTAssertEqual(server.terminationStatus, 0)

        let raw = try temp.rawBytes()
        for secret in ["Нодирабегим", "Усмонхўжаева", "998998765432", "876 54 32", "1990-05-17", "Malika", "nodirabegim"] {
            XCTAssertFalse(raw.contains(secret), "\(secret) found in the data directory")
        }
        let check = try run(["check", "--data", data], env: env)
        XCTAssertEqual(check.status, 0, check.stdout + check.stderr)
        XCTAssertTrue(check.stdout.contains("patients:                   1 (+0)"), check.stdout)
    }

    func testWrongPassphraseExitsWithCode2AndOneClearLine() throws {
        let temp = try TempDataDirectory()
        let data = temp.dir.url.path
        let ok = try run(["init", "--data", data], env: ["MEDORA_PASSPHRASE": "right passphrase", "MEDORA_ADMIN_PASSWORD": "admin-password-1"])
        XCTAssertEqual(ok.status, 0, ok.stderr)
        let before = FileManager.default.contents(atPath: temp.dir.databasePath)
        for command in [["check"], ["serve", "--port", "0"]] {
            let r = try run(command + ["--data", data], env: ["MEDORA_PASSPHRASE": "wrong passphrase"])
            XCTAssertEqual(r.status, 2, "\(command): \(r.stderr)")
            XCTAssertEqual(r.stderr, "medora-lite: wrong passphrase\n")
        }
        XCTAssertEqual(FileManager.default.contents(atPath: temp.dir.databasePath), before)
        let noSecret = try run(["check", "--data", data])
        XCTAssertEqual(noSecret.status, 2)
        XCTAssertTrue(noSecret.stderr.contains("MEDORA_PASSPHRASE"), noSecret.stderr)
    }

    func testMissingCorruptAndAlreadyInitialisedDataGiveClearMessages() throws {
        let temp = try TempDataDirectory()
        let data = temp.dir.url.path
        let missing = try run(["check", "--data", data], env: ["MEDORA_PASSPHRASE": "whatever-123"])
        XCTAssertEqual(missing.status, 1)
        XCTAssertTrue(missing.stderr.contains("medora-lite init"), missing.stderr)

        try temp.dir.createDirectories()
        FileManager.default.createFile(atPath: temp.dir.databasePath, contents: Data(repeating: 0x42, count: 9000))
        let corrupt = try run(["serve", "--data", data, "--port", "0"], env: ["MEDORA_PASSPHRASE": "whatever-123"])
        XCTAssertEqual(corrupt.status, 1)
        XCTAssertTrue(corrupt.stderr.contains("damaged"), corrupt.stderr)
        XCTAssertFalse(corrupt.stderr.contains("Fatal error"), corrupt.stderr)

        let again = try run(["init", "--data", data], env: ["MEDORA_PASSPHRASE": "whatever-123", "MEDORA_ADMIN_PASSWORD": "admin-password-1"])
        XCTAssertEqual(again.status, 1)
        XCTAssertTrue(again.stderr.contains("already exists"), again.stderr)
        XCTAssertEqual(FileManager.default.contents(atPath: temp.dir.databasePath), Data(repeating: 0x42, count: 9000))
    }

    func testUserCommandsGroupedByNounAndABusyPortIsNamed() throws {
        let temp = try TempDataDirectory()
        let data = temp.dir.url.path
        let env = ["MEDORA_ADMIN_PASSWORD": "admin-password-1", "MEDORA_USER_PASSWORD": "doctor-password-1"]
        XCTAssertEqual(try run(["init", "--data", data, "--no-passphrase"], env: env).status, 0)
        let added = try run(["user", "add", "--data", data, "dr.nazarova", "--role", "assistant"], env: env)
        XCTAssertEqual(added.status, 0, added.stderr)
        XCTAssertEqual(added.stdout, "Added assistant \"dr.nazarova\".\n")
        let badRole = try run(["user", "add", "--data", data, "dr.x", "--role", "nurse"], env: env)
        XCTAssertNotEqual(badRole.status, 0)
        XCTAssertTrue(badRole.stderr.contains("'admin', 'doctor' or 'assistant'"), badRole.stderr)
        let changed = try run(["user", "passwd", "--data", data, "dr.nazarova"], env: ["MEDORA_USER_PASSWORD": "another-password-2"])
        XCTAssertEqual(changed.status, 0, changed.stderr)
        let nobody = try run(["user", "passwd", "--data", data, "dr.nobody"], env: ["MEDORA_USER_PASSWORD": "another-password-2"])
        XCTAssertEqual(nobody.status, 1)
        XCTAssertEqual(nobody.stderr, "medora-lite: No user with the login \"dr.nobody\".\n")
        let disabled = try run(["user", "disable", "--data", data, "dr.nazarova"])
        XCTAssertEqual(disabled.stdout, "Disabled \"dr.nazarova\"; their sessions were ended.\n", disabled.stderr)
        XCTAssertEqual(try run(["user", "enable", "--data", data, "dr.nazarova"]).status, 0)
        let lastAdmin = try run(["user", "disable", "--data", data, "admin"])
        XCTAssertEqual(lastAdmin.status, 1)
        XCTAssertTrue(lastAdmin.stderr.contains("last active administrator"), lastAdmin.stderr)
        XCTAssertEqual(try run(["user", "delete", "--data", data, "dr.nazarova"]).status, 0)
        let check = try run(["check", "--data", data])
        XCTAssertEqual(check.status, 0, check.stdout)

        // A port another program holds: the message names the address, not a generic failure.
        let (server, base) = try startServer(["serve", "--data", data, "--port", "0"], env: [:])
        defer { if server.isRunning { server.terminate() } }
        let port = try XCTUnwrap(base.split(separator: ":").last.map(String.init))
        let other = try TempDataDirectory()
        XCTAssertEqual(try run(["init", "--data", other.dir.url.path, "--no-passphrase"], env: env).status, 0)
        let busy = try run(["serve", "--data", other.dir.url.path, "--port", port])
        XCTAssertEqual(busy.status, 1)
        XCTAssertTrue(busy.stderr.hasPrefix("medora-lite: cannot listen on 127.0.0.1:\(port): "), busy.stderr)
        server.terminate()
        server.waitUntilExit()
        XCTAssertEqual(server.terminationStatus, 0)
    }

    func testBadCommandLineInputIsRefusedClearly() throws {
        let weak = try TempDataDirectory()
        let r = try run(["init", "--data", weak.dir.url.path], env: ["MEDORA_PASSPHRASE": "short", "MEDORA_ADMIN_PASSWORD": "admin-password-1"])
        XCTAssertEqual(r.status, 1)
        XCTAssertTrue(r.stderr.contains("passphrase"), r.stderr)
        XCTAssertFalse(weak.dir.isInitialized)
        let badPort = try run(["serve", "--port", "99999"])
        XCTAssertNotEqual(badPort.status, 0)
        XCTAssertTrue(badPort.stderr.contains("port"), badPort.stderr)
    }

    /// `--version` names what the binary runs on: the app, SQLite with its compile options, libsodium.
    func testVersionNamesTheSQLiteAndLibsodiumItRunsOn() throws {
        let r = try run(["--version"])
        XCTAssertEqual(r.status, 0)
        let lines = r.stdout.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.count, 3, r.stdout)
        XCTAssertEqual(lines.first, "medora-lite \(MedoraVersion.current)")
        XCTAssertTrue(lines[1].hasPrefix("SQLite 3.") && lines[1].contains("THREADSAFE=1"), lines[1])
        XCTAssertTrue(lines[2].hasPrefix("libsodium 1."), lines[2])
    }
}

extension BinaryEndToEndTests {
    func testDemoServesSamplePatientsWithThePrintedLogin() async throws {
        let temp = try TempDataDirectory()
        let (server, base) = try startServer(["demo", "--data", temp.dir.url.path, "--port", "0"], env: [:])
        defer { if server.isRunning { server.terminate() } }
        let (status, login) = try await Self.request("POST", "\(base)/api/v1/auth/login",
                                                json: ["login": "doctor", "password": "medora-demo"])
        XCTAssertEqual(status, 200)
        let token = try XCTUnwrap(login["token"] as? String)
        let (_, all) = try await Self.request("GET", "\(base)/api/v1/patients?limit=1", token: token)
        XCTAssertEqual(all["total"] as? Int, 320)
        let (_, found) = try await Self.request("GET", "\(base)/api/v1/patients?q=%D0%A8%D0%BE%D1%85%D1%80%D1%83%D1%85", token: token)
        XCTAssertGreaterThan(found["total"] as? Int ?? 0, 0, "Шохрух finds demo patients")
        server.terminate()
        server.waitUntilExit()
        // The demo keeps its data: starting again reuses it.
        let (again, base2) = try startServer(["demo", "--data", temp.dir.url.path, "--port", "0"], env: [:])
        defer { if again.isRunning { again.terminate() } }
        let (status2, _) = try await Self.request("POST", "\(base2)/api/v1/auth/login", json: ["login": "doctor", "password": "medora-demo"])
        XCTAssertEqual(status2, 200)
    }
}

extension BinaryEndToEndTests {
    /// SIGKILL in the middle of a stream of writes: every write the server acknowledged is there
    /// afterwards, and the database passes `check`.
    func testKilledServerLosesNoAcknowledgedWrite() async throws {
        let temp = try TempDataDirectory()
        let data = temp.dir.url.path
        let env = ["MEDORA_PASSPHRASE": "clinic passphrase 2026", "MEDORA_ADMIN_PASSWORD": "admin-password-1"]
        XCTAssertEqual(try run(["init", "--data", data], env: env).status, 0)
        let (server, base) = try startServer(["serve", "--data", data, "--port", "0"], env: env)
        let (_, login) = try await Self.request("POST", "\(base)/api/v1/auth/login", json: ["login": "admin", "password": "admin-password-1"])
        let token = try XCTUnwrap(login["token"] as? String)

        let acknowledged = try await withThrowingTaskGroup(of: [String].self) { group in
            for worker in 0..<4 {
                group.addTask {
                    var ids: [String] = []
                    for i in 0..<1000 {
                        guard let (status, body) = try? await Self.request("POST", "\(base)/api/v1/patients", token: token,
                                                                          json: ["firstName": "Worker", "lastName": "Number",
                                                                                 "notes": "w\(worker) #\(i)"]),
                              status == 201, let id = body["id"] as? String else { break }
                        ids.append(id)
                    }
                    return ids
                }
            }
            try await Task.sleep(for: .milliseconds(1500))
            kill(server.processIdentifier, SIGKILL)
            var all: [String] = []
            for try await ids in group { all += ids }
            return all
        }
        server.waitUntilExit()
        XCTAssertGreaterThan(acknowledged.count, 0)

        let check = try run(["check", "--data", data], env: env)
        XCTAssertEqual(check.status, 0, check.stdout + check.stderr)
        let (again, base2) = try startServer(["serve", "--data", data, "--port", "0"], env: env)
        defer { if again.isRunning { again.terminate() } }
        let (_, login2) = try await Self.request("POST", "\(base2)/api/v1/auth/login", json: ["login": "admin", "password": "admin-password-1"])
        let token2 = try XCTUnwrap(login2["token"] as? String)
        for id in acknowledged {
            let (status, _) = try await Self.request("GET", "\(base2)/api/v1/patients/\(id)", token: token2)
            XCTAssertEqual(status, 200, "acknowledged patient \(id) lost")
        }
    }
}

extension BinaryEndToEndTests {
    func testForgottenPassphraseIsResetWithTheRecoveryKey() throws {
        let temp = try TempDataDirectory()
        let data = temp.dir.url.path
        let made = try run(["init", "--data", data], env: ["MEDORA_PASSPHRASE": "forgotten passphrase", "MEDORA_ADMIN_PASSWORD": "admin-password-1"])
        XCTAssertEqual(made.status, 0)
        let recovery = try XCTUnwrap(made.stdout.split(separator: "\n").last.map { $0.trimmingCharacters(in: .whitespaces) })
        let reset = try run(["passwd", "--passphrase", "--recovery-key", "--data", data],
                            env: ["MEDORA_RECOVERY_KEY": recovery, "MEDORA_NEW_PASSPHRASE": "a new passphrase"])
        XCTAssertEqual(reset.status, 0, reset.stderr)
        XCTAssertEqual(try run(["check", "--data", data], env: ["MEDORA_PASSPHRASE": "forgotten passphrase"]).status, 2)
        XCTAssertEqual(try run(["check", "--data", data], env: ["MEDORA_PASSPHRASE": "a new passphrase"]).status, 0)
        let wrongRecovery = try run(["check", "--recovery-key", "--data", data], env: ["MEDORA_RECOVERY_KEY": (recovery.hasPrefix("A") ? "B" : "A") + recovery.dropFirst()])
        XCTAssertEqual(wrongRecovery.status, 2)
        let both = try run(["passwd", "--passphrase", "admin", "--data", data])
        XCTAssertNotEqual(both.status, 0)
    }
}

struct ServerDidNotStart: Error, CustomStringConvertible {
    var output: String
    var description: String { "server did not start: \(output)" }
}
