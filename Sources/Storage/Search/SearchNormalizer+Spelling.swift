import Foundation

/// The spelling key: how the Russian re-spelling and the passport Latin of an
/// Uzbek name meet its Uzbek form.
///
/// The key of a name is its skeleton (`fold`, which already folds the
/// scripts, apostrophes, x/h/kh, q/k, gʻ/gh/g, j/zh/dj/dzh, y/i, doubled
/// letters and the Turkish-style draft letters) with these rewrites:
/// - `f` and `ph` → `p` (Yusufov / Юсупов, Sharifov / Шарипов);
/// - `tc` → `ts` (the passport TC for ц) and `td` → `d` (Nuritdinov → nuridinov);
/// - a final `x` after `lo`/`la` is dropped (Abdulloh / Абдуллах / Abdulla);
/// - patronymics: "Rustam oʻgʻli" / "Rustam угли" / "Rustam ogly" join into
///   `rustamovich`, "Rustam qizi" / "кызы" into `rustamovna` (after a vowel
///   and after ш, ч, ж, ц: `-evich`, `-evna`: "Ali oʻgʻli" = Алиевич, "Ergash
///   oʻgʻli" = Эргашевич), so they meet the Russian form; a stored name keeps
///   the words too, a query is searched both ways (see `Patronymics`).
///
/// Vowels are not rewritten; they are compared by `vowelClass`: Uzbek `o`
/// (which is also `oʻ`, `ў` and `yo` once the apostrophe is gone) matches
/// Russian `а` (Toshmatov / Ташматов, -jon / -джан, -boy / -бай, Doniyor /
/// Данияр) and `у` (Yoʻldoshev / Юлдашев), while `a` and `u` stay apart
/// (Hasan ≠ Husan, Zuhra ≠ Zahro) and `i` stays apart from all three
/// (Komil ≠ Kamol); such a loose match counts only at the start of a word
/// (`PatientSearchIndex.Segment.findLoose`). The endings -illo / -ulla and
/// -iddin / -utdin, where Russian writes `у` for Uzbek `i` and back, are
/// matched by query variants (`vowelSwapVariants`).
extension SearchNormalizer {

    /// Spelling key of `s` (see the extension's documentation).
    public static func key(_ s: String) -> String {
        key(s, patronymics: .join)
    }

    /// The key a stored name part is indexed under (patronymics `.both`).
    static func indexKey(_ s: String) -> String {
        key(s, patronymics: .both)
    }

    private static func key(_ s: String, patronymics: Patronymics) -> String {
        var raw: [UInt8] = []
        var out: [UInt8] = []
        var scratch: [UInt8] = []
        transliterate(s, into: &raw)
        key(raw, into: &out, scratch: &scratch, patronymics: patronymics)
        return String(decoding: out, as: UTF8.self)
    }

    /// The words of folded or transliterated bytes `b` from `start` on
    /// (separated by single spaces), as ranges.
    static func words(_ b: [UInt8], from start: Int = 0) -> [Range<Int>] {
        var out: [Range<Int>] = []
        var s = start
        for k in start...b.count where k == b.count || b[k] == 0x20 {
            if k > s { out.append(s..<k) }
            s = k + 1
        }
        return out
    }

    /// How `key` treats the patronymic words ("X oʻgʻli", "X qizi").
    enum Patronymics {
        /// Left as words (a query as typed, so that "Rustam oʻgʻ" still finds "Rustam oʻgʻli").
        case keep
        /// Replaced by the joined form (`Xovich`): the query's variant that meets "Рустамович".
        case join
        /// Kept, with the joined form added after them (a stored name: found either way).
        case both
    }

    /// Appends the key of transliterated `raw` to `out`; `scratch` is reused.
    static func key(_ raw: [UInt8], into out: inout [UInt8], scratch: inout [UInt8],
                    patronymics: Patronymics = .join) {
        scratch.removeAll(keepingCapacity: true)
        rewriteConsonants(raw, into: &scratch)
        let start = out.count
        skeleton(scratch, into: &out)
        mergePatronymics(&out, from: start, patronymics)
    }


    /// Raw-level rewrites: f/ph → p, tc → ts, td → d.
    private static func rewriteConsonants(_ b: [UInt8], into out: inout [UInt8]) {
        let n = b.count
        var i = 0
        while i < n {
            let c = b[i]
            let next: UInt8 = i + 1 < n ? b[i + 1] : 0
            switch c {
            case 0x66: // f
                out.append(0x70)
            case 0x70 where next == 0x68: // ph
                out.append(0x70)
                i += 1
            case 0x74 where next == 0x64: // td → d
                break
            case 0x63 where i > 0 && b[i - 1] == 0x74 && next != 0x68: // tc → ts
                out.append(0x73)
            default:
                out.append(c)
            }
            i += 1
        }
    }

    private static let sonWords: [[UInt8]] = ["ogli", "ugli", "oglu"].map { Array($0.utf8) }
    private static let daughterWords: [[UInt8]] = ["kizi", "gizi"].map { Array($0.utf8) }

