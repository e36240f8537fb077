import Foundation
import MedoraTestSupport
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
        XCTAssertEqual(index.search(ownerID: owner, query: nil, limit: 50, offset: 0).total, 20_000)

        // Exact ids, order and ranks against the reference implementation.
        let reference = ReferenceSearch(docs)
        let queries = ["kar", "шох", "ogil", "hasanov", "alisher karimov", "imov", "karimov1", "ov", "sar al", "юлдуз 2",
                       "Абдулла", "Nurillo", "Ibragimov", "Шахрух", "Юсупов", "Юлдуз Ибрагимова", "kor",
                       "90100", "+998 90 101 00 07", "karimov 1234"]
        for q in queries {
            assertSameResults(index, reference, q, owner: owner)
        }
    }

    func testIndexedSearchMatchesReferenceBeforeAndAfterRandomWrites() {
        var rng = SplitMix(seed: 20_240_601)
        let owners = [owner, otherOwner, UUID()]
        let lasts = ["Karimov", "Karimova", "Abdukarimov", "Aliyev", "Алиева", "Шохрухов", "Qodirov", "Қодирова",
                     "Ҳасанов", "Hasanova", "Абдуллаев", "Rahimova", "Yusupov", "Юсупова", "Yo'ldoshev",
                     "Ўринбоев", "Tsoy", "Ким", "Иванов", "Петрова", "Mirzayev", "Nazarov", "Oʻgʻilova",
                     "Xolmatov", "Abdulla o'g'li", "Ismoilova", "Tursunov", "Sultonova", "Kar", "Ka",
                     "Ибрагимов", "Ibrohimova", "Nuriddinov", "Нуритдинова", "Toshmatov", "Ташматова"]
        let firsts = ["Alisher", "Shoxrux", "Шохрух", "Dilnoza", "Ғайрат", "Jasur", "Жасур", "Юлдуз", "Yulduz",
                      "Oʻgʻiloy", "Sardor", "Bobur", "Madina", "Малика", "Jamshid", "Gulnora", "Sergey",
                      "Елена", "Otabek", "Zarina", "Umid", "Aziz", "Karima", "Ali", "Al", "Li", "Muhammad",
                      "Гулям", "Gʻulom", "Nurillo", "Нурулла", "Алим", "Olim", "Alim"]
        let middles: [String?] = [nil, nil, "Karimovich", "Ботировна", "Alisherovich", "Rustamovna", "Иванович",
                                  "Shavkatovich", "Akmal o'g'li", "Tohir qizi", "", "A"]
        func phone() -> String? {
            let n = rng.below(1_000_000)
            switch rng.below(10) {
            case 0: return nil
            case 1: return "8 (9\(rng.below(10))) \(100 + n % 900)-\(10 + n % 90)-\(10 + n % 89)"
            case 2: return "9\(rng.below(10)) \(100 + n % 900) \(10 + n % 90) \(10 + n % 89)"
            case 3: return "+7 912 \(100 + n % 900) \(10 + n % 90) \(10 + n % 89)"
            case 4: return "+998 90 \(n % 1000)"   // not a valid number: indexed as raw digits
            case 5: return "\(n % 1000)"            // as above, as short as a phone query
            default: return "+99890\(1_000_000 + n)"
            }
        }
        func randomDoc(id: UUID = UUID(), owner: UUID? = nil) -> PatientSearchIndex.SearchDocument {
            var last = lasts[rng.below(lasts.count)]
            if rng.below(3) == 0 { last += "\(rng.below(40))" }
            return PatientSearchIndex.SearchDocument(
                id: id, ownerID: owner ?? owners[rng.below(8) < 6 ? 0 : 1 + rng.below(2)],
                firstName: firsts[rng.below(firsts.count)], lastName: last,
                middleName: middles[rng.below(middles.count)], phone: phone())
        }
        var docs: [PatientSearchIndex.SearchDocument] = []
        for _ in 0..<3000 { docs.append(randomDoc()) }
        let index = PatientSearchIndex()
        index.replaceAll(docs)
        var reference = ReferenceSearch(docs)

        func folded(_ s: String?) -> [UInt8] { Array(SearchNormalizer.fold(s ?? "").utf8) }
        func piece(_ b: [UInt8], _ length: Int) -> String? {
            guard b.count >= length else { return nil }
            let start = rng.below(b.count - length + 1)
            return String(decoding: b[start..<(start + length)], as: UTF8.self)
        }
        func randomQueries(_ count: Int) -> [String?] {
            var out: [String?] = ["kar", "karim", "Каримов", "ova", "ov", "a", "al", "ali sher", "шох", "oʻgʻil",
                                  "Ибрагимов", "Ibrohim", "Gulyam", "Нурилло", "Nurulla", "Алим", "Olim", "alim kar",
                                  "Rustamovich", "Akmal ugli", "Тахир кизи", "Ташмат", "nuridin", "гул",
                                  "Ka", "xx", "zzz", "1", "12", "123", "4567", "+998 90 1", "90 123 45 67",
                                  "kar 12", "karimov 4", "kar al", "kar kar", "ka ri", "kar ali", "ali kar",
                                  "sho kar", "\(rng.below(1000))", "!!", " ", nil]
            while out.count < count {
                let d = docs[rng.below(docs.count)]
                let name = folded("\(d.lastName) \(d.firstName) \(d.middleName ?? "")")
                let phoneDigits = d.phone.flatMap(SearchNormalizer.normalizePhone).map { Array($0.utf8) } ?? []
                switch rng.below(11) {
                case 9: out.append([piece(folded(d.firstName), 2), piece(folded(d.lastName), 2)]
                    .compactMap { $0 }.joined(separator: " "))
                case 0: out.append(piece(folded(d.lastName), 3))
                case 1: out.append(piece(folded(d.firstName), 4))
                case 2: out.append(piece(name, 1 + rng.below(7)))
                case 3: out.append("\(d.firstName) \(d.lastName)")
                case 4: out.append(piece(phoneDigits, 3 + rng.below(8)) ?? d.phone)
                case 5: out.append([piece(folded(d.lastName), 3), piece(folded(d.firstName), 2)]
                    .compactMap { $0 }.joined(separator: " "))
                case 6: out.append((piece(folded(d.lastName), 4) ?? "x") + " " + (piece(phoneDigits, 4) ?? "1"))
                case 7: out.append(d.phone)
                case 8: out.append([piece(name, 3), piece(name, 3)].compactMap { $0 }.joined(separator: " "))
                default: out.append([piece(name, 3), piece(name, 3), piece(name, 5)].compactMap { $0 }.joined(separator: " "))
                }
            }
            return out
        }
        func checkAll(_ label: String) {
            for q in randomQueries(60) {
                let owner = owners[rng.below(4) == 0 ? 1 + rng.below(2) : 0]
                assertSameResults(index, reference, q, owner: owner, label: label, pageOffset: rng.below(40))
            }
        }
        checkAll("after replaceAll")

        // Random writes: new documents, renames, moves between owners, removals.
        for round in 0..<3 {
            for _ in 0..<400 {
                switch rng.below(5) {
                case 0:
                    let d = randomDoc()
                    docs.append(d)
                    index.upsert(d)
                    reference.upsert(d)
                case 1, 2:
                    let k = rng.below(docs.count)
                    var d = randomDoc(id: docs[k].id, owner: docs[k].ownerID)
                    if rng.below(10) == 0 { d.ownerID = owners[rng.below(3)] }
                    docs[k] = d
                    index.upsert(d)
                    reference.upsert(d)
                default:
                    let id = docs[rng.below(docs.count)].id
                    index.remove(id: id)
                    reference.remove(id)
                }
            }
            XCTAssertEqual(index.count, reference.count)
            checkAll("after write round \(round)")
        }
    }

    /// Compares one query's total and every page of ids with the reference.
    private func assertSameResults(_ index: PatientSearchIndex, _ reference: ReferenceSearch, _ q: String?,
                                   owner: UUID, label: String = "", pageOffset: Int = 0,
                                   file: StaticString = #filePath, line: UInt = #line) {
        let expected = reference.search(ownerID: owner, query: q)
        let context = "\(label) query \(String(describing: q))"
        let full = index.search(ownerID: owner, query: q, limit: .max, offset: 0)
        XCTAssertEqual(full.total, expected.count, context, file: file, line: line)
        XCTAssertEqual(full.ids, expected, context, file: file, line: line)
        for offset in [0, 7, pageOffset, max(0, expected.count - 3)] {
            let page = index.search(ownerID: owner, query: q, limit: 7, offset: offset)
            let want = offset < expected.count ? Array(expected[offset..<min(expected.count, offset + 7)]) : []
            XCTAssertEqual(page.total, expected.count, "\(context) offset \(offset)", file: file, line: line)
            XCTAssertEqual(page.ids, want, "\(context) offset \(offset)", file: file, line: line)
        }
    }
}

