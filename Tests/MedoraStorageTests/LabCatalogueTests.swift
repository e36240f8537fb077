import Foundation
import XCTest
@testable import MedoraStorage

/// The catalogue's integrity, conversions, flag boundaries, derived formulas and reading rules.
final class LabCatalogueTests: XCTestCase {
    func testEveryTestIsCompleteWithContiguousAgeBandsAndSaneLimits() {
        let tests = LabCatalogue.tests
        XCTAssertGreaterThanOrEqual(tests.count, 60)
        XCTAssertEqual(Set(tests.map(\.code)).count, tests.count, "unique LOINC codes")
        XCTAssertEqual(Set(tests.map(\.key)).count, tests.count, "unique keys")
        for t in tests {
            XCTAssertTrue(t.code.range(of: #"^\d{1,6}-\d$"#, options: .regularExpression) != nil, "\(t.key): LOINC form \(t.code)")
            for lang in Language.allCases { XCTAssertFalse(t.name[lang].isEmpty, "\(t.key) name in \(lang)") }
            XCTAssertFalse(t.source.isEmpty, "\(t.key) names its source")
            // Body measurements (for BMI) have no reference range; every laboratory test has one.
            XCTAssertEqual(t.ranges.isEmpty, ["HEIGHT", "WEIGHT"].contains(t.key), "\(t.key) has ranges")
            XCTAssertEqual(Set(t.units.map(\.ucum)).count, t.units.count, "\(t.key): units listed once")
            XCTAssertTrue(t.units.allSatisfy { $0.toCanonical > 0 && $0.toCanonical.isFinite }, "\(t.key) factors")
            XCTAssertEqual(t.unit.toCanonical, 1, "\(t.key): the canonical unit converts to itself")
            XCTAssertTrue((0...4).contains(t.decimals), t.key)
            XCTAssertGreaterThanOrEqual(t.plausible.lowerBound, 0, "\(t.key): nothing measured here is negative")
            for r in t.ranges {
                if let l = r.low, let h = r.high { XCTAssertLessThan(l, h, "\(t.key) range \(r)") }
                for b in [r.low, r.high].compactMap({ $0 }) { XCTAssertTrue(t.plausible.contains(b), "\(t.key): limit \(b) plausible") }
                XCTAssertTrue(r.low != nil || r.high != nil, "\(t.key): a range limits something")
            }
            if let l = t.critical.low, let h = t.critical.high { XCTAssertLessThan(l, h, t.key) }
            // Age bands: per family, from 0 to 150 without gaps or overlaps (pregnancy bands contiguous).
            let plain = t.ranges.filter { !$0.pregnancy }
            let sexes = Set(plain.map(\.sex))
            XCTAssertTrue(t.ranges.isEmpty || sexes == [.any] || sexes == [.male, .female], "\(t.key): one family, or one per sex: \(sexes)")
            for sex in sexes {
                let bands = plain.filter { $0.sex == sex }.sorted { $0.minAge < $1.minAge }
                XCTAssertEqual(bands.first?.minAge, 0, "\(t.key) \(sex) starts at birth")
                XCTAssertEqual(bands.last?.maxAge, 150, "\(t.key) \(sex) ends at 150")
                for (a, b) in zip(bands, bands.dropFirst()) { XCTAssertEqual(a.maxAge, b.minAge, "\(t.key) \(sex): no gap or overlap") }
            }
            let pregnancy = t.ranges.filter(\.pregnancy).sorted { $0.minAge < $1.minAge }
            for (a, b) in zip(pregnancy, pregnancy.dropFirst()) { XCTAssertEqual(a.maxAge, b.minAge, "\(t.key) pregnancy bands") }
            XCTAssertTrue(pregnancy.allSatisfy { $0.sex != .male }, t.key)
        }
        let required = ["CBC", "BMP", "CMP", "LIPID", "LIVER", "KIDNEY", "THYROID", "IRON", "GLUCOSE", "COAG", "INFLAMMATION", "VITAMINS",
                        "URINALYSIS"]
        XCTAssertTrue(Set(required).isSubset(of: Set(LabCatalogue.panels.map(\.id))), "\(LabCatalogue.panels.map(\.id))")
        for p in LabCatalogue.panels {
            for lang in Language.allCases { XCTAssertFalse(p.name[lang].isEmpty) }
            for key in p.tests { XCTAssertNotNil(LabCatalogue.test(key: key), "\(p.id): \(key)") }
        }
    }

    func testEverySampleResultIsACatalogueTestInOneOfItsUnits() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("sample-data/patients.json")
        let patients = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [[String: Any]])
        var seen = 0
        for p in patients {
            for a in p["analyses"] as? [[String: Any]] ?? [] {
                for r in a["results"] as? [[String: Any]] ?? [] {
                    let code = try XCTUnwrap(r["loinc"] as? String), unit = try XCTUnwrap(r["unit"] as? String)
                    let test = try XCTUnwrap(LabCatalogue.test(code: code), code)
                    XCTAssertNotNil(LabCatalogue.unit(unit, of: test), "\(code) in \(unit)")
                    seen += 1
                }
            }
        }
        XCTAssertGreaterThan(seen, 2000)
    }

