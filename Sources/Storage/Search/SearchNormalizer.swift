import Foundation

/// Text and phone normalisation shared by the patient search index and by
/// search queries.
///
/// ## Name folding (`fold`)
///
/// `fold` turns a name (or a query) into a lowercase ASCII "skeleton" so that
/// the Uzbek Latin, Uzbek Cyrillic and Russian spellings of one name compare
/// equal. It runs in two stages.
///
/// **Stage 1 – transliteration** (scalar by scalar):
/// 1. Input containing combining marks is first put into NFC, so a decomposed
///    `и + ◌̆` behaves exactly like `й`.
/// 2. Lowercase (ASCII, Latin, Cyrillic).
/// 3. Cyrillic → Latin following the official Uzbek Latin alphabet:
///    а a, б b, в v, г g, д d, е e, ё yo, ж j, з z, и i, й y, к k, л l, м m,
///    н n, о o, п p, р r, с s, т t, у u, ф f, х x, ц ts, ч ch, ш sh, щ sh,
///    ъ –, ы i, ь –, э e, ю yu, я ya, ў o, қ q, ғ g, ҳ h; plus neighbouring
///    alphabets (Kazakh/Tajik/Ukrainian/…): ң ng, ү u, ұ u, ө o, ә a, һ h,
///    ҷ j, ӣ i, ӯ u, і i, ї yi, є ye, ґ g, ј j, џ j, ђ j, ћ ch, ѓ g, ќ k, …
/// 4. Latin diacritics are stripped (é→e, ö→o, ğ→g, ñ→n, …); a few letters are
///    expanded: ş/ș→sh, ç→ch (1990s Uzbek/Turkish Latin), ß→ss, æ→ae, œ→oe,
///    ø→o, ł→l, đ/ð→d, þ→th, ı→i, ŋ→ng, ə→a.
/// 5. Apostrophe-like marks are removed without a trace:
///    `'` `` ` `` `´` `ʹ` `ʻ` `ʼ` `ʽ` `‘` `’` `‛` `′` `ˊ` `ˋ` (so `Oʻgʻil`,
///    `O'g'il`, `Og'il` and `Ogil` all read `ogil`); so is the soft hyphen.
/// 6. Whitespace, hyphens/dashes and every other punctuation or symbol become
///    a word separator (a single space); leading/trailing separators are
///    trimmed. ASCII digits are kept; other decimal digits become ASCII.
///    Letters of other scripts are kept, lowercased, as UTF-8.
///
/// **Stage 2 – spelling-variant folding** (on the Latin text, per word):
/// 1. Digraphs: `shch`→`sh`, `sh` and `ch` stay; `kh`→`x`; `zh`→`j`;
///    `dzh`/`dj`→`j`; `gh`→`g`; `ph`→`f`.
/// 2. Letters: a lone `h`→`x` (Uzbek ҳ/h vs Russian х/kh all agree),
///    `q`→`k`, `c`→`k`, `w`→`v`, `y`→`i` (so `yo`/`io`, `yu`/`iu`, `ya`/`ia`,
///    `iy`/`ii`/`y` all fold alike). `ts` is left as is (Цой = Tsoy = tsoi).
/// 3. An `i` (from `i` or `y`) directly before `e` is dropped at the start of a
///    word or after a vowel: `Yelena`/`Елена`/`Elena` → `elena`,
///    `Aliyev`/`Алиев`/`Aliev` → `aliev`, `Sergeyev`/`Сергеев` → `sergev`.
/// 4. Doubled letters collapse (`Muhammad`/`Mukhammad`/`Мухаммад` → `muxamad`,
///    `Mariya`/`Maria`/`Мария` → `maria`).
///
/// Examples: `Shoxrux`, `Шохрух`, `Shokhrukh` → `shoxrux`;
/// `Ўғилой`, `O'g'iloy` → `ogiloi`; `Ҳасанов`, `Hasanov`, `Хасанов` → `xasanov`;
/// `ЁҚУБОВ`, `yoqubov` → `iokubov`.
///
/// ## Phones
/// `normalizePhone` returns the full international number as digits only
/// (`998901234567`); `phoneQueryDigits` turns a search query that looks like
/// a (partial) phone number into the digits to look for.
public enum SearchNormalizer {

    // MARK: - Public API

