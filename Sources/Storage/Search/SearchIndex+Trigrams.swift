import Foundation

extension PatientSearchIndex {
    // MARK: Trigrams

    /// Key of the byte trigram `a b c` of a folded name (24 bits, big-endian
    /// so that the trigrams starting with `a b` form one range of keys).
    @inline(__always)
    static func nameGram(_ a: UInt8, _ b: UInt8, _ c: UInt8) -> UInt32 {
        UInt32(a) << 16 | UInt32(b) << 8 | UInt32(c)
    }

    /// Byte that stands for "end of word" as the third byte of a trigram
    /// (a query word never contains it).
    static let wordEnd: UInt8 = 0x20

    /// Key of the digit trigram `a b c` of a phone number (bit 24 set, so it
    /// never equals a name trigram).
    @inline(__always)
    static func phoneGram(_ a: UInt8, _ b: UInt8, _ c: UInt8) -> UInt32 {
        nameGram(a, b, c) | 1 << 24
    }

    /// Posting flag of a name trigram: an occurrence starts a word of the
    /// last name. Of a phone trigram: it is the whole phone number.
    static let startsLastWord: UInt8 = 1
    /// Posting flag of a name trigram: an occurrence starts a word after the
    /// last name.
    static let startsOtherWord: UInt8 = 2

    /// Calls `body` with the key and flags of every trigram of a document
    /// (with `project`, name bytes as `SearchNormalizer.gramByte`, so that a
    /// vowel the key compares loosely never hides a match; the signatures of
    /// tail documents are built so, the posting lists of main segments are
    /// not, and a query looks up every vowel its letters match instead):
    /// for each word of two or more bytes of the name's key (words are
    /// separated by single spaces; the first `lastLen` bytes are the last
    /// name), the trigrams lying inside the word plus its last two bytes
    /// followed by `wordEnd` (so every occurrence of a byte pair inside a
    /// word starts some trigram); then the trigrams of the phone digits.
    /// Repeats are not filtered.
    @inline(__always)
    static func forEachGram(text t: UnsafePointer<UInt8>, _ tl: Int, lastLen: Int,
                            phone p: UnsafePointer<UInt8>, _ pl: Int, project: Bool,
                            _ body: (_ key: UInt32, _ flags: UInt8) -> Void) {
        @inline(__always) func g(_ c: UInt8) -> UInt8 { project ? SearchNormalizer.gramByte(c) : c }
        var wordStart = 0
        var j = 0
        while j <= tl {
            if j == tl || t[j] == 0x20 {
                if j - wordStart >= 2 {
                    let startFlag = wordStart < lastLen ? startsLastWord : startsOtherWord
                    var k = wordStart
                    while k + 3 <= j {
                        body(nameGram(g(t[k]), g(t[k + 1]), g(t[k + 2])), k == wordStart ? startFlag : 0)
                        k += 1
                    }
                    body(nameGram(g(t[j - 2]), g(t[j - 1]), wordEnd), j - 2 == wordStart ? startFlag : 0)
                }
                wordStart = j + 1
            }
            j += 1
        }
        if pl >= 3 {
            let whole = pl == 3 ? startsLastWord : 0
            var k = 0
            while k + 3 <= pl {
                body(phoneGram(p[k], p[k + 1], p[k + 2]), whole)
                k += 1
            }
        }
    }

    /// 256-bit Bloom filter of a set of trigrams (two bits per trigram): a
    /// document can only contain the query trigrams if its signature covers
    /// the query's (~3% false positives for a single trigram).
    struct Signature: Sendable, Equatable {
        var w0: UInt64 = 0
        var w1: UInt64 = 0
        var w2: UInt64 = 0
        var w3: UInt64 = 0

        @inline(__always)
        private mutating func set(_ bit: UInt64) {
            let mask: UInt64 = 1 &<< (bit & 63)
            switch bit >> 6 {
            case 0: w0 |= mask
            case 1: w1 |= mask
            case 2: w2 |= mask
            default: w3 |= mask
            }
        }

