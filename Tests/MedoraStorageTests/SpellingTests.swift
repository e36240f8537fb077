import Foundation
import XCTest
@testable import MedoraStorage

/// The spelling key and its search: Russian and passport forms of Uzbek names
/// find the Uzbek record and back, distinct names stay apart, and the ranking
/// puts the typed spelling first.
final class SpellingTests: XCTestCase {

    private let owner = UUID()

    private func doc(_ last: String, _ first: String, _ middle: String? = nil) -> SearchDocument {
        SearchDocument(id: UUID(), ownerID: owner, firstName: first, lastName: last, middleName: middle, phone: nil)
    }

    private func search(_ index: PatientSearchIndex, _ query: String) -> [UUID] {
        index.search(ownerID: owner, query: query, limit: 100, offset: 0).ids
    }

    /// Each spelling in `queries` finds the record stored as `stored` (a last
    /// name when it ends like a surname, else a first name), among others.
    private func assertFinds(_ stored: String, _ queries: [String], file: StaticString = #filePath, line: UInt = #line) {
        let index = PatientSearchIndex()
        let target = doc("Qodirov", stored)
        let surname = doc(stored, "Ali")
        index.replaceAll([target, surname, doc("Karimova", "Malika"), doc("Tursunov", "Bobur")])
        for q in queries {
            let found = search(index, q)
            XCTAssertTrue(found.contains(target.id) && found.contains(surname.id),
                          "\(q) does not find \(stored)", file: file, line: line)
        }
    }

    private func assertApart(_ a: String, _ b: String, file: StaticString = #filePath, line: UInt = #line) {
        let index = PatientSearchIndex()
        let da = doc("Qodirov", a), db = doc("Qodirov", b)
        index.replaceAll([da, db])
        XCTAssertFalse(search(index, a).contains(db.id), "\(a) finds \(b)", file: file, line: line)
        XCTAssertFalse(search(index, b).contains(da.id), "\(b) finds \(a)", file: file, line: line)
    }

    // MARK: - The key's rewrites

    func testKeyRewritesConsonantsAndEndings() {
        XCTAssertEqual(SearchNormalizer.key("Yusufov"), SearchNormalizer.key("Юсупов"))
        XCTAssertEqual(SearchNormalizer.key("Sharifjon"), SearchNormalizer.key("Sharipjon"))
        XCTAssertEqual(SearchNormalizer.key("Nuritdinov"), SearchNormalizer.key("Нуриддинов"))
        XCTAssertEqual(SearchNormalizer.key("TCOI"), SearchNormalizer.key("Цой"))
        XCTAssertEqual(SearchNormalizer.key("Abdulloh"), SearchNormalizer.key("Abdullo"))
        XCTAssertEqual(SearchNormalizer.key("Абдуллах"), SearchNormalizer.key("Абдулла"))
        // A key never loses what the skeleton keeps apart.
        XCTAssertNotEqual(SearchNormalizer.key("Oʻtkir"), SearchNormalizer.key("Otsir"))
        XCTAssertEqual(SearchNormalizer.key("Oʻtkir"), "otkir")
    }

    func testPatronymicsMeetTheirRussianForm() {
        XCTAssertEqual(SearchNormalizer.key("Rustam oʻgʻli"), "rustamovich")
        XCTAssertEqual(SearchNormalizer.key("Рустам угли"), "rustamovich")
        XCTAssertEqual(SearchNormalizer.key("Rustam ogly"), "rustamovich")
        XCTAssertEqual(SearchNormalizer.key("Рустамович"), "rustamovich")
        XCTAssertEqual(SearchNormalizer.key("Rustam qizi"), "rustamovna")
        XCTAssertEqual(SearchNormalizer.key("Рустам кызы"), "rustamovna")
        XCTAssertEqual(SearchNormalizer.key("Ali oʻgʻli"), SearchNormalizer.key("Алиевич"))
        XCTAssertEqual(SearchNormalizer.key("Hamza qizi"), SearchNormalizer.key("Хамзаевна"))
        XCTAssertEqual(SearchNormalizer.key("Eshmat oʻgʻli"), SearchNormalizer.key("Эшматович"))
        XCTAssertEqual(SearchNormalizer.key("Qoʻchqor qizi"), SearchNormalizer.key("Qochqorovna"))
        XCTAssertEqual(SearchNormalizer.key("Ergash oʻgʻli"), SearchNormalizer.key("Эргашевич"))
        XCTAssertEqual(SearchNormalizer.key("Tohir qizi"), SearchNormalizer.key("Tohirovna"))
        // A word alone is not a patronymic.
        XCTAssertEqual(SearchNormalizer.key("oʻgʻli"), "ogli")
    }

