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
            XCTAssertNoThrow(try PatientValidation.validated(p.draft, today: Date()), "\(p.firstName) \(p.lastName)")
        }
        let cyrillic = patients.filter { $0.lastName.unicodeScalars.contains { (0x400...0x4FF).contains($0.value) } }.count
        XCTAssertGreaterThan(cyrillic, 600, "a realistic share of names is in Cyrillic")
        XCTAssertLessThan(cyrillic, 1200)
        XCTAssertTrue(patients.allSatisfy { $0.phone == nil || $0.phone!.hasPrefix("+998") })
        XCTAssertGreaterThan(patients.flatMap(\.analyses).count, 2000)
    }

    func testSameSeedSameDataDifferentSeedDifferentData() {
        var a = SyntheticData(seed: 1), b = SyntheticData(seed: 1), c = SyntheticData(seed: 2)
        let pa = a.patients(count: 50, withAnalyses: true)
        XCTAssertEqual(pa, b.patients(count: 50, withAnalyses: true))
        XCTAssertNotEqual(pa, c.patients(count: 50, withAnalyses: true))
    }
}
