import Foundation
import MedoraStorage
import MedoraTestSupport
import XCTest

/// The FHIR R4 Bundle, the NDJSON lines and the whole export file, built from a patient with two
/// analyses (one result low, one critically high, one with the lab's own range).
final class FHIRBundleTests: XCTestCase {
    static let patientID = UUID(uuidString: "5A0C7E1B-8F0E-4C41-9D6B-0F1E2D3C4B5A") ?? UUID()

    static func content(language: Language = .en) -> PatientExportContent {
        let owner = UUID()
        let patient = Patient(id: patientID, ownerID: owner, details: PatientDraft(
            firstName: "Gulnora", lastName: "Rahimova", middleName: "Akmalovna", phone: "+998901234567", birthDate: "1985-04-12",
            sex: .female, address: "Navoiy ko'chasi 5, Toshkent", nationalID: "AB1234567"), version: 1,
            createdAt: Date(timeIntervalSince1970: 1_700_000_000), updatedAt: Date(timeIntervalSince1970: 1_700_000_000))
        let first = Analysis(id: UUID(uuidString: "11111111-2222-4333-8444-555555555555") ?? UUID(), patientID: patientID,
                             details: AnalysisDraft(takenOn: "2026-01-10", lab: "Shifo Lab", results: [
                                LabResult(code: "718-7", value: 10.5, unit: "g/dL"),
                                LabResult(code: "2345-7", value: 5.2, unit: "mmol/L"),
                             ]), reading: [ReadingFinding(.anaemia)], version: 1,
                             createdAt: Date(timeIntervalSince1970: 1_768_000_000), updatedAt: Date(timeIntervalSince1970: 1_768_000_000))
        let second = Analysis(id: UUID(uuidString: "66666666-7777-4888-9999-aaaaaaaaaaaa") ?? UUID(), patientID: patientID,
                              details: AnalysisDraft(takenOn: "2026-03-02", results: [
                                 LabResult(code: "718-7", value: 12.8, unit: "g/dL", rangeLow: 11.5, rangeHigh: 15.5),
                                 LabResult(code: "2345-7", value: 35, unit: "mmol/L"),
                              ]), reading: [], version: 1,
                              createdAt: Date(timeIntervalSince1970: 1_772_400_000), updatedAt: Date(timeIntervalSince1970: 1_772_400_000))
        return PatientExportContent(patient: patient, analyses: [second, first], language: language,
                                    generatedAt: Date(timeIntervalSince1970: 1_780_000_000), clinicName: "Shifo",
                                    accessLog: [ExportAccessEntry(at: Date(timeIntervalSince1970: 1_779_000_000), user: "Dr Karimov", action: "viewed")],
                                    auditHead: "c0ffee")
    }