/// Straightforward reimplementation of the documented search semantics,
/// scanning every document: the expected answer for `PatientSearchIndex`.
/// It takes the spelling variants of a query from the same functions (tested
/// on their own in `SpellingTests`) and matches each by brute force.
private struct ReferenceSearch {
    private struct Entry {
        var id: UUID
        var owner: UUID
        /// Spelling key of "last first middle" (non-empty parts joined by one space).
        var text: [UInt8]
        /// Length of the last name's key at the start of `text`.
        var lastLen: Int
        /// Sort key: transliterated last 0x00 first 0x00 middle.
        var key: [UInt8]
        var phone: [UInt8]
        var cyrillic: Bool
    }

    private struct Variant {
        var words: [[UInt8]]
        var floor: Int
        var raw: [[UInt8]] = []
        var cyrillic = false
    }

    private var entries: [UUID: Entry] = [:]

    var count: Int { entries.count }

    init(_ docs: [PatientSearchIndex.SearchDocument]) {
        for d in docs { upsert(d) }
    }

    mutating func upsert(_ d: PatientSearchIndex.SearchDocument) {
        let names = [d.lastName, d.firstName, d.middleName ?? ""]
        let parts = names.map(SearchNormalizer.indexKey)
        var key: [UInt8] = []
        for (k, part) in names.enumerated() {
            if k > 0 { key.append(0) }
            var raw: [UInt8] = []
            SearchNormalizer.transliterate(part, into: &raw)
            key += raw
        }
        var phone: [UInt8] = []
        if let p = d.phone {
            phone = SearchNormalizer.normalizePhone(p).map { Array($0.utf8) } ?? p.utf8.filter { $0 >= 0x30 && $0 <= 0x39 }
        }
        entries[d.id] = Entry(
            id: d.id, owner: d.ownerID,
            text: Array(parts.filter { !$0.isEmpty }.joined(separator: " ").utf8),
            lastLen: parts[0].utf8.count, key: key, phone: phone,
            cyrillic: names.contains { $0.unicodeScalars.contains { $0.value >= 0x400 && $0.value <= 0x52F } })
    }