        @inline(__always)
        mutating func insert(_ gram: UInt32) {
            let h = UInt64(gram) &* 0x9E37_79B9_7F4A_7C15
            set(h >> 56)
            set((h >> 48) & 0xFF)
        }

        @inline(__always)
        func covers(_ other: Signature) -> Bool {
            (w0 & other.w0 == other.w0) && (w1 & other.w1 == other.w1)
                && (w2 & other.w2 == other.w2) && (w3 & other.w3 == other.w3)
        }
    }

    /// Trigram inverted index of a main segment.
    ///
    /// The distinct trigrams are numbered in key order (`keys`); the posting
    /// list of trigram `g` (the slots containing it, ascending, each once) is
    /// `postings[starts[g] ..< starts[g + 1]]`. An entry is the LEB128 varint
    /// of `(gap << 2) | flags`, where gap is the distance to the previous slot
    /// minus one (the first entry's gap is the slot itself) and flags are
    /// `startsLastWord` / `startsOtherWord` (merged over the occurrences in
    /// that document). Most entries fit in one byte (~1.3 bytes on average),
    /// and a list's byte length stands in for its length when choosing lists.
    struct GramIndex: Sendable {
        var keys: [UInt32] = []
        /// `keys.count + 1` offsets into `postings`; empty if not built.
        var starts: [UInt32] = []
        var postings: [UInt8] = []

        /// True if the segment has no index (it is then scanned).
        var isEmpty: Bool { starts.isEmpty }

        var approximateBytes: Int {
            keys.capacity * 4 + starts.capacity * 4 + postings.capacity + 3 * 32
        }

        /// Number of the first trigram whose key is not below `key`.
        func lowerBound(_ key: UInt32) -> Int {
            keys.withUnsafeBufferPointer { k in
                var lo = 0, hi = k.count
                while lo < hi {
                    let mid = (lo + hi) / 2
                    if k[mid] < key { lo = mid + 1 } else { hi = mid }
                }
                return lo
            }
        }

        /// Number of the trigram `key`, or nil if no document contains it.
        func find(_ key: UInt32) -> Int? {
            let g = lowerBound(key)
            return g < keys.count && keys[g] == key ? g : nil
        }

        @inline(__always)
        static func varintLength(_ v: Int) -> Int {
            v < 1 << 7 ? 1 : v < 1 << 14 ? 2 : v < 1 << 21 ? 3 : v < 1 << 28 ? 4 : 5
        }

        @inline(__always)
        private static func bucket(_ key: UInt32, _ shift: UInt32) -> Int {
            Int(truncatingIfNeeded: (key &* 0x9E37_79B1) &>> shift)
        }

        /// Segments with fewer documents get no index: scanning them is as
        /// fast, and the tables would cost more than the documents.
        static let minimumDocuments = 256

