import Foundation
import XCTest
@testable import MedoraStorage

/// Tables pasted from lab printouts and CSV files.
final class LabImportTests: XCTestCase {
    func testATablePastedFromAPrintoutInAnyLanguage() throws {
        let text = """
            ОБЩИЙ АНАЛИЗ КРОВИ
            Показатель\tРезультат\tЕд.\tНорма
            Гемоглобин (HGB)\t118\tг/л\t120-160
            Лейкоциты\t6,4\t10^9/л\t4,0 - 9,0
            PLT  245  10*3/uL  150-400
            Gemoglobin 12.0 g/dL
            ALT 41 U/L < 40
            Unobtainium 5 mg/dL
            Glucose 5.4 parsecs
            HGB 130 g/L
            """
        let lines = LabTableParser.parse(text)
        let read = lines.compactMap(\.result)
        XCTAssertEqual(read.map { LabCatalogue.test(code: $0.code)?.key }, ["HGB", "WBC", "PLT", "ALT"])
        XCTAssertEqual(read[0].value, 118)
        XCTAssertEqual(read[0].unit, "g/L")
        XCTAssertEqual(read[0].rangeLow, 120)
        XCTAssertEqual(read[0].rangeHigh, 160)
        XCTAssertEqual(read[1].value, 6.4, "a decimal comma")
        XCTAssertEqual(read[1].unit, "10*9/L")
        XCTAssertEqual(read[1].rangeLow, 4.0)
        XCTAssertEqual(read[2].unit, "10*3/uL")
        XCTAssertEqual(read[3].rangeHigh, 40)
        XCTAssertNil(read[3].rangeLow)
        let problems = lines.filter { $0.result == nil }.map { ($0.number, $0.problem) }
        XCTAssertEqual(problems.map(\.0), [1, 2, 6, 8, 9, 10])
        XCTAssertEqual(problems.map(\.1), [.noValue, .noValue, .repeated, .unknownTest, .unknownUnit, .repeated])
    }

    /// Ranges that are not finite numbers (`nan`, `inf`, `1e500`) are no range at all: the value
    /// is kept and the answer can always be written as JSON.
    func testRangesThatAreNotFiniteNumbersAreIgnored() throws {
        for range in ["<nan", ">inf", "1-1e500", "≤infinity", "до nan", "nan-inf", "0x10-0x20"] {
            let line = LabTableParser.parse("HGB 130 g/L \(range)").first
            let result = try XCTUnwrap(line?.result, range)
            XCTAssertEqual(result.value, 130, range)
            for bound in [result.rangeLow, result.rangeHigh] { XCTAssertTrue(bound.map(\.isFinite) ?? true, "\(range): \(String(describing: bound))") }
            XCTAssertNoThrow(try JSONEncoder().encode([result.rangeLow, result.rangeHigh].compactMap { $0 }), range)
        }
    }

    func testACSVFileIsCheckedRowByRowAndGroupedByDayAndLab() throws {
        let good = #"""
            taken_on;test;value;unit;range_low;range_high;lab
            2026-01-10;HGB;13,2;g/dL;12;16;Shifo
            2026-01-10;WBC;6.1;;;;Shifo
            2026-01-10;Глюкоза;5.6;mmol/L;;;Shifo
            2026-03-02;HGB;12.1;;;;Shifo

            2026-03-02;"Creatinine";88;umol/L;;;"Lab ""Salomat"""
            """#
        let ok = LabCSV.read(good, birthDate: "1980-01-01", today: Date())
        XCTAssertEqual(ok.errors, [])
        XCTAssertEqual(ok.drafts.count, 3, "by day and lab")
        XCTAssertEqual(ok.drafts[0].results.count, 3)
        XCTAssertEqual(ok.drafts[0].results[0].value, 13.2)
        XCTAssertEqual(ok.drafts[0].results[0].rangeHigh, 16)
        XCTAssertEqual(ok.drafts[2].lab, "Lab \"Salomat\"")
        XCTAssertEqual(ok.rows, [[2, 3, 4], [5], [7]])

        let bad = """
            date,test,value,unit
            2026-01-10,HGB,13.2,g/dL
            10.01.2026,WBC,6.1,
            2026-01-10,Unobtainium,1,
            2026-01-10,PLT,lots,
            2026-01-10,PLT,-5,
            2026-01-10,K,4.1,parsecs
            2026-01-10,HGB,12,g/dL
            2031-01-01,NA,140,
            """
        let refused = LabCSV.read(bad, birthDate: "1980-01-01", today: Date())
        XCTAssertTrue(refused.drafts.isEmpty, "one bad row: nothing to import")
        XCTAssertEqual(refused.errors.map { "\($0.row):\($0.column):\($0.code.rawValue)" }, [
            "3:taken_on:invalid_format", "4:test:invalid_value", "5:value:invalid_format", "6:value:out_of_range", "7:unit:invalid_value",
            "8:test:duplicate", "9:taken_on:out_of_range",
        ])
        let noHeader = LabCSV.read("HGB,13\n", birthDate: nil, today: Date())
        XCTAssertEqual(Set(noHeader.errors.map(\.column)), ["taken_on", "test", "value"])
        XCTAssertEqual(LabCSV.read("", birthDate: nil, today: Date()).errors.first?.column, "header")
    }
}
