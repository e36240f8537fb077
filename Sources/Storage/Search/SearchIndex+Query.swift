import Foundation

extension PatientSearchIndex {
    /// What a search runs: the query itself and its spelling variants (see
    /// `CompiledQuery.floor`), each matched on its own, a document keeping
    /// its best rank.
    struct QueryPlan: Sendable {
        var queries: [CompiledQuery]
        var kind: CompiledQuery.Kind { queries[0].kind }

        /// At most this many vowel-swap and alias variants each.
        static let maxVariants = 3

        init(_ query: String?) {
            let main = CompiledQuery(query)
            queries = [main]
            guard main.kind == .name else { return }
            var scratch: [UInt8] = []
            var joined: [UInt8] = []
            SearchNormalizer.key(main.raw, into: &joined, scratch: &scratch, patronymics: .join)
            if joined != main.bytes { queries.append(CompiledQuery(key: joined, floor: 1)) }
            for raw in SearchNormalizer.vowelSwapVariants(main.raw, limit: Self.maxVariants) {
                var key: [UInt8] = []
                SearchNormalizer.key(raw, into: &key, scratch: &scratch, patronymics: .keep)
                if key != main.bytes { queries.append(CompiledQuery(key: key, floor: 2)) }
            }
            for key in SearchAliases.variants(of: main.bytes, limit: Self.maxVariants) {
                queries.append(CompiledQuery(key: key, floor: 3))
            }
        }
    }

    struct CompiledQuery: Sendable {
        enum Kind: Sendable { case all, name, phone }
        struct Word: Sendable {
            var start: Int
            var length: Int
            var digits: Bool
            var isFirst: Bool
            /// Position in `grams` of the word's first trigram, or -1.
            var leadGram = -1
        }
        var kind: Kind = .all
        /// Phone digits (kind .phone) or the query's spelling key (kind .name).
        var bytes: [UInt8] = []
        /// Words in evaluation order (longest first).
        var words: [Word] = []
        /// The lowest tier a match of this query can have: 0 for the query as
        /// typed, 1 for its patronymics joined ("Rustam oʻgʻli" as
        /// `rustamovich`), 2 for a vowel-swap variant, 3 for an alias variant. Tiers:
        /// 0 the same letters in the same script, 1 the same once scripts and
        /// informal spellings are folded, 2 the spelling key (vowel shifts),
        /// 3 an alias.
        var floor = 0
        /// The transliterated query (tier 0 checks) and its words.
        var raw: [UInt8] = []
        var rawWords: [Range<Int>] = []
        /// Whether the query is written in Cyrillic.
        var cyrillic = false
        /// Whether the query's key is its transliteration unchanged and has
        /// no word of digits only.
        var plain = false
        /// Distinct trigram keys every matching document must contain (one
        /// of their `groups`): the phone trigrams of the digits (kind .phone),
        /// or the name trigrams of every word of 3+ bytes that is not only
        /// digits (kind .name). Empty if there are none (the segment is then
        /// scanned).
        var grams: [UInt32] = []
        /// For each of `grams`, the trigrams it matches (vowels compared by
        /// `SearchNormalizer.matches`), itself first.
        var groups: [[UInt32]] = []
        /// Signature of `grams`, vowels as `SearchNormalizer.gramByte` (as
        /// the signatures of tail documents are built).
        var signature = Signature()
        /// Whether membership in the posting list decides the match and the
        /// entry flag the rank, with no byte check: a phone query of exactly
        /// three digits. (Name queries of short words are answered from the
        /// lists by `Segment.searchWindowed`.)
        var exactFromGrams = false
        /// Whether this is a name query of at most `maxWindowedWords` words,
        /// all of two or three bytes and not only digits (see
        /// `Segment.searchWindowed`).
        var windowed = false
        static let maxWindowedWords = 4

        init(_ query: String?) {
            guard let query, !query.allSatisfy(\.isWhitespace) else { return }
            if let digits = SearchNormalizer.phoneQueryDigits(query) {
                kind = .phone
                bytes = Array(digits.utf8)
                exactFromGrams = bytes.count == 3
                var k = 0
                while k + 3 <= bytes.count {
                    addGram(bytes[k], bytes[k + 1], bytes[k + 2], phone: true)
                    k += 1
                }
                return
            }
            SearchNormalizer.transliterate(query, into: &raw)
            rawWords = SearchNormalizer.words(raw)
            cyrillic = SearchNormalizer.hasCyrillic(query)
            var scratch: [UInt8] = []
            SearchNormalizer.key(raw, into: &bytes, scratch: &scratch, patronymics: .keep)
            plain = bytes == raw
            parseWords()
        }

        /// A variant with the given key bytes.
        init(key: [UInt8], floor: Int) {
            bytes = key
            self.floor = floor
            parseWords()
        }