    func testVowelClassesMatchRussianVowelsButKeepUzbekOnesApart() {
        func m(_ a: Character, _ b: Character) -> Bool {
            SearchNormalizer.matches(a.asciiValue!, b.asciiValue!)
        }
        XCTAssertTrue(m("o", "a"))   // Toshmatov / Ташматов
        XCTAssertTrue(m("o", "u"))   // Yoʻldoshev / Юлдашев
        XCTAssertTrue(m("a", "o"))
        XCTAssertFalse(m("a", "u"))  // Hasan / Husan
        XCTAssertFalse(m("i", "o"))  // Komil / Kamol
        XCTAssertFalse(m("e", "a"))
        XCTAssertTrue(m("U", "u"))
        XCTAssertFalse(m("U", "o"))  // a swapped vowel matches only itself
        XCTAssertTrue(m("I", "i"))
        // The trigram lists a query letter reads are exactly the letters it matches, its own first.
        func bytes(_ s: String) -> [UInt8] { Array(s.utf8) }
        let q = PatientSearchIndex.CompiledQuery.matchingBytes
        XCTAssertEqual(q(bytes("a")[0]), bytes("ao"))
        XCTAssertEqual(q(bytes("o")[0]), bytes("oau"))
        XCTAssertEqual(q(bytes("u")[0]), bytes("uo"))
        XCTAssertEqual(q(bytes("U")[0]), bytes("u"))
        XCTAssertEqual(q(bytes("I")[0]), bytes("i"))
        XCTAssertEqual(q(bytes("k")[0]), bytes("k"))
    }

    // MARK: - Each rule through the index

    func testRussianVowelShifts() {
        assertFinds("Toshmatov", ["Ташматов", "TASHMATOV", "Tashmatov"])
        assertFinds("Sobirjon", ["Сабирджан", "Sabirdzhan", "SABIRDZHAN"])
        assertFinds("Eshboy", ["Эшбай", "Eshbai", "ESHBAI"])
        assertFinds("Qoʻchqorov", ["Кучкаров", "Kuchkarov", "KUCHKAROV"])
        assertFinds("Yoʻldosh", ["Юлдаш", "Yuldash", "IULDASH", "Yoldosh", "Йўлдош"])
        assertFinds("Yoqubjon", ["Якубжон", "Якубджан", "Yakubdzhon", "IAKUBDZHON", "YAKUBDZHAN"])
        assertFinds("Doniyor", ["Данияр", "Daniyar", "DANIIAR"])
        assertFinds("Bahodir", ["Бахадыр", "Bakhadyr", "BAKHADIR", "Bahadir"])
        assertFinds("Jahongir", ["Джахангир", "Жахонгир", "Dzhakhangir", "Jahangir"])
        assertFinds("Gulnora", ["Гульнара", "Gulnara", "GULNARA"])
        assertFinds("Oʻktam", ["Уктам", "Uktam", "Ўктам"])
    }

    func testConsonantRules() {
        assertFinds("Yusufov", ["Юсупов", "Yusupov", "IUSUPOV"])
        assertFinds("Jamshid", ["Джамшид", "Жамшид", "DZHAMSHID", "ZHAMSHID", "Djamshid"])
        assertFinds("Xoʻjayev", ["Ходжаев", "Khodzhaev", "KHODZHAEV", "Xojayev", "Hojaev"])
        assertFinds("Shohruh", ["Шахрух", "SHAKHRUKH", "Shoxrux", "Shokhrukh", "Шоҳруҳ"])
        assertFinds("Qodir", ["Кадыр", "KADYR", "Kadir", "Қодир"])
        assertFinds("Gʻayrat", ["Гайрат", "GAIRAT", "Ghayrat", "G'ayrat", "Gayrat", "Ғайрат"])
    }

    func testEndingsIlloAndIddin() {
        assertFinds("Nurillo", ["Нурулла", "Nurulla", "NURULLA", "Nurillo"])
        assertFinds("Nuriddinov", ["Нуритдинов", "Нуруддинов", "NURITDINOV", "Nuritdinov"])
        assertFinds("Shamsiddin", ["Шамсутдин", "Shamsutdin", "SHAMSUTDIN"])
        assertFinds("Abdulloh", ["Абдулла", "Abdulla", "ABDULLA", "Абдуллах"])
        assertFinds("Fathulla", ["Фатхулла", "Fatxullo", "FATKHULLA"])
    }

    func testPassportRuleSetsApostrophesAndDraftLetters() {
        assertFinds("Yoʻldoshev", ["IULDASHEV", "YULDASHEV", "Юлдашев", "Yo'ldoshev", "Yo‘ldoshev", "Yo’ldoshev",
                                   "Yo`ldoshev", "Yoʼldoshev", "Yoldoshev", "Yöldoşev"])
        assertFinds("Gʻulomova", ["G'ulomova", "Gulomova", "Ğulomova", "Ghulomova"])
        assertFinds("Chorshanbiyev", ["Çorşanbiyev", "CHARSHANBIEV", "Чоршанбиев"])
        assertFinds("Sharipov", ["ŞARIPOV", "Шарипов", "SHARIPOV"])
    }

