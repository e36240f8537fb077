import Foundation
import XCTest
@testable import MedoraStorage

final class SearchIndexTests: XCTestCase {

    private let owner = UUID()
    private let otherOwner = UUID()

    private func doc(
        _ last: String, _ first: String, _ middle: String? = nil, phone: String? = nil, owner: UUID? = nil
    ) -> PatientSearchIndex.SearchDocument {
        PatientSearchIndex.SearchDocument(
            id: UUID(), ownerID: owner ?? self.owner,
            firstName: first, lastName: last, middleName: middle, phone: phone)
    }

    private func ids(_ index: PatientSearchIndex, _ query: String?, owner: UUID? = nil,
                     limit: Int = 100, offset: Int = 0) -> [UUID] {
        index.search(ownerID: owner ?? self.owner, query: query, limit: limit, offset: offset).ids
    }

    private func assertFoldEqual(_ variants: [String], file: StaticString = #filePath, line: UInt = #line) {
        let folded = variants.map(SearchNormalizer.fold)
        XCTAssertEqual(Set(folded).count, 1, "\(variants) folded to \(folded)", file: file, line: line)
        XCTAssertFalse(folded[0].isEmpty, file: file, line: line)
    }

    // MARK: - Folding

    func testFoldMakesUzbekLatinCyrillicAndRussianSpellingsEqual() {
        assertFoldEqual(["Shoxrux", "Шохрух", "Shokhrukh", "SHOXRUX"])
        assertFoldEqual(["O'g'iloy", "Oʻgʻiloy", "Ўғилой", "O‘g‘iloy", "O’g’iloy", "O`g`iloy", "Ogiloy"])
        assertFoldEqual(["Ғайратов", "G'ayratov", "Гайратов"])
        assertFoldEqual(["Юлдуз", "Yulduz"])
        assertFoldEqual(["Қодиров", "Qodirov"])
        assertFoldEqual(["Иванов", "Ivanov"])
        assertFoldEqual(["Жасур", "Jasur", "Zhasur"])
        assertFoldEqual(["Ҳасанов", "Hasanov", "Хасанов", "Khasanov"])
        assertFoldEqual(["ЁҚУБОВ", "yoqubov", "Ёқубов"])
        assertFoldEqual(["Tsoy", "Цой", "Tsoi"])
        assertFoldEqual(["Aliyev", "Алиев", "Aliev"])
        assertFoldEqual(["Mariya", "Мария", "Maria"])
        assertFoldEqual(["Джамшид", "Jamshid", "Dzhamshid"])
        // Decomposed (NFD) input behaves like precomposed input.
        assertFoldEqual(["Йўлдош", "И\u{0306}у\u{0306}лдош", "Yo'ldosh"])
    }

    func testFoldNormalisesCaseDiacriticsAndSeparators() {
        XCTAssertEqual(SearchNormalizer.fold("  Karimova -  ALIYEVA  "), "karimova alieva")
        XCTAssertEqual(SearchNormalizer.fold("Zoë"), "zoe")
        XCTAssertEqual(SearchNormalizer.fold("Abdulla o‘g‘li"), "abdula ogli")
        XCTAssertEqual(SearchNormalizer.fold(""), "")
        XCTAssertEqual(SearchNormalizer.fold("'-'"), "")
        XCTAssertNotEqual(SearchNormalizer.fold("Karimov"), SearchNormalizer.fold("Rahimov"))
    }

    // MARK: - Phones

    func testNormalizePhoneAcceptsUzbekAndInternationalForms() {
        for input in ["+998 90 123 45 67", "998901234567", "90 123-45-67", "8 (90) 123-45-67", "+998 (90) 123.45.67"] {
            XCTAssertEqual(SearchNormalizer.normalizePhone(input), "998901234567", input)
        }
        XCTAssertEqual(SearchNormalizer.normalizePhone("+7 912 345-67-89"), "79123456789")
        XCTAssertEqual(SearchNormalizer.normalizePhone("+1 (415) 555-0100"), "14155550100")
    }