    /// Canonical lowercase Latin skeleton of `s` (see the type documentation
    /// for the rules). Used for both index keys and queries.
    public static func fold(_ s: String) -> String {
        var raw: [UInt8] = []
        var out: [UInt8] = []
        transliterate(s, into: &raw)
        skeleton(raw, into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Normalises a phone number to its full international form as a string of
    /// digits without "+", e.g. `"998901234567"`. Returns nil for anything
    /// that is not a plausible phone number.
    ///
    /// Accepted: `+998 90 123 45 67`, `998901234567`, `90 123-45-67` (nine
    /// local digits, prefixed with 998), `8 (90) 123-45-67` (old trunk prefix
    /// 8 plus nine digits), `00998…` (00 international prefix) and any other
    /// international number of 7–15 digits written with a leading `+`.
    /// Separators allowed: spaces, `-`, `.`, `(`, `)`.
    public static func normalizePhone(_ s: String) -> String? {
        var d: [UInt8] = []
        guard normalizePhoneDigits(s, into: &d) else { return nil }
        return String(decoding: d, as: UTF8.self)
    }

    /// If `q` looks like a phone fragment (only digits, spaces, `+`, `-`,
    /// parentheses and dots, with at least 3 digits) returns the digits to
    /// search for, else nil. Digits are kept as typed, except that a complete
    /// local 9-digit number or an old 10-digit `8…` number is converted to the
    /// 12-digit `998…` form.
    public static func phoneQueryDigits(_ q: String) -> String? {
        var d: [UInt8] = []
        guard let plus = phoneDigits(q, into: &d), d.count >= 3 else { return nil }
        if !plus {
            if d.count == 9, d[0] != zero {
                d.insert(contentsOf: uz, at: 0)
            } else if d.count == 10, d[0] == eight, d[1] != zero {
                d.replaceSubrange(0..<1, with: uz)
            }
        }
        return String(decoding: d, as: UTF8.self)
    }

    // MARK: - Phone helpers

    private static let zero: UInt8 = 0x30
    private static let eight: UInt8 = 0x38
    private static let uz: [UInt8] = [0x39, 0x39, 0x38] // "998"

    /// Byte-level `normalizePhone(_:)`; replaces `d` with the digits. Returns
    /// false (and leaves `d` unspecified) if the number is not valid.
    static func normalizePhoneDigits(_ s: String, into d: inout [UInt8]) -> Bool {
        guard var international = phoneDigits(s, into: &d) else { return false }
        if !international, d.count >= 9, d[0] == zero, d[1] == zero {
            d.removeFirst(2)
            international = true
        }
        let n = d.count
        let hasUZ = n >= 3 && d[0] == 0x39 && d[1] == 0x39 && d[2] == eight
        if international {
            if hasUZ { return n == 12 }
            return (7...15).contains(n) && d[0] != zero
        }
        if n == 12, hasUZ { return true }
        if n == 9, d[0] != zero {
            d.insert(contentsOf: uz, at: 0)
            return true
        }
        if n == 10, d[0] == eight, d[1] != zero {
            d.replaceSubrange(0..<1, with: uz)
            return true
        }
        return false
    }

    /// Replaces `d` with the digits of a phone-looking string; returns whether
    /// it started with "+", or nil if it contains anything other than digits
    /// and phone punctuation, a "+" anywhere but at the start, or no digit.
    private static func phoneDigits(_ s: String, into d: inout [UInt8]) -> Bool? {
        d.removeAll(keepingCapacity: true)
        var plus = false
        var seenAnything = false
        for u in s.unicodeScalars {
            switch u.value {
            case 0x30...0x39:
                d.append(UInt8(u.value))
                seenAnything = true
            case 0x2B: // +
                if seenAnything { return nil }
                plus = true
                seenAnything = true
            case 0x20, 0x09, 0x2D, 0x2E, 0x28, 0x29, 0xA0, 0x2010...0x2013, 0x2212:
                continue
            default:
                return nil
            }
        }
        return d.isEmpty ? nil : plus
    }

    /// Digits of a stored phone for indexing, appended to `out`: the
    /// normalised number if valid, otherwise whatever digits it contains.
    static func appendIndexPhoneDigits(_ s: String?, to out: inout [UInt8], scratch: inout [UInt8]) {
        guard let s, !s.isEmpty else { return }
        if normalizePhoneDigits(s, into: &scratch) {
            out.append(contentsOf: scratch)
            return
        }
        for b in s.utf8 where b >= 0x30 && b <= 0x39 { out.append(b) }
    }

    // MARK: - Stage 1: transliteration

    private static let space: UInt8 = 0x20
    /// Table marker: "not handled by the table, use the generic path".
    private static let unknown: UInt32 = 0xFFFF_FFFF
    /// Table marker: word separator.
    private static let separator: UInt32 = 0x20

    /// Packs up to four ASCII bytes into a table entry (0 = drop).
    private static func pack(_ s: String) -> UInt32 {
        var v: UInt32 = 0
        for (i, b) in s.utf8.prefix(4).enumerated() { v |= UInt32(b) << (8 * UInt32(i)) }
        return v
    }

    private static let apostrophes: Set<UInt32> = [
        0x27, 0x60, 0xB4, 0x2018, 0x2019, 0x201B, 0x2032, 0x2035,
        0x02B9, 0x02BB, 0x02BC, 0x02BD, 0x02BE, 0x02BF, 0x02C8, 0x02CA, 0x02CB,
        0xFF07, 0xFF40,
    ]

    /// ASCII 0..<128.
    private static let asciiTable: [UInt32] = (0..<128).map { (v: Int) -> UInt32 in
        switch v {
        case 0x41...0x5A: return UInt32(v + 0x20)
        case 0x61...0x7A, 0x30...0x39: return UInt32(v)
        case 0x27, 0x60: return 0 // apostrophes
        default: return separator
        }
    }

    /// Lowercase Cyrillic letters → Latin.
    private static let cyrillicLower: [UInt32: String] = [
        0x430: "a", 0x431: "b", 0x432: "v", 0x433: "g", 0x434: "d", 0x435: "e",
        0x436: "j", 0x437: "z", 0x438: "i", 0x439: "y", 0x43A: "k", 0x43B: "l",
        0x43C: "m", 0x43D: "n", 0x43E: "o", 0x43F: "p", 0x440: "r", 0x441: "s",
        0x442: "t", 0x443: "u", 0x444: "f", 0x445: "x", 0x446: "ts", 0x447: "ch",
        0x448: "sh", 0x449: "sh", 0x44A: "", 0x44B: "i", 0x44C: "", 0x44D: "e",
        0x44E: "yu", 0x44F: "ya",
        0x450: "e", 0x451: "yo", 0x452: "j", 0x453: "g", 0x454: "ye", 0x455: "dz",
        0x456: "i", 0x457: "yi", 0x458: "j", 0x459: "l", 0x45A: "n", 0x45B: "ch",
        0x45C: "k", 0x45D: "i", 0x45E: "o", 0x45F: "j",
        0x461: "o", 0x463: "e", 0x46B: "ya", 0x473: "f", 0x475: "i",
        0x491: "g", 0x493: "g", 0x495: "g", 0x497: "j", 0x499: "z", 0x49B: "q",
        0x49D: "k", 0x49F: "k", 0x4A1: "k", 0x4A3: "ng", 0x4A5: "ng", 0x4A7: "p",
        0x4A9: "o", 0x4AB: "s", 0x4AD: "t", 0x4AF: "u", 0x4B1: "u", 0x4B3: "h",
        0x4B5: "ts", 0x4B7: "j", 0x4B9: "ch", 0x4BB: "h", 0x4BD: "ch", 0x4BF: "ch",
        0x4C2: "j", 0x4C4: "q", 0x4C6: "l", 0x4C8: "ng", 0x4CA: "n", 0x4CC: "ch",
        0x4CE: "m", 0x4CF: "", 0x4D1: "a", 0x4D3: "a", 0x4D5: "ae", 0x4D7: "e",
        0x4D9: "a", 0x4DB: "a", 0x4DD: "j", 0x4DF: "z", 0x4E1: "dz", 0x4E3: "i",
        0x4E5: "i", 0x4E7: "o", 0x4E9: "o", 0x4EB: "o", 0x4ED: "e", 0x4EF: "u",
        0x4F1: "u", 0x4F3: "u", 0x4F5: "ch", 0x4F7: "g", 0x4F9: "i",
    ]

    /// U+0400..U+04FF → packed Latin (both cases).
    private static let cyrillicTable: [UInt32] = (0x400...0x4FF).map { (v: Int) -> UInt32 in
        guard let sc = Unicode.Scalar(UInt32(v)) else { return unknown }
        if (0x483...0x489).contains(v) { return 0 } // combining marks
        let lower = sc.properties.lowercaseMapping.unicodeScalars.first?.value ?? UInt32(v)
        if let s = cyrillicLower[lower] { return pack(s) }
        return unknown
    }

    private static let latinOverrides: [UInt32: String] = [
        0xDF: "ss", 0xE6: "ae", 0x153: "oe", 0xF8: "o", 0x142: "l", 0x111: "d",
        0xF0: "d", 0xFE: "th", 0x131: "i", 0x15F: "sh", 0x219: "sh", 0xE7: "ch",
        0x127: "h", 0x167: "t", 0x14B: "ng", 0x138: "k", 0x17F: "s", 0x192: "f",
        0x268: "i", 0x1DD: "e", 0x259: "a", 0x1BF: "v", 0x180: "b", 0x188: "k",
        0x1B4: "i", 0xAA: "a", 0xBA: "o",
    ]

    /// U+0080..U+024F and U+1E00..U+1EFF → packed ASCII.
    private static func buildLatin(_ range: ClosedRange<Int>) -> [UInt32] {
        range.map { (v: Int) -> UInt32 in
            guard let sc = Unicode.Scalar(UInt32(v)) else { return unknown }
            if apostrophes.contains(UInt32(v)) || v == 0xAD { return 0 }
            let props = sc.properties
            if props.isWhitespace { return separator }
            guard props.isAlphabetic else {
                switch props.generalCategory {
                case .nonspacingMark, .enclosingMark, .spacingMark, .format, .control: return 0
                default: return separator
                }
            }
            let lowerString = props.lowercaseMapping
            let lower = lowerString.unicodeScalars.first?.value ?? UInt32(v)
            if let s = latinOverrides[lower] { return pack(s) }
            var ascii = ""
            for u in lowerString.decomposedStringWithCanonicalMapping.unicodeScalars
            where u.isASCII && (u.properties.isAlphabetic || ("0"..."9").contains(u)) {
                ascii.unicodeScalars.append(u)
            }
            return ascii.isEmpty || ascii.utf8.count > 4 ? unknown : pack(ascii)
        }
    }

    private static let latin1Table: [UInt32] = buildLatin(0x80...0x24F)
    private static let latinExtTable: [UInt32] = buildLatin(0x1E00...0x1EFF)

    @inline(__always)
    private static func appendPacked(_ p: UInt32, to out: inout [UInt8]) {
        if p == separator {
            if let last = out.last, last != space { out.append(space) }
            return
        }
        var v = p
        while v != 0 {
            out.append(UInt8(truncatingIfNeeded: v))
            v >>= 8
        }
    }

    /// Stage 1: lowercase, transliterate Cyrillic, strip diacritics, drop
    /// apostrophes, map separators to single spaces. Replaces `out`.
    /// The result is also used as the (display-friendly) sort key.
    static func transliterate(_ s: String, into out: inout [UInt8]) {
        out.removeAll(keepingCapacity: true)
        if !transliterate(s, into: &out, allowRenormalize: true) {
            out.removeAll(keepingCapacity: true)
            _ = transliterate(s.precomposedStringWithCanonicalMapping, into: &out, allowRenormalize: false)
        }
        if out.last == space { out.removeLast() }
    }

    /// Returns false if the string contains combining marks and should be
    /// retried in NFC.
    private static func transliterate(_ s: String, into out: inout [UInt8], allowRenormalize: Bool) -> Bool {
        for u in s.unicodeScalars {
            let v = u.value
            var p: UInt32
            if v < 0x80 {
                p = asciiTable[Int(v)]
            } else if v >= 0x400 && v <= 0x4FF {
                p = cyrillicTable[Int(v - 0x400)]
            } else if v <= 0x24F {
                p = latin1Table[Int(v - 0x80)]
            } else if v >= 0x1E00 && v <= 0x1EFF {
                p = latinExtTable[Int(v - 0x1E00)]
            } else if v >= 0x300 && v <= 0x36F {
                if allowRenormalize { return false }
                p = 0
            } else if apostrophes.contains(v) {
                p = 0
            } else {
                p = unknown
            }
            if p != unknown {
                appendPacked(p, to: &out)
                continue
            }
            // Generic (rare) path.
            let props = u.properties
            if props.isAlphabetic {
                out.append(contentsOf: props.lowercaseMapping.utf8)
            } else if props.numericType == .decimal, let n = props.numericValue, n >= 0, n <= 9 {
                out.append(UInt8(0x30 + Int(n)))
            } else {
                switch props.generalCategory {
                case .nonspacingMark, .enclosingMark, .spacingMark:
                    if allowRenormalize && (0x1AB0...0x1AFF ~= v || 0x1DC0...0x1DFF ~= v || 0x20D0...0x20FF ~= v || 0xFE20...0xFE2F ~= v) {
                        return false
                    }
                case .format, .control:
                    break
                default:
                    appendPacked(separator, to: &out)
                }
            }
        }
        return true
    }

    // MARK: - Stage 2: spelling-variant folding

    @inline(__always)
    private static func isVowel(_ c: UInt8) -> Bool {
        c == 0x61 || c == 0x65 || c == 0x69 || c == 0x6F || c == 0x75 // a e i o u
    }

    /// Stage 2 (see type documentation). Appends to `out` (does not clear).
    static func skeleton(_ b: [UInt8], into out: inout [UInt8]) {
        b.withUnsafeBufferPointer { skeleton($0, into: &out) }
    }

    static func skeleton(_ b: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) {
        let n = b.count
        let base = out.count
        @inline(__always) func at(_ i: Int) -> UInt8 { i < n ? b[i] : 0 }
        // Token identity: first byte | second byte << 8; 0 = none.
        var lastTok: UInt16 = 0
        var lastLetter: UInt8 = 0 // last emitted ASCII letter in this word, 0 at word start
        var i = 0
        while i < n {
            let c = b[i]
            if c == space {
                if out.count > base, out[out.count - 1] != space { out.append(space) }
                lastTok = 0
                lastLetter = 0
                i += 1
                continue
            }
            let next = at(i + 1)
            var t0: UInt8 = c
            var t1: UInt8 = 0
            var adv = 1
            switch c {
            case 0x73: // s
                if next == 0x68 { // sh
                    t1 = 0x68
                    adv = (at(i + 2) == 0x63 && at(i + 3) == 0x68) ? 4 : 2 // shch
                }
            case 0x63: // c
                if next == 0x68 { t1 = 0x68; adv = 2 } else { t0 = 0x6B }
            case 0x6B: // k
                if next == 0x68 { t0 = 0x78; adv = 2 }
            case 0x7A: // z
                if next == 0x68 { t0 = 0x6A; adv = 2 }
            case 0x64: // d
                if next == 0x6A { t0 = 0x6A; adv = 2 }
                else if next == 0x7A && at(i + 2) == 0x68 { t0 = 0x6A; adv = 3 }
            case 0x67: // g
                if next == 0x68 { adv = 2 }
            case 0x70: // p
                if next == 0x68 { t0 = 0x66; adv = 2 }
            case 0x68: t0 = 0x78 // h -> x
            case 0x71: t0 = 0x6B // q -> k
            case 0x77: t0 = 0x76 // w -> v
            case 0x79: t0 = 0x69 // y -> i
            default: break
            }
            i += adv
            if t0 >= 0x80 {
                // Byte of a non-Latin letter: copy verbatim, no folding.
                out.append(t0)
                lastTok = 0
                lastLetter = 0x7F
                continue
            }
            if t0 == 0x69 && t1 == 0 && at(i) == 0x65 && (lastLetter == 0 || isVowel(lastLetter)) {
                // "ye"/"ie" at word start or after a vowel → "e".
                continue
            }
            let tok = UInt16(t0) | UInt16(t1) << 8
            let isLetter = t0 >= 0x61 && t0 <= 0x7A
            if isLetter && tok == lastTok { continue } // collapse doubles
            out.append(t0)
            if t1 != 0 { out.append(t1) }
            lastTok = isLetter ? tok : 0
            lastLetter = t1 != 0 ? t1 : t0
        }
        if out.count > base, out[out.count - 1] == space { out.removeLast() }
    }
}
