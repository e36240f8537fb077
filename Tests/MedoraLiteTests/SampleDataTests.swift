import Foundation
import MedoraStorage
import XCTest
@testable import MedoraLite

final class SampleDataTests: XCTestCase {
    static let sampleDir = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("sample-data")

    func testCommittedSampleDataIsExactlyTheGeneratorOutput() throws {
        let committed = try Data(contentsOf: Self.sampleDir.appendingPathComponent("patients.json"))
        var generator = SyntheticData(seed: DemoCommand.sampleSeed)
        let generated = try SyntheticData.encode(generator.patients(count: DemoCommand.sampleCount, withAnalyses: true))
        XCTAssertEqual(committed, generated, "regenerate with: medora-lite generate --seed 20261127 --count 320 --analyses --out sample-data/patients.json")
    }

    func testEverySamplePatientPassesValidation() throws {
        var generator = SyntheticData(seed: 7)
        let patients = generator.patients(count: 2000, withAnalyses: true)
        for p in patients {
            XCTAssertEqual(try PatientValidation.validated(p.details, today: Date()), p.details, "generated details are already in stored form")
        }
        let cyrillic = patients.filter { $0.details.lastName.unicodeScalars.contains { (0x400...0x4FF).contains($0.value) } }.count
        XCTAssertGreaterThan(cyrillic, 600, "a realistic share of names is in Cyrillic")
        XCTAssertLessThan(cyrillic, 1200)
        XCTAssertTrue(patients.allSatisfy { $0.details[.phone]?.hasPrefix("+998") ?? true })
        XCTAssertGreaterThan(patients.flatMap(\.analyses).count, 2000)
    }

    func testEverySampleAnalysisIsValidAndReadsWithTheCatalogue() throws {
        var generator = SyntheticData(seed: DemoCommand.sampleSeed)
        var analyses = 0, abnormal = 0
        for p in generator.patients(count: DemoCommand.sampleCount, withAnalyses: true) {
            for a in p.analyses {
                let draft = try AnalysisValidation.validated(a.draft, birthDate: p.details[.birthDate], today: Date())
                let reading = LabInterpreter.interpret(draft.results, sex: p.details.sex, ageYears: LabDates.age(birth: p.details[.birthDate],
                                                       on: draft.takenOn), pregnant: false)
                XCTAssertEqual(reading.results.count, draft.results.count, "every result is read")
                analyses += 1
                if reading.results.contains(where: \.flag.isAbnormal) { abnormal += 1 }
            }
        }
        XCTAssertGreaterThan(analyses, 600)
        XCTAssertGreaterThan(abnormal, 20, "the sample conditions show up as flags")
        XCTAssertLessThan(abnormal, analyses / 2, "most sample results are normal against the catalogue too")
    }

    func testSampleJSONUsesTheAPIFieldNamesAndReadsBack() throws {
        var generator = SyntheticData(seed: 3)
        let patients = generator.patients(count: 200, withAnalyses: true)
        let data = try SyntheticData.encode(patients)
        let objects = try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [[String: Any]])
        let keys = Set(objects.flatMap(\.keys))
        XCTAssertEqual(keys, Set(PatientField.allCases.map(\.jsonName) + ["analyses"]))
        XCTAssertEqual(try JSONDecoder().decode([SamplePatient].self, from: data), patients)
    }

    func testSameSeedSameDataDifferentSeedDifferentData() {
        var a = SyntheticData(seed: 1), b = SyntheticData(seed: 1), c = SyntheticData(seed: 2)
        let pa = a.patients(count: 50, withAnalyses: true)
        XCTAssertEqual(pa, b.patients(count: 50, withAnalyses: true))
        XCTAssertNotEqual(pa, c.patients(count: 50, withAnalyses: true))
    }
}