    func testNormalizePhoneRejectsGarbage() {
        for input in ["", "   ", "abc", "12345", "+998 90 123", "+12", "90 123 45 67 ext 2",
                      "+998+901234567", "1234567890", "79123456789", "+1234567890123456", "Ali"] {
            XCTAssertNil(SearchNormalizer.normalizePhone(input), input)
        }
    }

    func testPhoneQueryDigitsDetectsPhoneFragments() {
        XCTAssertEqual(SearchNormalizer.phoneQueryDigits("4567"), "4567")
        XCTAssertEqual(SearchNormalizer.phoneQueryDigits("90 123"), "90123")
        XCTAssertEqual(SearchNormalizer.phoneQueryDigits("+998 90"), "99890")
        XCTAssertEqual(SearchNormalizer.phoneQueryDigits("90 123 45 67"), "998901234567")
        XCTAssertEqual(SearchNormalizer.phoneQueryDigits("8 (90) 123-45-67"), "998901234567")
        XCTAssertNil(SearchNormalizer.phoneQueryDigits("12"))
        XCTAssertNil(SearchNormalizer.phoneQueryDigits("Ali 123"))
        XCTAssertNil(SearchNormalizer.phoneQueryDigits("Karimov"))
    }

    // MARK: - Index

    func testCyrillicQueryFindsLatinName() {
        let index = PatientSearchIndex()
        let shoxrux = doc("Karimov", "Shoxrux")
        let yoqubov = doc("Yoqubov", "Jasur")
        index.replaceAll([shoxrux, yoqubov, doc("Tursunov", "Bobur")])
        XCTAssertEqual(ids(index, "Шохрух"), [shoxrux.id])
        XCTAssertEqual(ids(index, "ЁҚУБОВ"), [yoqubov.id])
        XCTAssertEqual(ids(index, "Жасур Ёқубов"), [yoqubov.id])
    }

    func testLatinQueryFindsCyrillicName() {
        let index = PatientSearchIndex()
        let hasanov = doc("Ҳасанов", "Ғайрат")
        let yulduz = doc("Шарипова", "Юлдуз")
        let ivanov = doc("Иванов", "Пётр")
        index.replaceAll([hasanov, yulduz, ivanov])
        XCTAssertEqual(ids(index, "Hasanov"), [hasanov.id])
        XCTAssertEqual(ids(index, "g'ayrat"), [hasanov.id])
        XCTAssertEqual(ids(index, "Khasanov"), [hasanov.id])
        XCTAssertEqual(ids(index, "yulduz sharip"), [yulduz.id])
        XCTAssertEqual(ids(index, "Ivanov Pyotr"), [ivanov.id])
    }

    func testApostropheVariantsMatch() {
        let index = PatientSearchIndex()
        let ogiloy = doc("Oʻgʻilova", "Dilnoza")
        index.replaceAll([ogiloy, doc("Olimova", "Gulnora")])
        for query in ["O'g'ilova", "Oʻgʻilova", "O‘g‘ilova", "O`g`ilova", "Ogilova", "Ўғилова", "ogil"] {
            XCTAssertEqual(ids(index, query), [ogiloy.id], query)
        }
    }

    func testPrefixRanksBeforeSubstring() {
        let index = PatientSearchIndex()
        let substring = doc("Abdukarimov", "Aziz")        // "karim" inside a word
        let firstNamePrefix = doc("Aliyev", "Karima")     // prefix of the first name
        let lastNamePrefix = doc("Karimova", "Zarina")    // prefix of the last name
        let lastNamePrefix2 = doc("Karimov", "Bobur")
        index.replaceAll([substring, firstNamePrefix, lastNamePrefix, lastNamePrefix2])
        XCTAssertEqual(ids(index, "karim"),
                       [lastNamePrefix2.id, lastNamePrefix.id, firstNamePrefix.id, substring.id])
        // Every word must match; a substring word demotes the whole match.
        XCTAssertEqual(ids(index, "karim zar"), [lastNamePrefix.id])
        XCTAssertEqual(ids(index, "arim"), [substring.id, firstNamePrefix.id, lastNamePrefix2.id, lastNamePrefix.id])
    }