        /// Builds the index of all slots (dead ones included) of `seg`.
        static func build(_ seg: Segment) -> GramIndex {
            var index = GramIndex()
            let n = seg.slots.count
            if n < minimumDocuments { return index }

            // Pass 1: number the trigrams in order of appearance (through an
            // open-addressing table of `(key + 1) << 32 | number`); record
            // every occurrence as `number << 2 | flags`, document by document.
            var bits: UInt32 = 10
            var table = [UInt64](repeating: 0, count: 1 << bits)
            var grams = 0
            var firstSeen: [UInt32] = [] // key of each number
            var occurrences: [UInt32] = []
            occurrences.reserveCapacity(seg.text.count + seg.phones.count)
            var docEnds = [Int](repeating: 0, count: n)
            seg.text.withUnsafeBufferPointer { textBuf in
            seg.phones.withUnsafeBufferPointer { phoneBuf in
            seg.slots.withUnsafeBufferPointer { slots in
                let dummy = UnsafePointer<UInt8>(bitPattern: 1)!
                let tBase = textBuf.baseAddress ?? dummy
                let pBase = phoneBuf.baseAddress ?? dummy
                for i in 0..<n {
                    let s = slots[i]
                    forEachGram(text: tBase + Int(s.textStart), Int(s.textLen), lastLen: Int(s.lastLen),
                                phone: pBase + Int(s.phoneStart), Int(s.phoneLen), project: false) { key, flags in
                        let tag = UInt64(key &+ 1) << 32
                        let mask = table.count - 1
                        var h = bucket(key, 32 - bits)
                        var g = -1
                        while true {
                            let e = table[h]
                            if e == 0 { break }
                            if e & 0xFFFF_FFFF_0000_0000 == tag { g = Int(truncatingIfNeeded: e & 0xFFFF_FFFF); break }
                            h = (h + 1) & mask
                        }
                        if g < 0 {
                            g = grams
                            grams += 1
                            firstSeen.append(key)
                            table[h] = tag | UInt64(g)
                            if grams * 2 > table.count { grow(&table, &bits) }
                        }
                        occurrences.append(UInt32(truncatingIfNeeded: g) << 2 | UInt32(flags))
                    }
                    docEnds[i] = occurrences.count
                }
            }}}

            // Renumber the trigrams in key order.
            let byKey = (0..<grams).sorted { firstSeen[$0] < firstSeen[$1] }
            var renumber = [Int](repeating: 0, count: grams)
            for (g, old) in byKey.enumerated() { renumber[old] = g }
            index.keys = byKey.map { firstSeen[$0] }

            // Pass 2: size the lists (an entry per document, flags merged).
            var last = [Int32](repeating: -1, count: grams)
            var starts = [UInt32](repeating: 0, count: grams + 1)
            var total = 0
            occurrences.withUnsafeMutableBufferPointer { occ in
            renumber.withUnsafeBufferPointer { renumber in
            last.withUnsafeMutableBufferPointer { last in
            starts.withUnsafeMutableBufferPointer { starts in
                // starts[g + 1] accumulates the size of list g first.
                var k = 0
                for i in 0..<n {
                    let slot = Int32(i)
                    let end = docEnds[i]
                    while k < end {
                        let g = renumber[Int(occ[k] >> 2)]
                        occ[k] = UInt32(truncatingIfNeeded: g) << 2 | occ[k] & 3
                        k += 1
                        if last[g] == slot { continue }
                        starts[g + 1] += UInt32(varintLength((i - Int(last[g]) - 1) << 2 | 3))
                        last[g] = slot
                    }
                }
                for g in 0..<grams {
                    total += Int(starts[g + 1])
                    starts[g + 1] = UInt32(total)
                }
            }}}}

            // Pass 3: write the lists.
            var postings = [UInt8](repeating: 0, count: total)
            var cursor = [Int](repeating: 0, count: grams)
            var entry = [Int](repeating: 0, count: grams)
            postings.withUnsafeMutableBufferPointer { out in
            occurrences.withUnsafeBufferPointer { occ in
            last.withUnsafeMutableBufferPointer { last in
            cursor.withUnsafeMutableBufferPointer { cursor in
            entry.withUnsafeMutableBufferPointer { entry in
                for g in 0..<grams {
                    cursor[g] = Int(starts[g])
                    last[g] = -1
                }
                var k = 0
                for i in 0..<n {
                    let slot = Int32(i)
                    let end = docEnds[i]
                    while k < end {
                        let o = occ[k]
                        k += 1
                        let g = Int(o >> 2)
                        let flags = UInt8(truncatingIfNeeded: o & 3)
                        if last[g] == slot {
                            // Repeated trigram: merge its flags into the entry
                            // (they sit in the entry's first byte).
                            out[entry[g]] |= flags
                            continue
                        }
                        var v = (i - Int(last[g]) - 1) << 2 | Int(flags)
                        last[g] = slot
                        var pos = cursor[g]
                        entry[g] = pos
                        while v >= 0x80 {
                            out[pos] = UInt8(truncatingIfNeeded: v) | 0x80
                            v >>= 7
                            pos += 1
                        }
                        out[pos] = UInt8(truncatingIfNeeded: v)
                        cursor[g] = pos + 1
                    }
                }
            }}}}}
            index.starts = starts
            index.postings = postings
            return index
        }