    /// Whether `b` from `start` on may hold something `mergePatronymics`
    /// changes (a word ending in `x`, or a son or daughter word).
    private static func mayMerge(_ b: [UInt8], from start: Int) -> Bool {
        var k = start
        while k < b.count {
            let c = b[k]
            let atEnd = k + 1 == b.count || b[k + 1] == 0x20
            if c == 0x78 && atEnd { return true }
            if (c == 0x6C || c == 0x7A) && k + 1 < b.count && b[k + 1] == 0x69 && (k + 2 == b.count || b[k + 2] == 0x20) {
                return true // "...li" / "...zi" ends a word
            }
            if c == 0x75 && atEnd { return true } // "oglu"
            k += 1
        }
        return false
    }

    /// Joins "X ogli" into `Xovich` and "X kizi" into `Xovna` (`-evich`,
    /// `-evna` after a vowel and after ш, ч, ж, ц) as `mode` says, and drops
    /// a final `x` after `lo`/`la`, in the key bytes of `b` from `start` on.
    static func mergePatronymics(_ b: inout [UInt8], from start: Int, _ mode: Patronymics) {
        if !mayMerge(b, from: start) { return }
        let words = words(b, from: start)
        var result: [UInt8] = []
        var changed = false
        var k = 0
        while k < words.count {
            var word = Array(b[words[k]])
            if word.count >= 4, word[word.count - 1] == 0x78, word[word.count - 2] == 0x6F || word[word.count - 2] == 0x61,
               word[word.count - 3] == 0x6C {
                word.removeLast()
                changed = true
            }
            var joined: [UInt8] = []
            if mode != .keep, k + 1 < words.count {
                let following = Array(b[words[k + 1]])
                let son = sonWords.contains(following)
                if son || daughterWords.contains(following) {
                    joined = word + Array(((takesE(word) ? "e" : "o") + (son ? "vich" : "vna")).utf8)
                    changed = true
                    if mode == .join {
                        word = joined
                        joined = []
                        k += 1
                    }
                }
            }
            if !result.isEmpty { result.append(0x20) }
            result += word
            if !joined.isEmpty {
                // `.both`: the words as written, then the joined form.
                result.append(0x20)
                result += Array(b[words[k + 1]])
                result.append(0x20)
                result += joined
                k += 1
            }
            k += 1
        }
        if changed { b.replaceSubrange(start..<b.count, with: result) }
    }

    /// Whether Russian writes `-evich` / `-evna` after this name: after a
    /// vowel (Алиевич) and after ш, ч, ж, ц (Эргашевич).
    private static func takesE(_ word: [UInt8]) -> Bool {
        guard let last = word.last else { return false }
        if "aeiouj".utf8.contains(last) { return true }
        guard word.count >= 2 else { return false }
        let pair = (word[word.count - 2], last)
        return pair == (0x73, 0x68) || pair == (0x63, 0x68) || pair == (0x74, 0x73) // sh ch ts
    }

    // MARK: Vowels

    /// Vowel class bits: two key bytes match when equal or when their
    /// classes share a bit. `a` ~ `o` ~ `u`, but not `a` ~ `u`; `U` and `I`
    /// (only in query variants) match `u` and `i` alone.
    @inline(__always)
    static func vowelClass(_ c: UInt8) -> UInt8 {
        switch c {
        case 0x61: return 1        // a
        case 0x6F: return 1 | 2    // o: a or u
        case 0x75: return 2 | 4    // u
        case 0x55: return 4        // U: only u
        case 0x69, 0x49: return 8  // i, I
        default: return 0
        }
    }

    /// Whether key bytes `q` (query) and `d` (document) match.
    @inline(__always)
    static func matches(_ q: UInt8, _ d: UInt8) -> Bool {
        q == d || vowelClass(q) & vowelClass(d) != 0
    }

    /// The byte a key byte stands as in trigram keys: `a`, `o`, `u` and `U`
    /// as `a`, `I` as `i`, so that every byte match is a trigram match.
    @inline(__always)
    static func gramByte(_ c: UInt8) -> UInt8 {
        switch c {
        case 0x6F, 0x75, 0x55: return 0x61
        case 0x49: return 0x69
        default: return c
        }
    }

    // MARK: Query variants

    /// Transliterated query variants for the endings Russian spells with `у`
    /// where Uzbek has `i` and back (Nurillo / Нурулла, Nuriddin / Нуруддин /
    /// Нуритдин): for each `i` or `u` before `ll`, `dd` or `td`, the query
    /// with that vowel swapped (as `U` or `I`, which match only `u` or `i`,
    /// so Kamilla does not reach Kamola). At most `limit` variants.
    static func vowelSwapVariants(_ raw: [UInt8], limit: Int) -> [[UInt8]] {
        var variants: [[UInt8]] = []
        let n = raw.count
        var i = 0
        while i + 2 < n && variants.count < limit {
            let c = raw[i]
            if c == 0x69 || c == 0x75 {
                let a = raw[i + 1], b = raw[i + 2]
                if (a == 0x6C && b == 0x6C) || (a == 0x64 && b == 0x64) || (a == 0x74 && b == 0x64) {
                    var v = raw
                    v[i] = c == 0x69 ? 0x55 : 0x49
                    variants.append(v)
                }
            }
            i += 1
        }
        return variants
    }

    /// Whether `s` contains a Cyrillic letter.
    static func hasCyrillic(_ s: String?) -> Bool {
        guard let s else { return false }
        return s.unicodeScalars.contains { $0.value >= 0x400 && $0.value <= 0x52F }
    }
}