    func testPrintedNamesAndAbbreviationsInAnyLanguageFindTheirTest() {
        for (printed, key) in [("HGB", "HGB"), ("Hb", "HGB"), ("Гемоглобин", "HGB"), ("gemoglobin", "HGB"), ("WBC", "WBC"),
                               ("Лейкоциты", "WBC"), ("ALT", "ALT"), ("АЛТ", "ALT"), ("АлАТ", "ALT"), ("SGPT", "ALT"),
                               ("Glucose", "GLU"), ("Глюкоза", "GLU"), ("718-7", "HGB"), ("2160-0", "CREA"), ("plt", "PLT"),
                               ("ТТГ", "TSH"), ("Креатинин", "CREA")] {
            XCTAssertEqual(LabCatalogue.match(printed)?.key, key, printed)
        }
        XCTAssertNil(LabCatalogue.match("unobtainium"))
        // A printed name stands for one test, or for two told apart by the unit printed with it.
        for t in LabCatalogue.tests {
            for name in Set([t.code, t.key, t.name.en, t.name.uz, t.name.ru] + t.aliases).map(LabCatalogue.fold) where !name.isEmpty {
                let tests = LabCatalogue.candidates(name)
                guard tests.count > 1 else { continue }
                for a in tests {
                    for b in tests where a.code != b.code {
                        XCTAssertTrue(Set(a.units.map(\.ucum)).isDisjoint(with: b.units.map(\.ucum)),
                                      "\"\(name)\" names \(a.key) and \(b.key), which share a unit")
                    }
                }
            }
        }
        XCTAssertEqual(LabCatalogue.match("Нейтрофилы", unit: "%")?.key, "NEUT%")
        XCTAssertEqual(LabCatalogue.match("Нейтрофилы", unit: "10*9/L")?.key, "NEUT#")
        XCTAssertEqual(LabCatalogue.match("PTT")?.key, "APTT")
    }