    func object(_ json: ExportJSON) throws -> [String: Any] {
        try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(json.serialized().utf8)) as? [String: Any])
    }

    func testBundleHoldsThePatientAnObservationPerResultAndAReportPerAnalysis() throws {
        let bundle = try object(FHIRBundle.bundle(Self.content()))
        XCTAssertEqual(bundle["resourceType"] as? String, "Bundle")
        XCTAssertEqual(bundle["type"] as? String, "collection")
        let entries = try XCTUnwrap(bundle["entry"] as? [[String: Any]])
        let resources = entries.compactMap { $0["resource"] as? [String: Any] }
        XCTAssertEqual(resources.map { $0["resourceType"] as? String ?? "" },
                       ["Patient", "Observation", "Observation", "DiagnosticReport", "Observation", "Observation", "DiagnosticReport"])
        for e in entries {
            let id = try XCTUnwrap((e["resource"] as? [String: Any])?["id"] as? String)
            XCTAssertEqual(e["fullUrl"] as? String, "urn:uuid:\(id)")
        }
        let patient = resources[0]
        XCTAssertEqual(patient["gender"] as? String, "female")
        XCTAssertEqual(patient["birthDate"] as? String, "1985-04-12")
        XCTAssertEqual((patient["identifier"] as? [[String: Any]])?.first?["value"] as? String, "AB1234567")
        XCTAssertEqual(((patient["name"] as? [[String: Any]])?.first?["given"] as? [String]), ["Gulnora", "Akmalovna"])
        XCTAssertEqual((patient["telecom"] as? [[String: Any]])?.first?["value"] as? String, "+998901234567")

        let hb = resources[1]
        XCTAssertEqual(hb["status"] as? String, "final")
        let coding = try XCTUnwrap(((hb["code"] as? [String: Any])?["coding"] as? [[String: Any]])?.first)
        XCTAssertEqual(coding["system"] as? String, "http://loinc.org")
        XCTAssertEqual(coding["code"] as? String, "718-7")
        let quantity = try XCTUnwrap(hb["valueQuantity"] as? [String: Any])
        XCTAssertEqual(quantity["system"] as? String, "http://unitsofmeasure.org")
        XCTAssertEqual(quantity["code"] as? String, "g/dL")
        XCTAssertEqual(quantity["value"] as? Double, 10.5)
        func interpretation(_ r: [String: Any]) -> String? {
            ((r["interpretation"] as? [[String: Any]])?.first?["coding"] as? [[String: Any]])?.first?["code"] as? String
        }
        XCTAssertEqual(interpretation(hb), "L")
        XCTAssertEqual(interpretation(resources[2]), "N")
        XCTAssertEqual(interpretation(resources[5]), "HH", "glucose 35 mmol/L is critical")
        XCTAssertEqual(((resources[4]["referenceRange"] as? [[String: Any]])?.first?["low"] as? [String: Any])?["value"] as? Double, 11.5,
                       "the lab's own range is kept")
        XCTAssertEqual((hb["subject"] as? [String: Any])?["reference"] as? String, "urn:uuid:\(Self.patientID.uuidString.lowercased())")
        XCTAssertEqual(hb["effectiveDateTime"] as? String, "2026-01-10")
        let category = ((hb["category"] as? [[String: Any]])?.first?["coding"] as? [[String: Any]])?.first
        XCTAssertEqual(category?["code"] as? String, "laboratory")

        let report = resources[3]
        XCTAssertEqual((report["result"] as? [[String: Any]])?.compactMap { $0["reference"] as? String },
                       [entries[1]["fullUrl"] as? String ?? "", entries[2]["fullUrl"] as? String ?? ""])
        XCTAssertEqual(report["conclusion"] as? String, ReadingFinding(.anaemia).text(.en))
        XCTAssertNil(resources[6]["conclusion"], "no reading, no conclusion")
    }

    func testTheSameContentGivesTheSameBytes() {
        XCTAssertEqual(FHIRBundle.bundle(Self.content()).serialized(pretty: true), FHIRBundle.bundle(Self.content()).serialized(pretty: true))
    }

    func testNDJSONHasOneResourcePerLineWithRelativeReferences() throws {
        var ndjson = FHIRNDJSON()
        ndjson.append(FHIRBundle.resources(Self.content(), references: .relative))
        let files = ndjson.files
        XCTAssertEqual(files.map(\.name), ["Patient.ndjson", "Observation.ndjson", "DiagnosticReport.ndjson"])
        let observations = String(decoding: files[1].contents, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        XCTAssertEqual(observations.count, 5, "four lines and the final newline")
        for line in observations.dropLast() {
            let o = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            XCTAssertEqual(o["resourceType"] as? String, "Observation")
            XCTAssertEqual((o["subject"] as? [String: Any])?["reference"] as? String, "Patient/\(Self.patientID.uuidString.lowercased())")
        }
    }

    func testExportFileHidesEverythingUntilOpenedWithItsCode() throws {
        let (html, code) = try PatientExportFile.make(Self.content(language: .ru))
        for secret in ["Gulnora", "Rahimova", "AB1234567", "998901234567", "1985-04-12", "Shifo Lab", "718-7"] {
            XCTAssertFalse(html.contains(secret), secret)
        }
        let page = String(decoding: html, as: UTF8.self)
        XCTAssertTrue(page.contains(ExportText.enterCode.text(.ru)), "the prompt is in the reader's language")
        XCTAssertFalse(page.contains("http://") || page.contains("https://") || page.contains("src="), "nothing is fetched")
        let payload = try PatientExportFile.open(html: html, code: code)
        XCTAssertEqual(payload.language, "ru")
        XCTAssertEqual(payload.fhir, FHIRBundle.bundle(Self.content(language: .ru)).serialized(pretty: true) + "\n")
        for shown in ["Rahimova", "Gulnora", "<svg", ExportText.disclaimer.text(.ru), ExportText.accessLog.text(.ru), "Dr Karimov", "c0ffee"] {
            XCTAssertTrue(payload.record.contains(shown), shown)
        }
        XCTAssertThrowsError(try PatientExportFile.open(html: html, code: "2222-2222-2222-2222"))
        XCTAssertThrowsError(try PatientExportFile.open(html: Data("<html>not an export</html>".utf8), code: code)) {
            XCTAssertEqual(($0 as? MedoraError)?.kind, .exportInvalid)
        }
    }

    func testRecordEscapesWhatWasTyped() throws {
        var content = Self.content()
        content.patient.details[.lastName] = "<script>alert(1)</script>"
        let (html, code) = try PatientExportFile.make(content)
        let record = try PatientExportFile.open(html: html, code: code).record
        XCTAssertFalse(record.contains("<script>"))
    }
}