        private mutating func parseWords() {
            var isFirst = true
            var allShort = true
            for range in SearchNormalizer.words(bytes) {
                // A word typed twice is one condition.
                if words.contains(where: { bytes[$0.start..<($0.start + $0.length)] == bytes[range] }) { continue }
                let start = range.lowerBound, k = range.upperBound
                let digits = bytes[range].allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
                var word = Word(start: start, length: k - start, digits: digits, isFirst: isFirst)
                if digits || k - start > 3 || k - start < 2 { allShort = false }
                if !digits {
                    var j = start
                    while j + 3 <= k {
                        let position = addGram(bytes[j], bytes[j + 1], bytes[j + 2], phone: false)
                        if j == start { word.leadGram = position }
                        j += 1
                    }
                }
                words.append(word)
                isFirst = false
            }
            if words.isEmpty { return }
            // A digit word may match the phone, not the name: no shortcut to tier 0.
            if words.contains(where: \.digits) { plain = false }
            windowed = allShort && words.count <= Self.maxWindowedWords
            words.sort { $0.length > $1.length }
            kind = .name
        }

        /// Adds the trigram `a b c` to `grams` (and its group and signature)
        /// unless present; returns its position.
        @discardableResult
        private mutating func addGram(_ a: UInt8, _ b: UInt8, _ c: UInt8, phone: Bool) -> Int {
            let key = phone ? PatientSearchIndex.phoneGram(a, b, c) : PatientSearchIndex.nameGram(a, b, c)
            if let position = grams.firstIndex(of: key) { return position }
            grams.append(key)
            if phone {
                groups.append([key])
                signature.insert(key)
            } else {
                groups.append(Self.matchingGrams(a, b, c))
                let g = SearchNormalizer.gramByte
                signature.insert(PatientSearchIndex.nameGram(g(a), g(b), g(c)))
            }
            return grams.count - 1
        }

        /// The document bytes a query byte matches by `SearchNormalizer.matches`,
        /// itself first (`U` and `I` never occur in a document): a → a o,
        /// u → u o, o → o a u, U → u, I → i, any other byte → itself.
        static func matchingBytes(_ c: UInt8) -> [UInt8] {
            let own: [UInt8] = c == 0x55 || c == 0x49 ? [] : [c]
            return own + [0x61, 0x6F, 0x75, 0x69].filter { $0 != c && SearchNormalizer.matches(c, $0) }
        }

        /// Every name trigram the query trigram `a b c` matches, the one with
        /// the same bytes first.
        static func matchingGrams(_ a: UInt8, _ b: UInt8, _ c: UInt8) -> [UInt32] {
            var out: [UInt32] = []
            for x in matchingBytes(a) {
                for y in matchingBytes(b) {
                    for z in matchingBytes(c) { out.append(PatientSearchIndex.nameGram(x, y, z)) }
                }
            }
            return out
        }
    }

    /// Folds documents into a segment, reusing scratch buffers.
    struct Preparer {
        var raw: [UInt8] = []
        var scratch: [UInt8] = []
        var keyScratch: [UInt8] = []

        init() {
            raw.reserveCapacity(64)
            scratch.reserveCapacity(16)
        }

        /// Adds one name part to the key and text arenas; returns whether its
        /// key is its transliteration unchanged.
        @inline(__always)
        private mutating func add(_ part: String?, separator: Bool, textStart: Int, to seg: inout Segment) -> Bool {
            if separator { seg.keys.append(0) }
            guard let part, !part.isEmpty else { return true }
            SearchNormalizer.transliterate(part, into: &raw)
            if raw.isEmpty { return true }
            seg.keys.append(contentsOf: raw)
            let before = seg.text.count
            if before > textStart { seg.text.append(0x20) }
            let afterSpace = seg.text.count
            SearchNormalizer.key(raw, into: &seg.text, scratch: &keyScratch, patronymics: .both)
            if seg.text.count == afterSpace, afterSpace != before { seg.text.removeLast() }
            return seg.text.count - afterSpace == raw.count && seg.text[afterSpace...].elementsEqual(raw)
        }

        mutating func append(_ d: SearchDocument, to seg: inout Segment) {
            let textStart = seg.text.count
            let keyStart = seg.keys.count
            var plain = add(d.lastName, separator: false, textStart: textStart, to: &seg)
            let lastLen = seg.text.count - textStart
            plain = add(d.firstName, separator: true, textStart: textStart, to: &seg) && plain
            plain = add(d.middleName, separator: true, textStart: textStart, to: &seg) && plain
            var prefix: UInt64 = 0
            let keyLen = seg.keys.count - keyStart
            for k in 0..<8 {
                prefix <<= 8
                if k < keyLen { prefix |= UInt64(seg.keys[keyStart + k]) }
            }
            let phoneStart = seg.phones.count
            SearchNormalizer.appendIndexPhoneDigits(d.phone, to: &seg.phones, scratch: &scratch)
            seg.slots.append(Slot(
                id: d.id, keyPrefix: prefix,
                textStart: Int32(textStart), textLen: Int32(seg.text.count - textStart),
                lastLen: Int32(lastLen),
                keyStart: Int32(keyStart), keyLen: Int32(keyLen),
                phoneStart: Int32(phoneStart), phoneLen: Int32(seg.phones.count - phoneStart)))
            seg.alive.append(true)
            let cyrillic = SearchNormalizer.hasCyrillic(d.lastName) || SearchNormalizer.hasCyrillic(d.firstName)
                || SearchNormalizer.hasCyrillic(d.middleName)
            seg.marks.append((cyrillic ? Segment.cyrillicMark : 0) | (plain ? Segment.plainMark : 0))
        }
    }
}