    func testConversionsToTheCanonicalUnit() throws {
        func canonical(_ key: String, _ value: Double, _ unit: String) throws -> Double {
            let test = try XCTUnwrap(LabCatalogue.test(key: key), key)
            let u = try XCTUnwrap(LabCatalogue.unit(unit, of: test), "\(key) \(unit)")
            return value * u.toCanonical
        }
        XCTAssertEqual(try canonical("GLU", 5.5, "mmol/L"), 99.1, accuracy: 0.1)
        XCTAssertEqual(try canonical("CREA", 88.42, "umol/L"), 1.0, accuracy: 0.001)
        XCTAssertEqual(try canonical("CHOL", 5.17, "mmol/L"), 200, accuracy: 0.5)
        XCTAssertEqual(try canonical("TRIG", 1.7, "mmol/L"), 150.6, accuracy: 0.2)
        XCTAssertEqual(try canonical("HGB", 135, "g/L"), 13.5, accuracy: 0.001)
        XCTAssertEqual(try canonical("BUN", 5.0, "mmol/L"), 14.0, accuracy: 0.05)
        XCTAssertEqual(try canonical("TBIL", 17.104, "umol/L"), 1.0, accuracy: 0.001)
        XCTAssertEqual(try canonical("CA", 2.5, "mmol/L"), 10.02, accuracy: 0.01)
        XCTAssertEqual(try canonical("WBC", 7.2, "10*9/L"), 7.2, accuracy: 0.0001)
    }

    /// Every unit a test may be entered in, against the published factor (molar masses: glucose
    /// 180.16, creatinine 113.12, cholesterol 386.7, triglycerides 885.7, urea nitrogen 28.01,
    /// bilirubin 584.7, uric acid 168.1, calcium 40.08, magnesium 24.31, phosphorus 30.97, iron
    /// 55.85, acetoacetate 102.1 g/mol; 1 µkat/L = 60 U/L; insulin 6 pmol per µIU).
    func testEveryConversionFactorOfTheCatalogue() throws {
        let expected: [(String, String, Double)] = [
            ("HGB", "g/L", 0.1),
            ("HGB", "mmol/L", 1.611),
            ("RBC", "10*12/L", 1.0),
            ("HCT", "L/L", 100.0),
            ("MCHC", "g/L", 0.1),
            ("WBC", "10*9/L", 1.0),
            ("WBC", "/uL", 0.001),
            ("NEUT#", "10*9/L", 1.0),
            ("NEUT#", "/uL", 0.001),
            ("LYMPH#", "10*9/L", 1.0),
            ("LYMPH#", "/uL", 0.001),
            ("PLT", "10*9/L", 1.0),
            ("PLT", "/uL", 0.001),
            ("GLU", "mmol/L", 18.016),
            ("BUN", "mmol/L", 2.801),
            ("CREA", "umol/L", 1 / 88.42),
            ("NA", "meq/L", 1.0),
            ("K", "meq/L", 1.0),
            ("CL", "meq/L", 1.0),
            ("CO2", "meq/L", 1.0),
            ("CA", "mmol/L", 4.008),
            ("CA", "meq/L", 2.004),
            ("TP", "g/L", 0.1),
            ("ALB", "g/L", 0.1),
            ("TBIL", "umol/L", 1 / 17.104),
            ("ALP", "[IU]/L", 1.0),
            ("ALP", "ukat/L", 60.0),
            ("ALT", "[IU]/L", 1.0),
            ("ALT", "ukat/L", 60.0),
            ("AST", "[IU]/L", 1.0),
            ("AST", "ukat/L", 60.0),
            ("GGT", "[IU]/L", 1.0),
            ("GGT", "ukat/L", 60.0),
            ("DBIL", "umol/L", 1 / 17.104),
            ("CHOL", "mmol/L", 38.67),
            ("HDL", "mmol/L", 38.67),
            ("LDL", "mmol/L", 38.67),
            ("LDLD", "mmol/L", 38.67),
            ("TRIG", "mmol/L", 88.57),
            ("URIC", "umol/L", 1 / 59.48),
            ("UACR", "mg/mmol", 8.84),
            ("UACR", "ug/mg", 1.0),
            ("TSH", "u[IU]/mL", 1.0),
            ("TSH", "mU/L", 1.0),
            ("FT4", "pmol/L", 0.0777),
            ("FT3", "pmol/L", 0.651),
            ("ATPO", "k[IU]/L", 1.0),
            ("FE", "umol/L", 5.585),
            ("FERR", "ug/L", 1.0),
            ("TRF", "g/L", 100.0),
            ("TIBC", "umol/L", 5.585),
            ("INS", "pmol/L", 1 / 6.0),
            ("INS", "m[IU]/L", 1.0),
            ("FIB", "g/L", 100.0),
            ("CRP", "mg/dL", 10.0),
            ("VITD", "nmol/L", 0.4006),
            ("B12", "pmol/L", 1.355),
            ("B12", "ng/L", 1.0),
            ("FOL", "nmol/L", 0.4413),
            ("FOL", "ug/L", 1.0),
            ("MG", "mmol/L", 2.431),
            ("MG", "meq/L", 1.215),
            ("PHOS", "mmol/L", 3.097),
            ("UPRO", "g/L", 100.0),
            ("UGLU", "mmol/L", 18.016),
            ("UKET", "mmol/L", 10.21),
            ("HEIGHT", "m", 100.0),
            ("HEIGHT", "[in_i]", 2.54),
            ("WEIGHT", "g", 0.001),
            ("WEIGHT", "[lb_av]", 0.45359237),
        ]
        let listed = LabCatalogue.tests.flatMap { t in t.otherUnits.map { (t.key, $0.ucum, $0.toCanonical) } }
        XCTAssertEqual(listed.count, expected.count, "every conversion is checked here")
        for (key, ucum, factor) in expected {
            let test = try XCTUnwrap(LabCatalogue.test(key: key), key)
            let unit = try XCTUnwrap(test.otherUnits.first { $0.ucum == ucum }, "\(key) in \(ucum)")
            XCTAssertEqual(unit.toCanonical, factor, accuracy: factor * 1e-9, "\(key) \(ucum)")
        }
    }

