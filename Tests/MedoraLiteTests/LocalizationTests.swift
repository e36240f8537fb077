import Foundation
import XCTest
@testable import MedoraLite

final class LocalizationTests: XCTestCase {
    func testEveryKeyHasAllThreeLanguagesWithTheSamePlaceholders() throws {
        let placeholder = try NSRegularExpression(pattern: "\\{[a-z]+\\}")
        func names(_ s: String) -> Set<String> {
            Set(placeholder.matches(in: s, range: NSRange(s.startIndex..., in: s)).map { (s as NSString).substring(with: $0.range) })
        }
        for key in L10n.Key.allCases {
            let en = L10n.text(key, .en), uz = L10n.text(key, .uz), ru = L10n.text(key, .ru)
            XCTAssertFalse(en.isEmpty || uz.isEmpty || ru.isEmpty, "\(key)")
            XCTAssertEqual(names(uz), names(en), "\(key) uz placeholders")
            XCTAssertEqual(names(ru), names(en), "\(key) ru placeholders")
        }
        let translated = L10n.Key.allCases.filter { L10n.text($0, .ru) != L10n.text($0, .en) }.count
        XCTAssertGreaterThan(translated, L10n.Key.allCases.count - 5, "almost every string is translated")
    }

    func testLanguageNegotiation() {
        XCTAssertEqual(Language.negotiate(acceptLanguage: "ru-RU,ru;q=0.9,en-US;q=0.8"), .ru)
        XCTAssertEqual(Language.negotiate(acceptLanguage: "de-DE, uz;q=0.7, en;q=0.3"), .uz)
        XCTAssertEqual(Language.negotiate(acceptLanguage: "en;q=0.2, ru;q=0.9"), .ru)
        XCTAssertEqual(Language.negotiate(acceptLanguage: "fr"), .en)
        XCTAssertEqual(Language.negotiate(acceptLanguage: nil), .en)
        XCTAssertEqual(Language.negotiate(explicit: "uz", acceptLanguage: "ru"), .uz)
        XCTAssertEqual(Language.negotiate(explicit: "xx", acceptLanguage: "ru"), .ru)
    }
}
