import Foundation
import MedoraStorage
import XCTest

final class LocalizationTests: XCTestCase {
    func testEveryStringHasAllThreeLanguagesWithTheSamePlaceholders() {
        let rows = StringCatalogue.all
        XCTAssertGreaterThan(rows.count, 70)
        for (key, t) in rows {
            XCTAssertFalse(t.en.isEmpty || t.uz.isEmpty || t.ru.isEmpty, key)
            XCTAssertEqual(Translation.placeholders(in: t.uz), Translation.placeholders(in: t.en), "\(key) uz placeholders")
            XCTAssertEqual(Translation.placeholders(in: t.ru), Translation.placeholders(in: t.en), "\(key) ru placeholders")
        }
        let translated = rows.filter { $0.translation.ru != $0.translation.en }.count
        XCTAssertGreaterThan(translated, rows.count - 6, "almost every string is translated")
        XCTAssertEqual(Set(rows.map(\.key)).count, rows.count, "keys are unique")
    }

    func testPlaceholdersAreFilledByName() {
        XCTAssertEqual(Translation.placeholders(in: "cannot listen on {address}: {detail} {x y} {}"), ["address", "detail"])
        XCTAssertEqual(CLIText.passwordPrompt.text(.ru, ["login": "dr.karimova"]), "Пароль для dr.karimova: ")
        XCTAssertEqual(ErrorText.notInitialized.text(.en, ["path": "/srv/clinic"]),
                       "no Medora database in /srv/clinic; run `medora-lite init --data /srv/clinic` first")
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

    func testFileSizesReadTheSameOnThePageAndTheCommandLineInEachLanguage() {
        XCTAssertEqual(ByteSize.text(0, .en), "1 KB")
        XCTAssertEqual(ByteSize.text(1_535, .en), "1 KB")
        XCTAssertEqual(ByteSize.text(1_536, .en), "2 KB")
        XCTAssertEqual(ByteSize.text((1 << 20) - 1, .en), "1.0 MB")
        XCTAssertEqual(ByteSize.text(14_889_779, .en), "14.2 MB")
        XCTAssertEqual(ByteSize.text(14_889_779, .ru), "14,2 МБ")
        XCTAssertEqual(ByteSize.text(14_889_779, .uz), "14,2 MB")
        XCTAssertEqual(ByteSize.text(124_151_398, .en), "118.4 MB")
        XCTAssertEqual(ByteSize.text(812 << 10, .ru), "812 КБ")
    }
}