    func testPatronymicsFindEachOther() {
        let index = PatientSearchIndex()
        let son = doc("Karimov", "Aziz", "Rustam oʻgʻli")
        let daughter = doc("Karimova", "Aziza", "Рустамовна")
        index.replaceAll([son, daughter, doc("Karimov", "Anvar", "Sobirovich")])
        for q in ["Rustamovich", "Рустамович", "Rustam ogli", "Рустам угли", "Aziz Rustamovich", "RUSTAMOVICH"] {
            XCTAssertEqual(search(index, q), [son.id], q)
        }
        for q in ["Rustam qizi", "Рустам кызы", "Rustamovna", "Aziza Rustam qizi"] {
            XCTAssertEqual(search(index, q), [daughter.id], q)
        }
        // Typing on the way to the patronymic, and the word alone, still find it.
        for q in ["Rustam oʻgʻ", "Rustam o'g'l", "oʻgʻli", "Karimov ogl"] {
            XCTAssertEqual(search(index, q), [son.id], q)
        }
        XCTAssertEqual(SearchNormalizer.indexKey("Rustam oʻgʻli"), "rustam ogli rustamovich")
        // A name that begins like a patronymic word is not taken for one.
        let ogiloy = doc("Karimova", "Oʻgʻiloy")
        let qizlarxon = doc("Valiyeva", "Qizlarxon")
        index.replaceAll([son, ogiloy, qizlarxon])
        XCTAssertEqual(search(index, "Karimova Oʻgʻil"), [ogiloy.id])
        XCTAssertEqual(search(index, "Valiyeva Qiz"), [qizlarxon.id])
    }

    func testNamesWithTheirOwnRussianFormFindEachOtherThroughTheAliasTable() {
        assertFinds("Ibrohim", ["Ибрагим", "Ibragim", "IBRAGIM"])
        assertFinds("Ibrohimov", ["Ибрагимов", "IBRAGIMOV"])
        assertFinds("Gʻulom", ["Гулям", "Gulyam", "GULIAM"])
        assertFinds("Neʼmat", ["Нигмат", "Nigmat", "NIGMAT"])
        assertFinds("Sulaymon", ["Сулейман", "Suleyman", "SULEIMAN"])
        assertFinds("Xadicha", ["Хадиджа", "Khadidzha"])
        // And the other way round: a record in the Russian form.
        assertFinds("Ибрагимов", ["Ibrohimov", "Иброҳимов"])
        XCTAssertGreaterThanOrEqual(SearchAliases.stems.count, 2 * SearchAliases.table.count)
        for (from, to) in SearchAliases.stems {
            XCTAssertFalse(from.isEmpty || to.isEmpty || from == to)
        }
    }

    // MARK: - Apart and ranking

    func testDistinctNamesStayApart() {
        for (a, b) in [("Komil", "Kamol"), ("Hasan", "Husan"), ("Zuhra", "Zahro"), ("Kamola", "Kamila"),
                       ("Kamilla", "Kamola"), ("Salim", "Solih"), ("Karim", "Kamil"), ("Bobur", "Botir"),
                       ("Nodir", "Nazir"), ("Laylo", "Lola"), ("Rustam", "Rasul"), ("Sanjar", "Sardor")] {
            assertApart(a, b)
        }
    }

    func testRankingIsExactThenScriptThenKeyThenAlias() {
        let index = PatientSearchIndex()
        let cyrillicAlim = doc("Qodirov", "Алим")
        let latinAlim = doc("Qodirov", "Alim")
        let olim = doc("Qodirov", "Olim")
        index.replaceAll([olim, latinAlim, cyrillicAlim])
        // Russian writes Olim and Alim alike: both found, the typed script first.
        XCTAssertEqual(search(index, "Алим"), [cyrillicAlim.id, latinAlim.id, olim.id])
        XCTAssertEqual(search(index, "Alim"), [latinAlim.id, cyrillicAlim.id, olim.id])
        XCTAssertEqual(search(index, "Olim").first, olim.id)

        let ibrohim = doc("Ibrohimov", "Ali")
        let ibragim = doc("Ibragimov", "Ali")
        let ibrahimov = doc("Ibrahimov", "Ali")
        let index2 = PatientSearchIndex()
        index2.replaceAll([ibragim, ibrahimov, ibrohim])
        // Exact, then the vowel shift (a ~ o), then the alias.
        XCTAssertEqual(search(index2, "Ibrohimov"), [ibrohim.id, ibrahimov.id, ibragim.id])
        XCTAssertEqual(search(index2, "Ибрагимов"), [ibragim.id, ibrahimov.id, ibrohim.id])

        // Prefix before substring within a tier; a tier before any class of the next.
        let index3 = PatientSearchIndex()
        let karimov = doc("Karimov", "Ali")
        let abdukarimov = doc("Abdukarimov", "Ali")
        let korimov = doc("Korimov", "Ali")
        index3.replaceAll([korimov, abdukarimov, karimov])
        XCTAssertEqual(search(index3, "karimov"), [karimov.id, abdukarimov.id, korimov.id])
    }
}