    mutating func remove(_ id: UUID) {
        entries[id] = nil
    }

    private static func words(_ b: [UInt8]) -> [[UInt8]] {
        b.split(separator: 0x20).map { Array($0) }
    }

    private static func variants(_ text: String) -> [Variant] {
        var raw: [UInt8] = []
        SearchNormalizer.transliterate(text, into: &raw)
        var key: [UInt8] = [], scratch: [UInt8] = []
        SearchNormalizer.key(raw, into: &key, scratch: &scratch, patronymics: .keep)
        var out = [Variant(words: words(key), floor: 0, raw: words(raw),
                           cyrillic: text.unicodeScalars.contains { $0.value >= 0x400 && $0.value <= 0x52F })]
        if out[0].words.isEmpty { return [] }
        let joined = Array(SearchNormalizer.key(text).utf8)
        if joined != key { out.append(Variant(words: words(joined), floor: 1)) }
        for v in SearchNormalizer.vowelSwapVariants(raw, limit: 3) {
            var k: [UInt8] = []
            SearchNormalizer.key(v, into: &k, scratch: &scratch, patronymics: .keep)
            if k != key { out.append(Variant(words: words(k), floor: 2)) }
        }
        for a in SearchAliases.variants(of: key, limit: 3) { out.append(Variant(words: words(a), floor: 3)) }
        return out
    }

