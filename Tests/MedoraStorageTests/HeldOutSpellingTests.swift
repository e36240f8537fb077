import Foundation
import XCTest
@testable import MedoraStorage

/// The held-out set: real-world spellings of common Uzbek names
/// (`Tests/Spellings/name-spellings.tsv`, written apart from the matching
/// rules) must find their record, and the distinct names of
/// `Tests/Spellings/distinct-names.tsv` must stay apart.
final class HeldOutSpellingTests: XCTestCase {

    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Spellings")

    private struct Spelling {
        var field: String
        var registered: String
        var variant: String
        var kind: String
    }

    private static func rows(_ name: String) throws -> [[String]] {
        let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
        return text.split(separator: "\n").filter { !$0.hasPrefix("#") && !$0.allSatisfy(\.isWhitespace) }
            .map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
            .filter { $0.first != "field" && $0.first != "name_a" } // header rows
    }

    private static func spellings() throws -> [Spelling] {
        try rows("name-spellings.tsv").compactMap { r in
            r.count >= 4 ? Spelling(field: r[0], registered: r[1], variant: r[2], kind: r[3]) : nil
        }
    }

    func testHeldOutSpellingsFindTheirRecord() throws {
        let owner = UUID()
        let spellings = try Self.spellings()
        XCTAssertGreaterThan(spellings.count, 800)
        // One record per registered name, all in one practice.
        var records: [String: SearchDocument] = [:]
        for s in spellings where records["\(s.field)|\(s.registered)"] == nil {
            let id = UUID()
            let d: SearchDocument
            switch s.field {
            case "last": d = SearchDocument(id: id, ownerID: owner, firstName: "Test", lastName: s.registered, middleName: nil, phone: nil)
            case "middle": d = SearchDocument(id: id, ownerID: owner, firstName: "Test", lastName: "Bemor", middleName: s.registered, phone: nil)
            default: d = SearchDocument(id: id, ownerID: owner, firstName: s.registered, lastName: "Bemor", middleName: nil, phone: nil)
            }
            records["\(s.field)|\(s.registered)"] = d
        }
        let index = PatientSearchIndex()
        index.replaceAll(Array(records.values))

        var onFirstPage = 0, anywhere = 0, before = 0, others = 0
        var misses: [String: [String]] = [:]
        for s in spellings {
            let target = records["\(s.field)|\(s.registered)"]!.id
            let page = index.search(ownerID: owner, query: s.variant, limit: 20, offset: 0)
            let all = index.search(ownerID: owner, query: s.variant, limit: .max, offset: 0)
            if page.ids.contains(target) { onFirstPage += 1 } else { misses[s.kind, default: []].append("\(s.registered)/\(s.variant)") }
            if all.ids.contains(target) { anywhere += 1 }
            others += all.ids.filter { $0 != target }.count
            // What the script folding alone found (before the spelling key).
            let words = SearchNormalizer.fold(s.variant).split(separator: " ")
            let name = SearchNormalizer.fold(s.registered)
            if !words.isEmpty && words.allSatisfy({ name.contains($0) }) { before += 1 }
        }
        let n = Double(spellings.count)
        let share = Double(onFirstPage) / n
        print("held-out spellings: \(spellings.count), of \(records.count) names; found on the first page \(onFirstPage) "
              + "(\(String(format: "%.1f", share * 100)) %), anywhere \(anywhere), by script folding alone \(before) "
              + "(\(String(format: "%.1f", Double(before) / n * 100)) %); other records per search "
              + String(format: "%.2f", Double(others) / n))
        for (kind, list) in misses.sorted(by: { $0.key < $1.key }) {
            print("  missed \(kind) (\(list.count)): \(list.prefix(40).joined(separator: ", "))")
        }
        XCTAssertGreaterThanOrEqual(share, 0.90)
    }

    func testDistinctNamesOfTheHeldOutSetStayApart() throws {
        let owner = UUID()
        let pairs = try Self.rows("distinct-names.tsv").filter { $0.count >= 2 }
        XCTAssertGreaterThan(pairs.count, 20)
        var merged: [String] = []
        for p in pairs {
            let a = SearchDocument(id: UUID(), ownerID: owner, firstName: p[0], lastName: "Bemor", middleName: nil, phone: nil)
            let b = SearchDocument(id: UUID(), ownerID: owner, firstName: p[1], lastName: "Bemor", middleName: nil, phone: nil)
            let index = PatientSearchIndex()
            index.replaceAll([a, b])
            let fromA = index.search(ownerID: owner, query: p[0], limit: 10, offset: 0).ids
            let fromB = index.search(ownerID: owner, query: p[1], limit: 10, offset: 0).ids
            if fromA.contains(b.id) || fromB.contains(a.id) { merged.append("\(p[0])/\(p[1])") }
        }
        print("distinct pairs: \(pairs.count), kept apart \(pairs.count - merged.count); merged: \(merged)")
        XCTAssertEqual(merged, [])
    }
}
