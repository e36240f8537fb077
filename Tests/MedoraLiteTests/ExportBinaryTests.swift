import Foundation
import MedoraStorage
import MedoraTestSupport
import XCTest
@testable import MedoraLite

/// `export-patient` and `decrypt-export` through the built binary, on a real data directory.
final class ExportBinaryTests: XCTestCase {
    static let env = ["MEDORA_PASSPHRASE": TempDataDirectory.passphrase]

    static func run(_ args: [String], stdin: String? = nil) throws -> BinaryEndToEndTests.Result {
        let p = Process()
        p.executableURL = BinaryEndToEndTests.binary
        p.arguments = args
        p.environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("MEDORA_") }
            .merging(["MEDORA_LANG": "en"]) { $1 }.merging(Self.env) { $1 }
        let out = Pipe(), err = Pipe(), input = Pipe()
        p.standardOutput = out
        p.standardError = err
        p.standardInput = stdin == nil ? FileHandle.nullDevice : input
        try p.run()
        if let stdin {
            input.fileHandleForWriting.write(Data(stdin.utf8))
            try input.fileHandleForWriting.close()
        }
        let o = out.fileHandleForReading.readDataToEndOfFile(), e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return .init(status: p.terminationStatus, stdout: String(decoding: o, as: UTF8.self), stderr: String(decoding: e, as: UTF8.self))
    }

    /// A data directory with one patient and two analyses of theirs; the store is closed again.
    static func seeded() async throws -> (TempDataDirectory, UUID) {
        let temp = try TempDataDirectory()
        try await temp.initialize()
        let store = try await temp.open()
        let doctor = try await store.users.create(login: "dr.export", password: "doctor-password-1", displayName: "Dr Export", role: .doctor)
        let patient = try await store.patients.create(PatientDraft(firstName: "Zulfiya", lastName: "Qodirova", phone: "+998901112233",
                                                                   birthDate: "1979-09-30", sex: .female, nationalID: "AC7654321"),
                                                      ownerID: doctor.id)
        for (day, hb) in [("2026-02-01", 10.9), ("2026-05-01", 12.6)] {
            _ = try await store.analyses.create(patientID: patient.id, scope: .everyone, draft: AnalysisDraft(
                takenOn: day, results: [LabResult(code: "718-7", value: hb, unit: "g/dL")]))
        }
        try store.close()
        return (temp, patient.id)
    }

    static func code(in output: String) -> String? {
        output.range(of: #"code: [2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}\n"#, options: .regularExpression)
            .map { String(output[$0].dropFirst(6).dropLast()) }
    }

    func testExportThenDecryptRoundTripsAndTheFileHoldsNoPlaintext() async throws {
        let (temp, id) = try await Self.seeded()
        let data = temp.dir.url.path
        let file = temp.dir.url.appendingPathComponent("record.html").path
        let exported = try Self.run(["export-patient", id.uuidString, "--out", file, "--data", data, "--language", "uz"])
        XCTAssertEqual(exported.status, 0, exported.stderr)
        let code = try XCTUnwrap(Self.code(in: exported.stdout), exported.stdout)
        XCTAssertEqual(exported.stdout.components(separatedBy: code).count, 2, "the code is printed once")
        XCTAssertTrue(exported.stdout.contains("separately"), exported.stdout)

        let bytes = try Data(contentsOf: URL(fileURLWithPath: file))
        for secret in ["Zulfiya", "Qodirova", "998901112233", "1979-09-30", "AC7654321", "718-7"] {
            XCTAssertFalse(bytes.contains(secret), "\(secret) in the export file")
        }
        XCTAssertFalse(exported.stdout.contains("Qodirova") || exported.stderr.contains("Qodirova"))

        // To stdout, with the code typed sloppily on standard input.
        let printed = try Self.run(["decrypt-export", file], stdin: code.lowercased().replacingOccurrences(of: "-", with: " ") + "\n")
        XCTAssertEqual(printed.status, 0, printed.stderr)
        let bundle = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(printed.stdout.utf8)) as? [String: Any])
        XCTAssertEqual(bundle["resourceType"] as? String, "Bundle")
        XCTAssertEqual((bundle["entry"] as? [Any])?.count, 5, "patient, two observations, two reports")
        XCTAssertTrue(printed.stdout.contains("Qodirova"))

        // Into a folder: the same Bundle and the readable record in Uzbek.
        let outDir = temp.dir.url.appendingPathComponent("opened").path
        let written = try Self.run(["decrypt-export", file, "--code", code, "--out", outDir])
        XCTAssertEqual(written.status, 0, written.stderr)
        let names = try FileManager.default.contentsOfDirectory(atPath: outDir).sorted()
        XCTAssertEqual(names.count, 2, "\(names)")
        let json = try XCTUnwrap(names.first { $0.hasSuffix(".fhir.json") })
        XCTAssertEqual(try String(contentsOfFile: (outDir as NSString).appendingPathComponent(json), encoding: .utf8), printed.stdout)
        let record = try String(contentsOfFile: (outDir as NSString).appendingPathComponent("medical-record.html"), encoding: .utf8)
        XCTAssertTrue(record.contains("Qodirova") && record.contains(ExportText.disclaimer.text(.uz)) && record.contains("<svg"))
    }

    func testWrongCodeExitsNonZeroAndWritesNothing() async throws {
        let (temp, id) = try await Self.seeded()
        let file = temp.dir.url.appendingPathComponent("record.html").path
        let exported = try Self.run(["export-patient", id.uuidString, "--out", file, "--data", temp.dir.url.path])
        let code = try XCTUnwrap(Self.code(in: exported.stdout))
        let wrong = code.first == "2" ? "3" + code.dropFirst() : "2" + code.dropFirst()
        let outDir = temp.dir.url.appendingPathComponent("opened").path
        let refused = try Self.run(["decrypt-export", file, "--code", String(wrong), "--out", outDir])
        XCTAssertEqual(refused.status, 2)
        XCTAssertEqual(refused.stderr, "medora-lite: " + ErrorKind.exportWrongCode.row.message.text(.en) + "\n")
        XCTAssertEqual(refused.stdout, "")
        XCTAssertFalse(FileManager.default.fileExists(atPath: outDir), "nothing written")
        let garbage = try Self.run(["decrypt-export", file, "--code", "not a code"])
        XCTAssertEqual(garbage.status, 2, garbage.stderr)
        let notExport = try Self.run(["decrypt-export", temp.dir.databasePath, "--code", code])
        XCTAssertEqual(notExport.status, 1)
        XCTAssertTrue(notExport.stderr.contains("not a Medora Lite export"), notExport.stderr)
    }

    func testUnknownOrMalformedPatientIDIsAClearError() async throws {
        let (temp, _) = try await Self.seeded()
        let file = temp.dir.url.appendingPathComponent("record.html").path
        let unknown = try Self.run(["export-patient", UUID().uuidString, "--out", file, "--data", temp.dir.url.path])
        XCTAssertEqual(unknown.status, 1)
        XCTAssertEqual(unknown.stderr, "medora-lite: No such patient.\n")
        let malformed = try Self.run(["export-patient", "12345", "--out", file, "--data", temp.dir.url.path])
        XCTAssertEqual(malformed.status, 1)
        XCTAssertTrue(malformed.stderr.contains("not a valid UUID"), malformed.stderr)
        let language = try Self.run(["export-patient", UUID().uuidString, "--out", file, "--data", temp.dir.url.path, "--language", "de"])
        XCTAssertNotEqual(language.status, 0)
        XCTAssertFalse(FileManager.default.fileExists(atPath: file))
    }
}