    /// All matching ids of `ownerID`, best first.
    func search(ownerID: UUID, query: String?) -> [UUID] {
        var ranked: [(rank: Int, entry: Entry)] = []
        let text = query ?? ""
        let digits = SearchNormalizer.phoneQueryDigits(text).map { Array($0.utf8) }
        let variants = digits == nil ? Self.variants(text) : []
        let listAll = digits == nil && variants.isEmpty   // also for nil / blank queries
        for e in entries.values where e.owner == ownerID {
            if listAll {
                ranked.append((0, e))
            } else if let digits {
                if Self.contains(e.phone, digits) { ranked.append((e.phone == digits ? 0 : 1, e)) }
            } else if let rank = variants.compactMap({ Self.nameRank(e, $0) }).min() {
                ranked.append((rank, e))
            }
        }
        ranked.sort { a, b in
            if a.rank != b.rank { return a.rank < b.rank }
            if a.entry.key != b.entry.key { return a.entry.key.lexicographicallyPrecedes(b.entry.key) }
            return withUnsafeBytes(of: a.entry.id.uuid) { x in
                withUnsafeBytes(of: b.entry.id.uuid) { y in x.lexicographicallyPrecedes(y) }
            }
        }
        return ranked.map(\.entry.id)
    }

    /// tier × 3 + class. Class 0: all words are word prefixes and the first
    /// one starts a word of the last name; 1: all words are word prefixes;
    /// 2: some word only occurs inside a word. Tier 0: every word occurs with
    /// the same bytes, and the transliterated query words occur in the
    /// transliterated name written in the query's script; 1: every word
    /// occurs with the same bytes; 2: some word only with vowels matching
    /// loosely; never below the variant's floor. nil: some word does not
    /// occur. Words made of digits may occur in the phone instead.
    private static func nameRank(_ e: Entry, _ v: Variant) -> Int? {
        var strict = true
        var strictSub = false, strictFirst = false, looseSub = false, looseFirst = false
        for (k, w) in v.words.enumerated() {
            if w.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), contains(e.phone, w) { continue }
            var bestStrict = 0, bestLoose = 0
            let n = e.text.count, m = w.count
            if m <= n {
                for i in 0...(n - m) {
                    var same = true, loose = true
                    for j in 0..<m {
                        if w[j] != e.text[i + j] { same = false }
                        if !SearchNormalizer.matches(w[j], e.text[i + j]) { loose = false }
                    }
                    let atWordStart = i == 0 || e.text[i - 1] == 0x20
                    // Other spellings count only at a word start.
                    guard same || (loose && atWordStart) else { continue }
                    let cls = atWordStart ? (i < e.lastLen ? 3 : 2) : 1
                    bestLoose = max(bestLoose, cls)
                    if same { bestStrict = max(bestStrict, cls) }
                }
            }
            if bestLoose == 0 { return nil }
            if bestStrict == 0 { strict = false }
            if bestStrict == 1 { strictSub = true }
            if bestLoose == 1 { looseSub = true }
            if k == 0 && bestStrict == 3 { strictFirst = true }
            if k == 0 && bestLoose == 3 { looseFirst = true }
        }
        if strict {
            let exact = v.floor == 0 && v.cyrillic == e.cyrillic && v.raw.allSatisfy { contains(e.key, $0) }
            return max(v.floor, exact ? 0 : 1) * 3 + (strictSub ? 2 : (strictFirst ? 0 : 1))
        }
        return max(v.floor, 2) * 3 + (looseSub ? 2 : (looseFirst ? 0 : 1))
    }

    private static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        let n = haystack.count, m = needle.count
        if m == 0 || m > n { return false }
        for i in 0...(n - m) where Array(haystack[i..<(i + m)]) == needle { return true }
        return false
    }
}