    func testOtherOwnersPatientsAreInvisible() {
        let index = PatientSearchIndex()
        let mine = doc("Karimov", "Alisher", phone: "+998901234567")
        let theirs = doc("Karimov", "Alisher", phone: "+998901234567", owner: otherOwner)
        index.replaceAll([mine, theirs])
        XCTAssertEqual(ids(index, "karimov"), [mine.id])
        XCTAssertEqual(ids(index, nil), [mine.id])
        XCTAssertEqual(ids(index, "901234567"), [mine.id])
        XCTAssertEqual(ids(index, "karimov", owner: otherOwner), [theirs.id])
        XCTAssertEqual(index.search(ownerID: UUID(), query: nil, limit: 10, offset: 0),
                       PatientSearchIndex.SearchPage(total: 0, ids: []))
    }

    func testPhoneLookupByFullNumberLocalFormAndFragment() {
        let index = PatientSearchIndex()
        let a = doc("Aliyev", "Bobur", phone: "+998901234567")
        let b = doc("Karimov", "Aziz", phone: "8 (91) 234-56-78")     // stored in old trunk form
        let c = doc("Tursunov", "Umid", phone: "998 90 123 45 00")
        let noPhone = doc("Nazarov", "Sardor")
        index.replaceAll([a, b, c, noPhone])
        XCTAssertEqual(ids(index, "+998 90 123 45 67"), [a.id])
        XCTAssertEqual(ids(index, "90 123-45-67"), [a.id])
        XCTAssertEqual(ids(index, "8 (90) 123 45 67"), [a.id])
        XCTAssertEqual(ids(index, "912345678"), [b.id])
        XCTAssertEqual(ids(index, "4567"), [a.id, b.id])       // 99890123[4567], 998912[3]4567[8]
        XCTAssertEqual(ids(index, "90 123"), [a.id, c.id])   // ordered by name
        XCTAssertEqual(ids(index, "234"), [a.id, b.id, c.id])
        XCTAssertEqual(ids(index, "777"), [])
        // An exact full-number match ranks before fragment matches.
        let exact = doc("Zokirov", "Jasur", phone: "+998 90 123")   // invalid, indexed as raw digits
        index.upsert(exact)
        XCTAssertEqual(ids(index, "+99890123"), [exact.id, a.id, c.id])
        // Digits inside a name query are matched against the phone.
        XCTAssertEqual(ids(index, "aliyev 4567"), [a.id])
        XCTAssertEqual(ids(index, "aliyev 9999"), [])
    }

