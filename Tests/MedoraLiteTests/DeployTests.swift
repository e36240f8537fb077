import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import MedoraTestSupport
import XCTest

/// What a deployment relies on, checked here without a container engine: the systemd unit passes
/// `systemd-analyze verify` with its hardening in place, and the binary, with only the shared
/// libraries `ldd` lists, serves the demo inside an otherwise empty root (`chroot`) with only
/// `/proc` mounted (the arguments are read from it) — not even `/dev`: ids and keys come from the
/// kernel's `getrandom` through libsodium.
extension BinaryEndToEndTests {
    static var repository: URL { URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent() }

    func testTheSystemdUnitVerifiesWithItsHardening() throws {
        let unit = try String(contentsOf: Self.repository.appendingPathComponent("deploy/medora-lite.service"), encoding: .utf8)
        for line in ["DynamicUser=yes", "StateDirectory=medora-lite", "ProtectSystem=strict", "NoNewPrivileges=yes",
                     "LoadCredential=keyfile:", "--keyfile ${CREDENTIALS_DIRECTORY}/keyfile", "--data ${STATE_DIRECTORY}"] {
            XCTAssertTrue(unit.contains(line), "the unit has \(line)")
        }
        XCTAssertFalse(unit.contains("MEDORA_PASSPHRASE"), "no secret in the unit")
        let analyze = ["/usr/bin/systemd-analyze", "/bin/systemd-analyze"].first { FileManager.default.isExecutableFile(atPath: $0) }
        let tool = try XCTUnwrap(analyze, "systemd-analyze is installed by `make test`")
        // verify checks that ExecStart= names an executable: point it at the built binary.
        let temp = try TempDataDirectory()
        try FileManager.default.createDirectory(at: temp.dir.url, withIntermediateDirectories: true)
        let copy = temp.dir.url.appendingPathComponent("medora-lite.service")
        try unit.replacingOccurrences(of: "/usr/local/bin/medora-lite", with: Self.binary.path).write(to: copy, atomically: true, encoding: .utf8)
        let p = Process()
        p.executableURL = URL(fileURLWithPath: tool)
        p.arguments = ["verify", copy.path]
        let err = Pipe()
        p.standardError = err
        p.standardOutput = err
        try p.run()
        let output = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        XCTAssertEqual(p.terminationStatus, 0, output)
        XCTAssertTrue(output.isEmpty, "no warnings: \(output)")
    }

    func testTheBinaryServesTheDemoFromAnEmptyRootWithOnlyItsLibraries() async throws {
        guard getuid() == 0 else { throw XCTSkip("chroot needs root") }
        let temp = try TempDataDirectory()
        let root = temp.dir.url.appendingPathComponent("root")
        let fm = FileManager.default
        try fm.createDirectory(at: root, withIntermediateDirectories: true)
        try fm.copyItem(at: Self.binary, to: root.appendingPathComponent("medora-lite"))
        // Exactly the libraries ldd lists, at the paths it lists.
        let ldd = Process()
        ldd.executableURL = URL(fileURLWithPath: "/usr/bin/ldd")
        ldd.arguments = [Self.binary.path]
        let out = Pipe()
        ldd.standardOutput = out
        try ldd.run()
        let listing = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        ldd.waitUntilExit()
        let libraries = listing.split(separator: "\n").compactMap { line -> String? in
            line.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init).first { $0.hasPrefix("/") }
        }
        XCTAssertFalse(libraries.isEmpty, listing)
        for library in libraries {
            let target = root.appendingPathComponent(String(library.dropFirst()))
            try fm.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            XCTAssertEqual(Self.tool("/bin/cp", ["-L", library, target.path]), 0, library)
        }
        var isDirectory: ObjCBool = false
        let files = try fm.subpathsOfDirectory(atPath: root.path).filter {
            fm.fileExists(atPath: root.appendingPathComponent($0).path, isDirectory: &isDirectory) && !isDirectory.boolValue
        }
        XCTAssertEqual(files.filter { !$0.contains(".so") && $0 != "medora-lite" }, [], "nothing but the binary and its libraries")
        try fm.createDirectory(at: root.appendingPathComponent("proc"), withIntermediateDirectories: true)
        XCTAssertEqual(Self.tool("/bin/mount", ["-t", "proc", "proc", root.appendingPathComponent("proc").path]), 0)
        defer { _ = Self.tool("/bin/umount", ["-l", root.appendingPathComponent("proc").path]) }
        let (server, base) = try startServer(["/usr/sbin/chroot", root.path, "/medora-lite", "demo", "--data", "/data", "--port", "0"],
                                             env: [:], executable: URL(fileURLWithPath: "/usr/sbin/chroot"))
        defer { if server.isRunning { server.terminate() } }
        let (status, login) = try await Self.request("POST", "\(base)/api/v1/auth/login", json: ["login": "doctor", "password": "medora-demo"])
        XCTAssertEqual(status, 200)
        let token = try XCTUnwrap(login["token"] as? String)
        let (listed, page) = try await Self.request("GET", "\(base)/api/v1/patients?limit=1", token: token)
        XCTAssertEqual(listed, 200)
        XCTAssertEqual(page["total"] as? Int, 320, "the demo's sample patients, from inside the empty root")
        server.terminate()
        server.waitUntilExit()
        XCTAssertTrue(fm.fileExists(atPath: root.appendingPathComponent("data/medora.db").path), "the data directory is inside the root")
    }

    static func tool(_ path: String, _ args: [String]) -> Int32 {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: path)
        p.arguments = args
        guard (try? p.run()) != nil else { return -1 }
        p.waitUntilExit()
        return p.terminationStatus
    }
}