        /// Doubles an open-addressing table of `(key + 1) << 32 | number`.
        private static func grow(_ table: inout [UInt64], _ bits: inout UInt32) {
            bits += 1
            var bigger = [UInt64](repeating: 0, count: 1 << bits)
            let mask = bigger.count - 1
            for e in table where e != 0 {
                let key = UInt32(truncatingIfNeeded: e >> 32) &- 1
                var h = bucket(key, 32 - bits)
                while bigger[h] != 0 { h = (h + 1) & mask }
                bigger[h] = e
            }
            table = bigger
        }
    }

    /// Sequential reader of the union of a trigram's posting lists: the
    /// lists of every trigram a query trigram matches (its vowels compared by
    /// `SearchNormalizer.matches`).
    struct GroupCursor {
        /// The one list, read as it goes (a group of one).
        private var single: PostingCursor
        /// Several lists: their union, decoded up front, one entry per slot
        /// as `slot << 2 | flags` (flags merged over the lists holding it).
        private var merged: [UInt32] = []
        private var position = -1
        private let isUnion: Bool
        /// Current slot (-1 before the first `next`).
        var value = -1
        /// Flags of the current slot.
        var flags = 0

        init(parts: [PostingCursor], postings p: UnsafePointer<UInt8>) {
            single = parts[0]
            isUnion = parts.count > 1
            if isUnion { merged = Self.union(parts, p) }
        }

        private static func union(_ parts: [PostingCursor], _ p: UnsafePointer<UInt8>) -> [UInt32] {
            var out: [UInt32] = []
            var cursors = parts
            cursors.withUnsafeMutableBufferPointer { c in
                for k in c.indices where !c[k].next(p) { c[k].value = .max }
                while true {
                    var m = Int.max
                    for k in c.indices where c[k].value < m { m = c[k].value }
                    if m == .max { break }
                    var entry = UInt32(truncatingIfNeeded: m) << 2
                    for k in c.indices where c[k].value == m {
                        entry |= UInt32(truncatingIfNeeded: c[k].flags)
                        if !c[k].next(p) { c[k].value = .max }
                    }
                    out.append(entry)
                }
            }
            return out
        }

        /// Advances to the next slot of any list; false at the end of all.
        @inline(__always)
        mutating func next(_ p: UnsafePointer<UInt8>) -> Bool {
            if !isUnion {
                guard single.next(p) else { return false }
                value = single.value
                flags = single.flags
                return true
            }
            position += 1
            guard position < merged.count else { return false }
            let e = merged[position]
            value = Int(e >> 2)
            flags = Int(e & 3)
            return true
        }
    }

    /// Sequential reader of one posting list.
    struct PostingCursor {
        var pos: Int
        var end: Int
        /// Current slot (-1 before the first `next`).
        var value: Int = -1
        /// Flags of the current entry.
        var flags = 0

        init(start: Int, end: Int) {
            pos = start
            self.end = end
        }

        /// Advances to the next slot; false at the end of the list.
        @inline(__always)
        mutating func next(_ p: UnsafePointer<UInt8>) -> Bool {
            if pos >= end { return false }
            var b = p[pos]
            pos += 1
            var raw = Int(b & 0x7F)
            var shift = 7
            while b & 0x80 != 0 {
                b = p[pos]
                pos += 1
                raw |= Int(b & 0x7F) << shift
                shift += 7
            }
            flags = raw & 3
            value += (raw >> 2) + 1
            return true
        }
    }
}