    func testFlagBoundariesUseTheRangeForSexAndAgeAndTheCriticalLimits() throws {
        let hgb = try XCTUnwrap(LabCatalogue.test(key: "HGB"))
        let man = try XCTUnwrap(hgb.range(sex: .male, ageYears: 40, pregnant: false))
        let woman = try XCTUnwrap(hgb.range(sex: .female, ageYears: 40, pregnant: false))
        XCTAssertGreaterThan(try XCTUnwrap(man.low), try XCTUnwrap(woman.low), "men's haemoglobin range starts higher")
        let low = try XCTUnwrap(man.low), high = try XCTUnwrap(man.high)
        XCTAssertEqual(hgb.flag(low, low: man.low, high: man.high), .normal, "the limit itself is within range")
        XCTAssertEqual(hgb.flag(low - 0.01, low: man.low, high: man.high), .low)
        XCTAssertEqual(hgb.flag(high, low: man.low, high: man.high), .normal)
        XCTAssertEqual(hgb.flag(high + 0.01, low: man.low, high: man.high), .high)
        let critical = try XCTUnwrap(hgb.critical.low)
        XCTAssertEqual(hgb.flag(critical, low: man.low, high: man.high), .low)
        XCTAssertEqual(hgb.flag(critical - 0.01, low: man.low, high: man.high), .criticalLow)
        // A child's range differs from an adult's; pregnancy picks its own.
        let child = try XCTUnwrap(hgb.range(sex: .male, ageYears: 3, pregnant: false))
        XCTAssertNotEqual(child, man)
        let pregnant = try XCTUnwrap(hgb.range(sex: .female, ageYears: 28, pregnant: true))
        XCTAssertTrue(pregnant.pregnancy)
        // The lab's printed range overrides the catalogue's, in the unit it was printed in.
        let r = LabInterpreter.interpret([LabResult(code: hgb.code, value: 125, unit: "g/L", rangeLow: 130, rangeHigh: 170)],
                                         sex: .male, ageYears: 40, pregnant: false)
        XCTAssertEqual(r.results.first?.flag, .low)
        XCTAssertTrue(r.results.first?.labRange == true)
        XCTAssertEqual(r.results.first?.range?.low ?? 0, 13.0, accuracy: 1e-9)
    }

