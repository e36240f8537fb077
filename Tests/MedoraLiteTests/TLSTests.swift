import Foundation
import MedoraTestSupport
import XCTest

/// HTTPS with the real binary and a real TLS client (Python's ssl, verifying against the
/// certificate the server made): HSTS, `__Host-` cookies, the fingerprint printed at start.
extension BinaryEndToEndTests {
    func testSelfSignedTLSServesHTTPSWithHSTSAndPrintsItsFingerprint() async throws {
        let temp = try TempDataDirectory()
        let data = temp.dir.url.path
        let env = ["MEDORA_PASSPHRASE": "clinic passphrase 2026", "MEDORA_ADMIN_PASSWORD": "admin-password-1"]
        XCTAssertEqual(try run(["init", "--data", data], env: env).status, 0)
        let (server, base) = try startServer(["serve", "--data", data, "--port", "0", "--tls-self-signed"], env: env)
        defer { if server.isRunning { server.terminate() } }
        XCTAssertTrue(base.hasPrefix("https://"), base)
        let port = try XCTUnwrap(base.split(separator: ":").last.map(String.init))
        let cert = temp.dir.url.appendingPathComponent("tls/cert.pem").path
        let key = temp.dir.url.appendingPathComponent("tls/key.pem").path
        let mode = try XCTUnwrap(FileManager.default.attributesOfItem(atPath: key)[.posixPermissions] as? NSNumber)
        XCTAssertEqual(mode.intValue & 0o077, 0, "the key is readable by its owner only")
        let client = """
            import hashlib, json, ssl, sys, urllib.request
            cert, port = sys.argv[1], sys.argv[2]
            ctx = ssl.create_default_context(cafile=cert)
            out = {"fingerprint": ":".join("%02X" % b for b in hashlib.sha256(ssl.PEM_cert_to_DER_cert(open(cert).read())).digest())}
            for host in ("127.0.0.1", "localhost"):
                r = urllib.request.urlopen(f"https://{host}:{port}/health", context=ctx)
                out[host] = [r.status, r.headers.get("Strict-Transport-Security")]
            req = urllib.request.Request(f"https://localhost:{port}/login", data=b"login=admin&password=admin-password-1",
                                         headers={"Origin": f"https://localhost:{port}"}, method="POST")
            class NoRedirect(urllib.request.HTTPRedirectHandler):
                def redirect_request(self, *a, **k): return None
            opener = urllib.request.build_opener(NoRedirect, urllib.request.HTTPSHandler(context=ctx))
            try:
                opener.open(req)
            except urllib.error.HTTPError as e:
                out["cookie"] = e.headers.get("Set-Cookie")
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/health", timeout=5)
                out["plain"] = "answered"
            except Exception as e:
                out["plain"] = "refused"
            print(json.dumps(out))
            """
        let python = Process()
        python.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        python.arguments = ["-c", client, cert, port]
        let pipe = Pipe()
        python.standardOutput = pipe
        try python.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        python.waitUntilExit()
        XCTAssertEqual(python.terminationStatus, 0, "the TLS client verified the server against its certificate")
        let result = try XCTUnwrap(try JSONSerialization.jsonObject(with: output) as? [String: Any], String(decoding: output, as: UTF8.self))
        for host in ["127.0.0.1", "localhost"] {
            XCTAssertEqual(result[host] as? [AnyHashable], [200, "max-age=31536000"], host)
        }
        XCTAssertTrue((result["cookie"] as? String)?.hasPrefix("__Host-medora_session=") == true, "\(result["cookie"] ?? "none")")
        XCTAssertTrue((result["cookie"] as? String)?.contains("Secure") == true)
        XCTAssertEqual(result["plain"] as? String, "refused", "no plain HTTP on the TLS port")
        server.terminate()
        server.waitUntilExit()

        // The fingerprint printed at start is the certificate's; a second start keeps the certificate.
        let pem = try String(contentsOfFile: cert, encoding: .utf8)
        let (again, _, printed) = try startServerReading(["serve", "--data", data, "--port", "0", "--tls-self-signed"], env: env)
        again.terminate()
        again.waitUntilExit()
        let fingerprint = try XCTUnwrap(result["fingerprint"] as? String)
        XCTAssertEqual(try String(contentsOfFile: cert, encoding: .utf8), pem, "the certificate is kept across starts")
        XCTAssertTrue(printed.contains(fingerprint), "the fingerprint is printed: \(printed)")

        // Files that are not a certificate and key stop the start with a clear message.
        let bogus = temp.dir.url.appendingPathComponent("bogus.pem").path
        FileManager.default.createFile(atPath: bogus, contents: Data("not a certificate".utf8))
        let refused = try run(["serve", "--data", data, "--port", "0", "--tls-cert", bogus, "--tls-key", key], env: env)
        XCTAssertEqual(refused.status, 2)
        XCTAssertTrue(refused.stderr.contains("not a usable TLS certificate"), refused.stderr)
        let half = try run(["serve", "--data", data, "--port", "0", "--tls-cert", cert], env: env)
        XCTAssertNotEqual(half.status, 0)
        XCTAssertTrue(half.stderr.contains("--tls-key"), half.stderr)
    }
}