    func testRemoveAndUpsertKeepIndexInStep() {
        let index = PatientSearchIndex()
        var a = doc("Karimov", "Alisher")
        let b = doc("Karimova", "Malika")
        index.replaceAll([a, b])
        XCTAssertEqual(index.count, 2)

        a.lastName = "Rahimov"
        index.upsert(a)
        XCTAssertEqual(index.count, 2)
        XCTAssertEqual(ids(index, "karimov"), [b.id])
        XCTAssertEqual(ids(index, "rahimov"), [a.id])

        index.remove(id: b.id)
        XCTAssertEqual(index.count, 1)
        XCTAssertEqual(ids(index, "karimov"), [])
        XCTAssertEqual(ids(index, nil), [a.id])
        index.remove(id: b.id)   // removing twice is harmless
        XCTAssertEqual(index.count, 1)

        // Moving a patient to another owner.
        a.ownerID = otherOwner
        index.upsert(a)
        XCTAssertEqual(ids(index, nil), [])
        XCTAssertEqual(ids(index, "rahimov", owner: otherOwner), [a.id])

        // Many writes (forcing internal compaction) keep results exact.
        var expected: [UUID: String] = [:]
        var docs: [PatientSearchIndex.SearchDocument] = []
        for i in 0..<3000 {
            let d = doc("Name\(i % 41)", "First\(i)")
            docs.append(d)
            index.upsert(d)
            expected[d.id] = d.lastName
        }
        for (i, d) in docs.enumerated() where i % 3 == 0 {
            index.remove(id: d.id)
            expected[d.id] = nil
        }
        for (i, var d) in docs.enumerated() where i % 3 == 1 {
            d.lastName = "Renamed"
            index.upsert(d)
            expected[d.id] = "Renamed"
        }
        XCTAssertEqual(index.count, expected.count + 1)
        let all = index.search(ownerID: owner, query: nil, limit: .max, offset: 0)
        XCTAssertEqual(all.total, expected.count)
        XCTAssertEqual(Set(all.ids), Set(expected.keys))
        XCTAssertEqual(index.search(ownerID: owner, query: "renamed", limit: 1, offset: 0).total, 1000)
        XCTAssertEqual(index.search(ownerID: owner, query: "first", limit: 1, offset: 0).total, 2000)
        XCTAssertEqual(index.search(ownerID: owner, query: "name3", limit: .max, offset: 0).total,
                       expected.values.filter { $0.hasPrefix("Name3") }.count)
    }

    func testPaginationIsStableAndTotalIsCorrect() {
        let index = PatientSearchIndex()
        var docs: [PatientSearchIndex.SearchDocument] = []
        for i in 0..<250 { docs.append(doc(i % 2 == 0 ? "Karimov" : "Abdukarimov", "Name\(i % 17)")) }
        index.replaceAll(docs)
        // Some later writes land in the unsorted tail; pages must still merge correctly.
        for i in 0..<30 { index.upsert(doc("Karimova", "Tail\(i)")) }

        let full = index.search(ownerID: owner, query: "karim", limit: 1000, offset: 0)
        XCTAssertEqual(full.total, 280)
        XCTAssertEqual(Set(full.ids).count, 280)
        var paged: [UUID] = []
        var offset = 0
        while true {
            let page = index.search(ownerID: owner, query: "karim", limit: 9, offset: offset)
            XCTAssertEqual(page.total, 280)
            if page.ids.isEmpty { break }
            XCTAssertLessThanOrEqual(page.ids.count, 9)
            paged += page.ids
            offset += 9
        }
        XCTAssertEqual(paged, full.ids)
        XCTAssertEqual(index.search(ownerID: owner, query: "karim", limit: 1000, offset: 0), full)
        XCTAssertEqual(index.search(ownerID: owner, query: "karim", limit: 0, offset: 0).ids, [])
        XCTAssertEqual(index.search(ownerID: owner, query: "karim", limit: 10, offset: 10_000).ids, [])
        XCTAssertEqual(index.search(ownerID: owner, query: "karim", limit: 10, offset: 10_000).total, 280)
    }

    func testEmptyQueryListsAllOfOwnerSortedByName() {
        let index = PatientSearchIndex()
        let d1 = doc("Шохрухов", "Алишер")        // sorts as "shoxruxov"
        let d2 = doc("Karimov", "Shoxrux")
        let d3 = doc("Abdullayev", "Bobur", "Karimovich")
        let d4 = doc("Abdullayev", "Bobur", "Alisherovich")
        let d5 = doc("abdullayev", "Aziz")
        index.replaceAll([d1, d2, d3, d4, d5, doc("Aaron", "X", owner: otherOwner)])
        let late = doc("Mirzayev", "Otabek")
        index.upsert(late)
        let expected = [d5.id, d4.id, d3.id, d2.id, late.id, d1.id]
        XCTAssertEqual(ids(index, nil), expected)
        XCTAssertEqual(ids(index, ""), expected)
        XCTAssertEqual(ids(index, "   "), expected)
        XCTAssertEqual(index.search(ownerID: owner, query: nil, limit: 2, offset: 4).ids, [late.id, d1.id])
        XCTAssertEqual(index.search(ownerID: owner, query: nil, limit: 2, offset: 4).total, 6)
    }

