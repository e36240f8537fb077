import Foundation

/// The tests and panels compiled into the binary (`LabCatalogue+Data.swift`), looked up by LOINC
/// code, by key, or by any name or abbreviation a lab prints, in any of the three languages and
/// either script.
public enum LabCatalogue {
    public static var tests: [LabTest] { allTests }
    public static var panels: [LabPanel] { allPanels }

    private static let byCode: [String: LabTest] = Dictionary(allTests.map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a })
    private static let byKey: [String: LabTest] = Dictionary(allTests.map { ($0.key, $0) }, uniquingKeysWith: { a, _ in a })
    /// Every name, key, code and alias, folded, to its tests (a few names stand for two tests that
    /// differ by unit, e.g. neutrophils in % and in ×10⁹/L).
    private static let byName: [String: [LabTest]] = {
        var map: [String: [LabTest]] = [:]
        for test in allTests {
            for name in Set([test.code, test.key, test.name.en, test.name.uz, test.name.ru] + test.aliases) {
                let folded = fold(name)
                if !folded.isEmpty, !(map[folded] ?? []).contains(where: { $0.code == test.code }) { map[folded, default: []].append(test) }
            }
        }
        return map
    }()

    public static func test(code: String) -> LabTest? { byCode[code] }
    public static func test(key: String) -> LabTest? { byKey[key] }
    public static func panel(id: String) -> LabPanel? { allPanels.first { $0.id == id } }

    /// The test a lab's printed name, abbreviation, key or code stands for, or nil. When a name
    /// stands for two tests, the printed unit picks the one measured in it.
    public static func match(_ printed: String, unit: String? = nil) -> LabTest? {
        let trimmed = printed.trimmingCharacters(in: .whitespaces)
        if let t = byCode[trimmed] ?? byKey[trimmed.uppercased()] { return t }
        let folded = fold(trimmed)
        guard let candidates = byName[folded] else { return nil }
        guard let unit, !candidates.contains(where: { Self.unit(unit, of: $0) != nil }) else {
            return candidates.first { Self.unit(unit ?? "", of: $0) != nil } ?? candidates.first
        }
        // "Нейтрофилы" printed in ×10⁹/L: the test named so in that unit ("Нейтрофилы, абс.").
        let sibling = byName.filter { name, tests in name.hasPrefix(folded) && tests.contains { Self.unit(unit, of: $0) != nil } }
            .min { ($0.key.count, $0.key) < ($1.key.count, $1.key) }?.value.first { Self.unit(unit, of: $0) != nil }
        return sibling ?? candidates.first
    }

    /// The tests a folded name stands for (for the catalogue's own checks).
    static func candidates(_ folded: String) -> [LabTest] { byName[folded] ?? [] }

    /// Lower case, Cyrillic spelled in Latin letters (Russian and Uzbek), and only letters, digits,
    /// `#` and `%` kept: "Гемоглобин" and "Gemoglobin", "ТТГ" and "TTG", "NEUT#" and "neut #" compare
    /// equal; doubled letters stay (so "PTT" is not "PT").
    static func fold(_ s: String) -> String {
        var out = ""
        for c in s.lowercased() {
            if let latin = cyrillic[c] { out += latin } else if c.isLetter || c.isNumber || c == "#" || c == "%" { out.append(c) }
        }
        return out
    }

    private static let cyrillic: [Character: String] = [
        "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "j", "з": "z", "и": "i", "й": "y", "к": "k",
        "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "x", "ц": "ts",
        "ч": "ch", "ш": "sh", "щ": "sh", "ъ": "", "ы": "i", "ь": "", "э": "e", "ю": "yu", "я": "ya", "ў": "o", "қ": "q", "ғ": "g",
        "ҳ": "h",
    ]

    /// The unit of `test` written as `ucum` (or its display form), or nil.
    public static func unit(_ ucum: String, of test: LabTest) -> LabUnit? {
        test.units.first { $0.ucum == ucum } ?? test.units.first { $0.display == ucum }
            ?? test.units.first { $0.ucum.lowercased() == ucum.lowercased() || $0.display.lowercased() == ucum.lowercased() }
    }
}