    func testDeltaChecksFollowEachTestsRule() throws {
        let hgb = try XCTUnwrap(LabCatalogue.test(key: "HGB")), crea = try XCTUnwrap(LabCatalogue.test(key: "CREA"))
        XCTAssertEqual(hgb.delta, .absolute(2.0))
        XCTAssertFalse(hgb.deltaExceeded(previous: 14.0, current: 12.0))
        XCTAssertTrue(hgb.deltaExceeded(previous: 14.0, current: 11.9))
        XCTAssertEqual(crea.delta, .percent(50))
        XCTAssertFalse(crea.deltaExceeded(previous: 1.0, current: 1.5))
        XCTAssertTrue(crea.deltaExceeded(previous: 1.0, current: 1.51))
        let r = LabInterpreter.interpret([LabResult(code: hgb.code, value: 11.0, unit: "g/dL")], sex: .female, ageYears: 40, pregnant: false,
                                         previous: [hgb.code: 13.5])
        XCTAssertEqual(r.results.first?.delta ?? 0, -2.5, accuracy: 1e-9)
    }

    func testDerivedValuesAgainstWorkedExamples() throws {
        // CKD-EPI 2021 (Inker et al., NEJM 2021), computed by hand from the published equation.
        let woman = try XCTUnwrap(DerivedValues.egfr(["2160-0": 1.0], sex: .female, ageYears: 50))
        XCTAssertEqual(woman.value, 68.6, accuracy: 0.2)
        let man = try XCTUnwrap(DerivedValues.egfr(["2160-0": 0.8], sex: .male, ageYears: 40))
        // Scr/κ = 0.889 < 1: 142 × 0.889^−0.302 × 0.9938^40 = 142 × 1.0362 × 0.7796 = 114.7
        XCTAssertEqual(man.value, 114.7, accuracy: 0.3)
        XCTAssertNil(DerivedValues.egfr(["2160-0": 1.0], sex: .male, ageYears: 15), "adults only")
        XCTAssertNil(DerivedValues.egfr(["2160-0": 1.0], sex: nil, ageYears: 50), "needs the sex")

        XCTAssertEqual(DerivedValues.ldl(["2093-3": 200, "2085-9": 50, "2571-8": 150])?.value, 120)
        XCTAssertNil(DerivedValues.ldl(["2093-3": 200, "2085-9": 50, "2571-8": 401]), "Friedewald is not used above 400 mg/dL")
        XCTAssertEqual(DerivedValues.nonHDL(["2093-3": 200, "2085-9": 50])?.value, 150)
        XCTAssertEqual(DerivedValues.homaIR(["2345-7": 100, "20448-7": 10])?.value ?? 0, 2.469, accuracy: 0.001)
        XCTAssertEqual(DerivedValues.anionGap(["2951-2": 140, "2075-0": 104, "2028-9": 24])?.value, 12)
        XCTAssertEqual(DerivedValues.correctedCalcium(["17861-6": 8.0, "1751-7": 2.0])?.value ?? 0, 9.6, accuracy: 1e-9)
        XCTAssertEqual(DerivedValues.bmi(["8302-2": 170, "29463-7": 70])?.value ?? 0, 24.22, accuracy: 0.01)
        // Every input code is a catalogue test, so entered results reach the formulas.
        for code in ["2160-0", "2093-3", "2085-9", "2571-8", "2345-7", "20448-7", "2951-2", "2075-0", "2028-9", "17861-6", "1751-7",
                     "8302-2", "29463-7"] {
            XCTAssertNotNil(LabCatalogue.test(code: code), code)
        }
    }