    func testReplaceAllReplacesEverythingAndLastDuplicateWins() {
        let index = PatientSearchIndex()
        index.replaceAll([doc("Old", "Patient")])
        var a = doc("Alpha", "One")
        let first = a
        a.lastName = "Gamma"
        index.replaceAll([first, doc("Beta", "Two"), a])
        XCTAssertEqual(index.count, 2)
        XCTAssertEqual(ids(index, "old"), [])
        XCTAssertEqual(ids(index, "alpha"), [])
        XCTAssertEqual(ids(index, "gamma"), [a.id])
        XCTAssertGreaterThan(index.approximateMemoryBytes, 0)
        index.replaceAll([])
        XCTAssertEqual(index.count, 0)
        XCTAssertEqual(ids(index, nil), [])
    }

    func testConcurrentSearchesAndWritesAreSafe() async {
        let index = PatientSearchIndex()
        let owner = self.owner
        var docs: [PatientSearchIndex.SearchDocument] = []
        for i in 0..<2000 { docs.append(doc("Karimov\(i % 13)", "Ali\(i)", phone: "+99890\(1_000_000 + i)")) }
        index.replaceAll(docs)
        let seed = docs
        await withTaskGroup(of: Void.self) { group in
            group.addTask {
                for i in 0..<1000 {
                    var d = seed[i]
                    d.firstName = "Changed\(i)"
                    index.upsert(d)
                    if i % 4 == 0 { index.remove(id: seed[1000 + i].id) }
                }
            }
            for _ in 0..<4 {
                group.addTask {
                    for i in 0..<200 {
                        let page = index.search(ownerID: owner, query: ["kar", "ali", "9010", nil][i % 4], limit: 20, offset: 0)
                        XCTAssertLessThanOrEqual(page.ids.count, 20)
                    }
                }
            }
        }
        XCTAssertEqual(index.count, 2000 - 250)
        XCTAssertEqual(index.search(ownerID: owner, query: "changed", limit: 1, offset: 0).total, 1000)
    }

    func testSearchOverManyDocumentsMatchesABruteForceScan() {
        let index = PatientSearchIndex()
        let lasts = ["Karimov", "Aliyev", "Шохрухов", "Qodirov", "Ҳасанов", "Абдуллаев", "Rahimova", "Yusupov"]
        let firsts = ["Alisher", "Shoxrux", "Dilnoza", "Ғайрат", "Jasur", "Юлдуз", "Oʻgʻiloy", "Sardor"]
        var docs: [PatientSearchIndex.SearchDocument] = []
        for i in 0..<20_000 {
            docs.append(doc(lasts[i % 8] + "\(i % 101)", firsts[(i / 8) % 8], phone: "+99890\(1_000_000 + i)"))
        }
        index.replaceAll(docs)
        XCTAssertEqual(index.search(ownerID: owner, query: "karimov", limit: 10, offset: 0).total, 2500)
        // Reference model: every folded query word is a substring of the folded full name.
        for q in ["kar", "шох", "ogil", "alisher karimov", "imov", "hasanov"] {
            let words = SearchNormalizer.fold(q).split(separator: " ").map(String.init)
            let expected = docs.filter { d in
                let name = SearchNormalizer.fold("\(d.lastName) \(d.firstName) \(d.middleName ?? "")")
                return words.allSatisfy { name.contains($0) }
            }.count
            XCTAssertGreaterThan(expected, 0, q)
            XCTAssertEqual(index.search(ownerID: owner, query: q, limit: 50, offset: 0).total, expected, q)
        }
        XCTAssertEqual(index.search(ownerID: owner, query: nil, limit: 50, offset: 0).total, 20_000)
    }
}
