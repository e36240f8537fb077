import Foundation

/// Names whose Russian form is not a re-spelling the key rules can reach:
/// the Russian tradition renders some Arabic and Persian sounds its own way
/// (ح / ه as г: Ibrohim → Ибрагим; a softened л before я / ю: Gʻulom → Гулям;
/// ع as г: Neʼmat → Нигмат; Arabic a as е: Sulaymon → Сулейман, Ahmad →
/// Ахмед). A search word that begins with one side's stem is also searched
/// with the other's, ranked after every other kind of match; surnames and
/// patronymics built on the stem (Ibrohimov / Ибрагимов) follow.
///
/// Sources: the Uzbek forms follow the official Uzbek Latin spelling of the
/// names (as in E. Begmatov's dictionary of Uzbek names, "Oʻzbek ismlari
/// maʼnosi"); the Russian forms are the ones Soviet-era documents and
/// Russian passports carry for the same people (the Russian spelling of the
/// Arabic name, e.g. Ибрагим, Сулейман, Хадиджа, as in Russian encyclopaedias),
/// checked against each other in `Tests/MedoraStorageTests/SpellingTests`.
enum SearchAliases {
    /// (Uzbek form, Russian forms of the same name).
    static let table: [(uzbek: String, russian: [String])] = [
        ("Ibrohim", ["Ибрагим"]),
        ("Gʻulom", ["Гулям"]),
        ("Neʼmat", ["Нигмат", "Негмат"]),
        ("Sulaymon", ["Сулейман"]),
        ("Ahmad", ["Ахмед", "Ахмет"]),
        ("Muhammad", ["Мухаммед", "Магомед", "Магомет", "Мамед"]),
        ("Xadicha", ["Хадиджа"]),
        ("Mavluda", ["Мавлюда"]),
        ("Lutfulla", ["Лютфулла"]),
        ("Zaynab", ["Зейнаб"]),
        ("Feruza", ["Фируза"]),
        ("Temur", ["Тимур"]),
        ("Husayn", ["Хусейн", "Гусейн"]),
        ("Hasan", ["Гасан"]),
        ("Nilufar", ["Нилюфар"]),
        ("Eshon", ["Ишан"]),
        ("Iskandar", ["Искендер"]),
        ("Fotima", ["Фатьма"]),
        ("Latofat", ["Лятафат"]),
        ("Laylo", ["Лейла"]),
    ]

    /// Each direction of every entry as (stem key, replacement key).
    static let stems: [(from: [UInt8], to: [UInt8])] = {
        var out: [(from: [UInt8], to: [UInt8])] = []
        for (uzbek, russian) in table {
            let u = Array(SearchNormalizer.key(uzbek).utf8)
            for r in russian {
                let k = Array(SearchNormalizer.key(r).utf8)
                if k == u { continue }
                out.append((u, k))
                out.append((k, u))
            }
        }
        return out
    }()

    /// Alias variants of a query key: for each word that begins with a stem
    /// (vowels compared as in the key), the query with the stem replaced.
    /// At most `limit`.
    static func variants(of key: [UInt8], limit: Int) -> [[UInt8]] {
        var out: [[UInt8]] = []
        for word in SearchNormalizer.words(key) {
            let start = word.lowerBound
            for (from, to) in stems where from.count <= word.count && out.count < limit {
                var same = true
                for j in 0..<from.count where !SearchNormalizer.matches(key[start + j], from[j]) {
                    same = false
                    break
                }
                if !same { continue }
                var v = key
                v.replaceSubrange(start..<(start + from.count), with: to)
                if !out.contains(v) { out.append(v) }
            }
        }
        return out
    }
}
