import Foundation
import MedoraStorage
import XCTest

final class ErrorKindTests: XCTestCase {
    func testEveryKindHasAnErrorStatusAnExitCodeAndASnakeCaseCode() {
        for kind in ErrorKind.allCases {
            let row = kind.row
            XCTAssertTrue((400..<600).contains(row.httpStatus), "\(kind)")
            XCTAssertTrue([1, 2].contains(row.exitCode), "\(kind)")
            XCTAssertTrue(kind.code.allSatisfy { $0.isLowercase || $0 == "_" }, kind.code)
            if let retry = row.retryAfter {
                XCTAssertTrue([502, 503].contains(row.httpStatus), "\(kind) retries only when a service is unavailable")
                XCTAssertGreaterThan(retry, 0)
            }
        }
        XCTAssertEqual(Set(ErrorKind.allCases.map(\.code)).count, ErrorKind.allCases.count)
    }

    func testDomainKindsAreClientErrorsAndSecretsExitWithTwo() {
        for kind in ErrorKind.allCases where kind.row.layer == .domain && ![.recordDamaged, .integrityDamaged, .checkFailed, .auditBroken].contains(kind) {
            XCTAssertTrue((400..<500).contains(kind.row.httpStatus), "\(kind)")
        }
        XCTAssertEqual(ErrorKind.wrongSecret.row.exitCode, 2)
        XCTAssertEqual(ErrorKind.tamperedKeySlot.row.exitCode, 2)
        XCTAssertEqual(ErrorKind.noSecret.row.exitCode, 2)
        XCTAssertEqual(ErrorKind.diskFull.row.exitCode, 1)
    }

    func testMessagesFillTheirPlaceholders() {
        let e = MedoraError(.locked, ["detail": "another medora-lite is running on /srv/clinic"])
        XCTAssertEqual(e.message(.en), "the database is in use: another medora-lite is running on /srv/clinic")
        XCTAssertEqual(e.message(.uz), "baza band: another medora-lite is running on /srv/clinic")
        let invalid = MedoraError.invalid([.init("nationalId", .invalidCharacters, allowed: .identifier)])
        XCTAssertEqual(invalid.issues.first?.message(.en), "Only Latin letters, digits and hyphens are allowed here.")
        XCTAssertEqual(ValidationIssue("firstName", .invalidCharacters, allowed: .name).message(.ru),
                       "Допустимы только буквы, пробелы, апострофы и дефисы.")
    }
}