    func testReadingRules() throws {
        func rules(_ values: [(String, Double)], sex: Sex = .female, age: Double = 45) -> Set<ReadingFinding.Rule> {
            let results = values.map { key, value in
                let t = LabCatalogue.test(key: key)!
                return LabResult(code: t.code, value: value, unit: t.unit.ucum)
            }
            return Set(LabInterpreter.interpret(results, sex: sex, ageYears: age, pregnant: false).findings.map(\.rule))
        }
        XCTAssertEqual(rules([("HGB", 13.5), ("PLT", 250)]), [.allNormal])
        XCTAssertTrue(rules([("HGB", 9.5), ("MCV", 70), ("FERR", 5)]).isSuperset(of: [.microcyticAnaemia, .ironDeficiency, .abnormal]))
        XCTAssertTrue(rules([("HGB", 9.5), ("MCV", 110)]).contains(.macrocyticAnaemia))
        XCTAssertTrue(rules([("CREA", 1.6)], sex: .female, age: 60).contains(.ckdStage))
        XCTAssertTrue(rules([("CHOL", 260), ("HDL", 55), ("TRIG", 120)]).contains(.dyslipidaemia))
        XCTAssertTrue(rules([("HBA1C", 7.1)]).contains(.diabetesRange))
        XCTAssertTrue(rules([("HBA1C", 6.0)]).contains(.prediabetes))
        XCTAssertTrue(rules([("GLU", 130)]).contains(.diabetesRange))
        XCTAssertTrue(rules([("TSH", 12), ("FT4", 0.5)]).contains(.hypothyroidism))
        XCTAssertTrue(rules([("TSH", 7), ("FT4", 1.2)]).contains(.subclinicalHypothyroidism))
        XCTAssertTrue(rules([("TSH", 0.01), ("FT4", 3.5)]).contains(.hyperthyroidism))
        XCTAssertTrue(rules([("ALT", 400), ("ALP", 100)]).contains(.hepatocellularInjury))
        XCTAssertTrue(rules([("ALT", 50), ("ALP", 500)]).contains(.cholestaticInjury))
        XCTAssertTrue(rules([("ALT", 200), ("ALP", 250)]).contains(.mixedInjury))
        XCTAssertTrue(rules([("ALT", 400)]).contains(.hepatocellularInjury), "ALT over three times its limit without ALP")
        XCTAssertTrue(rules([("HGB", 9.5), ("MCV", 90)]).contains(.anaemia), "normocytic")
        XCTAssertTrue(rules([("HGB", 9.5)]).contains(.anaemia), "no MCV measured")
        XCTAssertTrue(rules([("TSH", 0.05), ("FT4", 1.2)]).contains(.subclinicalHyperthyroidism))
        XCTAssertTrue(rules([("TRIG", 250)]).contains(.dyslipidaemia))
        XCTAssertTrue(rules([("HDL", 35)], sex: .male).contains(.dyslipidaemia), "low HDL for a man")
        XCTAssertFalse(rules([("HDL", 45)], sex: .male).contains(.dyslipidaemia))
        XCTAssertTrue(rules([("HDL", 45)], sex: .female).contains(.dyslipidaemia), "low HDL for a woman")
        XCTAssertFalse(rules([("CREA", 0.8)], sex: .female, age: 40).contains(.ckdStage), "eGFR above 60")
        XCTAssertFalse(rules([("HBA1C", 5.5)]).contains(.prediabetes))
        // Every finding reads in every language, with its placeholders filled.
        let all = LabInterpreter.interpret([("HGB", 6.0), ("MCV", 70), ("CREA", 3.0), ("TSH", 12)].map { key, v in
            LabResult(code: LabCatalogue.test(key: key)!.code, value: v, unit: LabCatalogue.test(key: key)!.unit.ucum)
        }, sex: .male, ageYears: 70, pregnant: false)
        for finding in all.findings {
            for lang in Language.allCases {
                let text = finding.text(lang)
                XCTAssertFalse(text.contains("{"), "\(finding.rule) in \(lang): \(text)")
                XCTAssertGreaterThan(text.count, 10)
            }
        }
        XCTAssertTrue(all.findings.contains { $0.flag == .criticalLow }, "haemoglobin 6 g/dL is critical")
    }
}
