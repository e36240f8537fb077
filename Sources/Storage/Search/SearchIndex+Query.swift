import Foundation

extension PatientSearchIndex {
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
        /// Phone digits (kind .phone) or the folded query (kind .name).
        var bytes: [UInt8] = []
        /// Words in evaluation order (longest first).
        var words: [Word] = []
        /// Distinct trigram keys every matching document must contain: the
        /// phone trigrams of the digits (kind .phone), or the name trigrams of
        /// every word of 3+ bytes that is not only digits (kind .name). Empty
        /// if there are none (the segment is then scanned).
        var grams: [UInt32] = []
        /// Signature of `grams`.
        var signature = Signature()
        /// Whether membership in the posting lists of `grams` decides the
        /// match and the entry flags decide the rank, with no byte check: a
        /// phone query of exactly three digits, or a name query whose words
        /// are all three bytes long and not only digits.
        var exactFromGrams = false
        /// Position in `grams` of the first query word's trigram (name
        /// queries with `exactFromGrams`).
        var firstWordGram = -1
        /// Whether this is a name query of at most `maxWindowedWords` words,
        /// all of two or three bytes and not only digits, at least one of two
        /// bytes (see `Segment.searchWindowed`).
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
                    addGram(PatientSearchIndex.phoneGram(bytes[k], bytes[k + 1], bytes[k + 2]))
                    k += 1
                }
                return
            }
            var raw: [UInt8] = []
            SearchNormalizer.transliterate(query, into: &raw)
            SearchNormalizer.skeleton(raw, into: &bytes)
            var start = 0
            var isFirst = true
            var allTrigrams = true
            var allShort = true
            var anyPair = false
            for k in 0...bytes.count where k == bytes.count || bytes[k] == 0x20 {
                if k > start {
                    let digits = bytes[start..<k].allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
                    var word = Word(start: start, length: k - start, digits: digits, isFirst: isFirst)
                    if digits || k - start != 3 { allTrigrams = false }
                    if digits || k - start > 3 || k - start < 2 { allShort = false }
                    if k - start == 2 { anyPair = true }
                    if !digits {
                        var j = start
                        while j + 3 <= k {
                            let position = addGram(PatientSearchIndex.nameGram(bytes[j], bytes[j + 1], bytes[j + 2]))
                            if j == start { word.leadGram = position }
                            j += 1
                        }
                    }
                    if isFirst { firstWordGram = word.leadGram }
                    words.append(word)
                    isFirst = false
                }
                start = k + 1
            }
            if words.isEmpty { return }
            exactFromGrams = allTrigrams
            windowed = allShort && anyPair && words.count <= Self.maxWindowedWords
            words.sort { $0.length > $1.length }
            kind = .name
        }

        /// Adds `key` to `grams` unless present; returns its position.
        @discardableResult
        private mutating func addGram(_ key: UInt32) -> Int {
            if let position = grams.firstIndex(of: key) { return position }
            grams.append(key)
            signature.insert(key)
            return grams.count - 1
        }
    }

    /// Folds documents into a segment, reusing scratch buffers.
    struct Preparer {
        var raw: [UInt8] = []
        var scratch: [UInt8] = []

        init() {
            raw.reserveCapacity(64)
            scratch.reserveCapacity(16)
        }

        /// Adds one name part to the key and text arenas.
        @inline(__always)
        private mutating func add(_ part: String?, separator: Bool, textStart: Int, to seg: inout Segment) {
            if separator { seg.keys.append(0) }
            guard let part, !part.isEmpty else { return }
            SearchNormalizer.transliterate(part, into: &raw)
            if raw.isEmpty { return }
            seg.keys.append(contentsOf: raw)
            let before = seg.text.count
            if before > textStart { seg.text.append(0x20) }
            let afterSpace = seg.text.count
            SearchNormalizer.skeleton(raw, into: &seg.text)
            if seg.text.count == afterSpace, afterSpace != before { seg.text.removeLast() }
        }

        mutating func append(_ d: SearchDocument, to seg: inout Segment) {
            let textStart = seg.text.count
            let keyStart = seg.keys.count
            add(d.lastName, separator: false, textStart: textStart, to: &seg)
            let lastLen = seg.text.count - textStart
            add(d.firstName, separator: true, textStart: textStart, to: &seg)
            add(d.middleName, separator: true, textStart: textStart, to: &seg)
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
        }
    }
}
