import Foundation
import Synchronization

/// In-memory search index over the decrypted names and phone numbers of
/// patients. Nothing is persisted: the index is rebuilt with `replaceAll` at
/// unlock and kept in step with `upsert` / `remove`.
///
/// Layout: documents are grouped per owner ("shard"). Each shard holds a
/// *main* segment, physically sorted by name, and a small *tail* segment that
/// receives upserts (kept in name order through a sorted permutation). A
/// segment stores the folded bytes of every document contiguously (one arena
/// for the search text, one for sort keys, one for phone digits), so checking
/// a document is a tight byte loop with no String work and no per-document
/// allocation. Removed/replaced documents are tombstoned; the tail is merged
/// into main (and tombstones are dropped) once it grows past a small fraction
/// of main, so writes stay cheap (amortised) and the name order of main never
/// has to be recomputed by a search.
///
/// Candidate selection: whenever main is (re)built it gets a trigram inverted
/// index (`GramIndex`): for every byte trigram inside a word of the folded
/// name (plus each word's last two bytes followed by an end-of-word marker),
/// and every trigram of the phone digits, the ascending list of slots
/// containing it, with two flags per entry telling whether the trigram starts
/// a word of the last name / a later word. A query word of three or more
/// bytes (not only digits) can only match documents holding all of its
/// trigrams, so the search walks the rarest list, intersects it with the
/// other lists that are short enough and verifies only those candidates with
/// the same byte checks a full scan would use (which also classify the rank;
/// shorter words of the query are checked there too). Slots come out
/// ascending, i.e. already in name order. When every query word is exactly
/// one trigram (e.g. a three-letter prefix), or a phone query has exactly
/// three digits, the lists alone decide the match and the flags the rank,
/// with no byte check at all; queries made of two- and three-byte words are
/// answered the same way, a two-byte word `a b` being the union of the lists
/// of `a b *`. Phone queries use the phone trigrams. Only queries without
/// such words (one-letter words, or only digits) scan every document of main.
/// Each tail document carries a 256-bit trigram signature (a tiny Bloom
/// filter) so the tail scan skips most documents without touching their text.
/// Listing a whole shard (empty query) only walks the requested page.
///
/// Concurrency: all state lives in a `Mutex`; a search only copies the owner's
/// shard (a few array references, copy-on-write) under the lock and reads it
/// outside, so concurrent searches do not serialise on the lock.
public final class PatientSearchIndex: Sendable {

    public struct SearchDocument: Sendable, Equatable {
        public var id: UUID
        public var ownerID: UUID
        public var firstName: String
        public var lastName: String
        public var middleName: String?
        /// As stored, e.g. "+998901234567"; may be nil.
        public var phone: String?

        public init(id: UUID, ownerID: UUID, firstName: String, lastName: String, middleName: String?, phone: String?) {
            self.id = id
            self.ownerID = ownerID
            self.firstName = firstName
            self.lastName = lastName
            self.middleName = middleName
            self.phone = phone
        }
    }

    public struct SearchPage: Sendable, Equatable {
        /// Number of matching documents (all pages).
        public var total: Int
        /// The requested page of matching document ids, best first.
        public var ids: [UUID]

        public init(total: Int, ids: [UUID]) {
            self.total = total
            self.ids = ids
        }
    }

    private let state = Mutex(State())

    public init() {}

    // MARK: - Writes

    /// Replaces the whole index (bulk build at unlock).
    public func replaceAll(_ docs: [SearchDocument]) {
        var newState = Self.build(docs, skipping: nil)
            ?? Self.build(docs, skipping: Self.supersededIndices(docs))!
        // Swap under the lock; the old state is released outside of it.
        state.withLock { swap(&$0, &newState) }
        _ = newState
    }

    /// Indices of documents whose id occurs again later (the last one wins).
    private static func supersededIndices(_ docs: [SearchDocument]) -> Set<Int> {
        var lastIndex = [UUID: Int](minimumCapacity: docs.count)
        var superseded = Set<Int>()
        for (i, d) in docs.enumerated() {
            if let previous = lastIndex.updateValue(i, forKey: d.id) { superseded.insert(previous) }
        }
        return superseded
    }

    /// Builds a complete state. Returns nil if `skipping` is nil and the
    /// documents contain duplicate ids.
    private static func build(_ docs: [SearchDocument], skipping: Set<Int>?) -> State? {
        var perOwner: [UUID: Segment] = [:]
        var preparer = Preparer()
        for (i, d) in docs.enumerated() {
            if let skipping, skipping.contains(i) { continue }
            preparer.append(d, to: &perOwner[d.ownerID, default: Segment()])
        }
        var newState = State()
        newState.locations.reserveCapacity(docs.count)
        for (owner, unsorted) in perOwner {
            let main = Segment.merged(sorted: Segment(), unsorted: unsorted)
            for (i, slot) in main.slots.enumerated() {
                let loc = Location(owner: owner, inTail: false, index: Int32(i))
                if newState.locations.updateValue(loc, forKey: slot.id) != nil, skipping == nil { return nil }
            }
            newState.shards[owner] = Shard(main: main, tail: Segment(), live: main.slots.count)
        }
        return newState
    }

    /// Inserts or replaces one document (also moves it between owners).
    public func upsert(_ doc: SearchDocument) {
        var one = Segment()
        var preparer = Preparer()
        preparer.append(doc, to: &one)
        one.signatures.append(one.signature(of: 0))
        state.withLock { st in
            if let old = st.locations[doc.id] { st.kill(old) }
            var shard = st.shards.removeValue(forKey: doc.ownerID) ?? Shard()
            let index = shard.tail.appendToTail(0, from: one)
            shard.live += 1
            st.locations[doc.id] = Location(owner: doc.ownerID, inTail: true, index: index)
            st.store(shard, owner: doc.ownerID)
        }
    }

    public func remove(id: UUID) {
        state.withLock { st in
            if let old = st.locations.removeValue(forKey: id) { st.kill(old) }
        }
    }

    /// Number of documents (all owners).
    public var count: Int {
        state.withLock { $0.locations.count }
    }

    /// Rough estimate of the bytes held by the index (arenas, slots, trigram
    /// postings and tables, signatures and the id dictionary).
    public var approximateMemoryBytes: Int {
        state.withLock { st in
            var total = MemoryLayout<State>.size
            for (_, shard) in st.shards {
                total += 64 + shard.main.approximateBytes + shard.tail.approximateBytes
            }
            // Dictionary entries: key + value, ~1.33 load factor, plus metadata.
            let locEntry = MemoryLayout<UUID>.stride + MemoryLayout<Location>.stride
            total += st.locations.capacity * locEntry + st.locations.capacity / 4
            total += st.shards.capacity * (MemoryLayout<UUID>.stride + MemoryLayout<Shard>.stride)
            return total
        }
    }

    // MARK: - Search

    /// Searches the patients of `ownerID`.
    ///
    /// - Empty/nil query (or one with nothing searchable in it): all of the
    ///   owner's patients ordered by last, first, middle name, then id.
    /// - Phone-looking query (`SearchNormalizer.phoneQueryDigits` non-nil):
    ///   patients whose phone digits contain the digits; an exact full-number
    ///   match ranks first, then by name.
    /// - Otherwise the query is folded and split into words; every word must
    ///   occur in the folded "last first middle" name. Rank 0: all words are
    ///   word prefixes and the first word is a prefix of (a word of) the last
    ///   name; rank 1: all words are word prefixes; rank 2: substring matches.
    ///   Within a rank, ordered by name then id. A query word made only of
    ///   digits is matched against the phone instead (e.g. "Karimov 4567").
    public func search(ownerID: UUID, query: String?, limit: Int, offset: Int) -> SearchPage {
        let compiled = CompiledQuery(query)
        guard let shard = state.withLock({ $0.shards[ownerID] }) else {
            return SearchPage(total: 0, ids: [])
        }
        if compiled.kind == .all {
            return Self.pageAll(shard: shard, limit: limit, offset: offset)
        }
        var mainHits = Hits()
        var tailHits = Hits()
        shard.main.search(compiled, into: &mainHits)
        shard.tail.search(compiled, into: &tailHits)
        return Self.page(shard: shard, main: mainHits, tail: tailHits, limit: limit, offset: offset)
    }

    /// Page of the whole shard in name order, without listing every document
    /// (costs O(offset + limit)).
    private static func pageAll(shard: Shard, limit: Int, offset: Int) -> SearchPage {
        let total = shard.live
        let skip = max(0, offset)
        guard limit > 0, skip < total else { return SearchPage(total: total, ids: []) }
        let need = min(limit, total - skip)
        var ids: [UUID] = []
        ids.reserveCapacity(need)
        let main = shard.main, tail = shard.tail
        if main.dead == 0 && tail.slots.count == tail.dead {
            for k in skip..<(skip + need) { ids.append(main.slots[k].id) }
            return SearchPage(total: total, ids: ids)
        }
        main.alive.withUnsafeBufferPointer { mainAlive in
        tail.alive.withUnsafeBufferPointer { tailAlive in
        tail.order.withUnsafeBufferPointer { order in
            var a = 0, b = 0, pos = 0
            let m = mainAlive.count, t = order.count
            while a < m && !mainAlive[a] { a += 1 }
            while b < t && !tailAlive[Int(order[b])] { b += 1 }
            while ids.count < need && (a < m || b < t) {
                let takeMain = b == t || (a < m && Segment.less(a, in: main, Int(order[b]), in: tail))
                if pos >= skip { ids.append(takeMain ? main.slots[a].id : tail.slots[Int(order[b])].id) }
                pos += 1
                if takeMain {
                    a += 1
                    while a < m && !mainAlive[a] { a += 1 }
                } else {
                    b += 1
                    while b < t && !tailAlive[Int(order[b])] { b += 1 }
                }
            }
        }}}
        return SearchPage(total: total, ids: ids)
    }

    private static func page(shard: Shard, main: Hits, tail: Hits, limit: Int, offset: Int) -> SearchPage {
        let total = main.count + tail.count
        var ids: [UUID] = []
        var skip = max(0, offset)
        var need = max(0, limit)
        if need > 0, skip < total { ids.reserveCapacity(min(need, total - skip)) }
        shard.main.slots.withUnsafeBufferPointer { mainSlots in
            shard.tail.slots.withUnsafeBufferPointer { tailSlots in
                for r in 0..<3 where need > 0 {
                    let m = main.list(r)
                    let t = tail.list(r)
                    let len = m.count + t.count
                    if skip >= len { skip -= len; continue }
                    if t.isEmpty {
                        let end = need >= len - skip ? len : skip + need
                        for k in skip..<end { ids.append(mainSlots[Int(m[k])].id) }
                        need -= end - skip
                        skip = 0
                        continue
                    }
                    var a = 0, b = 0, pos = 0
                    while need > 0 && (a < m.count || b < t.count) {
                        let takeMain: Bool
                        if a == m.count { takeMain = false }
                        else if b == t.count { takeMain = true }
                        else {
                            takeMain = Segment.less(Int(m[a]), in: shard.main, Int(t[b]), in: shard.tail)
                        }
                        if pos >= skip {
                            ids.append(takeMain ? mainSlots[Int(m[a])].id : tailSlots[Int(t[b])].id)
                            need -= 1
                        }
                        if takeMain { a += 1 } else { b += 1 }
                        pos += 1
                    }
                    skip = 0
                }
            }
        }
        return SearchPage(total: total, ids: ids)
    }
}

// MARK: - Internals

extension PatientSearchIndex {

    struct Location: Sendable {
        var owner: UUID
        var inTail: Bool
        var index: Int32
    }

    struct Slot: Sendable {
        var id: UUID
        /// First 8 bytes of the sort key, big-endian, zero padded.
        var keyPrefix: UInt64
        var textStart: Int32
        var textLen: Int32
        /// Length of the folded last name at the start of the text.
        var lastLen: Int32
        var keyStart: Int32
        var keyLen: Int32
        var phoneStart: Int32
        var phoneLen: Int32
    }

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

    /// Calls `body` with the key and flags of every trigram of a document:
    /// for each word of two or more bytes of the folded name text (words are
    /// separated by single spaces; the first `lastLen` bytes are the last
    /// name), the trigrams lying inside the word plus its last two bytes
    /// followed by `wordEnd` (so every occurrence of a byte pair inside a
    /// word starts some trigram); then the trigrams of the phone digits.
    /// Repeats are not filtered.
    @inline(__always)
    static func forEachGram(text t: UnsafePointer<UInt8>, _ tl: Int, lastLen: Int,
                            phone p: UnsafePointer<UInt8>, _ pl: Int,
                            _ body: (_ key: UInt32, _ flags: UInt8) -> Void) {
        var wordStart = 0
        var j = 0
        while j <= tl {
            if j == tl || t[j] == 0x20 {
                if j - wordStart >= 2 {
                    let startFlag = wordStart < lastLen ? startsLastWord : startsOtherWord
                    var k = wordStart
                    while k + 3 <= j {
                        body(nameGram(t[k], t[k + 1], t[k + 2]), k == wordStart ? startFlag : 0)
                        k += 1
                    }
                    body(nameGram(t[j - 2], t[j - 1], wordEnd), j - 2 == wordStart ? startFlag : 0)
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
                                phone: pBase + Int(s.phoneStart), Int(s.phoneLen)) { key, flags in
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

    // MARK: Segments

    /// Contiguous storage for a set of documents.
    struct Segment: Sendable {
        /// Folded "last first middle" of each document (skeletons, see
        /// `SearchNormalizer.fold`), back to back.
        var text: [UInt8] = []
        /// Sort key of each document: transliterated lowercase
        /// last 0x00 first 0x00 middle.
        var keys: [UInt8] = []
        /// Normalised phone digits.
        var phones: [UInt8] = []
        var slots: [Slot] = []
        var alive: [Bool] = []
        var dead = 0
        /// Trigram postings of every slot (main segments of at least
        /// `GramIndex.minimumDocuments` documents; built by `merged`).
        var grams = GramIndex()
        /// Trigram signature of every slot (tail segments only).
        var signatures: [Signature] = []
        /// Every slot, sorted by name (tail segments only).
        var order: [Int32] = []

        var approximateBytes: Int {
            text.capacity + keys.capacity + phones.capacity + alive.capacity
                + slots.capacity * MemoryLayout<Slot>.stride
                + signatures.capacity * MemoryLayout<Signature>.stride + order.capacity * 4
                + grams.approximateBytes + 6 * 32
        }

        /// Adds document `i` of `src`, whose signature is in
        /// `src.signatures[i]`, to this tail segment.
        mutating func appendToTail(_ i: Int, from src: Segment) -> Int32 {
            let index = appendCopy(of: i, from: src)
            signatures.append(src.signatures[i])
            let slot = slots[Int(index)]
            var lo = 0, hi = order.count
            keys.withUnsafeBufferPointer { k in
                slots.withUnsafeBufferPointer { sl in
                    order.withUnsafeBufferPointer { ord in
                        while lo < hi {
                            let mid = (lo + hi) / 2
                            if Self.less(sl[Int(ord[mid])], k, slot, k) { lo = mid + 1 } else { hi = mid }
                        }
                    }
                }
            }
            order.insert(index, at: lo)
            return index
        }

        /// Copies document `i` of `src` to the end of this segment.
        @discardableResult
        mutating func appendCopy(of i: Int, from src: Segment) -> Int32 {
            let s = src.slots[i]
            var n = s
            n.textStart = Int32(text.count)
            n.keyStart = Int32(keys.count)
            n.phoneStart = Int32(phones.count)
            text.append(contentsOf: src.text[Int(s.textStart)..<Int(s.textStart + s.textLen)])
            keys.append(contentsOf: src.keys[Int(s.keyStart)..<Int(s.keyStart + s.keyLen)])
            if s.phoneLen > 0 {
                phones.append(contentsOf: src.phones[Int(s.phoneStart)..<Int(s.phoneStart + s.phoneLen)])
            }
            slots.append(n)
            alive.append(true)
            return Int32(slots.count - 1)
        }

        /// Trigram signature of document `i`.
        func signature(of i: Int) -> Signature {
            var sig = Signature()
            let s = slots[i]
            text.withUnsafeBufferPointer { t in
                phones.withUnsafeBufferPointer { p in
                    let dummy = UnsafePointer<UInt8>(bitPattern: 1)!
                    forEachGram(text: (t.baseAddress ?? dummy) + Int(s.textStart), Int(s.textLen),
                                lastLen: Int(s.lastLen),
                                phone: (p.baseAddress ?? dummy) + Int(s.phoneStart), Int(s.phoneLen)) { key, _ in
                        sig.insert(key)
                    }
                }
            }
            return sig
        }

        static func uuidLess(_ a: UUID, _ b: UUID) -> Bool {
            withUnsafeBytes(of: a.uuid) { pa in
                withUnsafeBytes(of: b.uuid) { pb in
                    for k in 0..<16 where pa[k] != pb[k] { return pa[k] < pb[k] }
                    return false
                }
            }
        }

        @inline(__always)
        static func less(_ a: Slot, _ ak: UnsafeBufferPointer<UInt8>, _ b: Slot, _ bk: UnsafeBufferPointer<UInt8>) -> Bool {
            if a.keyPrefix != b.keyPrefix { return a.keyPrefix < b.keyPrefix }
            let al = Int(a.keyLen), bl = Int(b.keyLen)
            let ap = ak.baseAddress! + Int(a.keyStart), bp = bk.baseAddress! + Int(b.keyStart)
            let n = min(al, bl)
            var k = min(8, n)
            while k < n {
                if ap[k] != bp[k] { return ap[k] < bp[k] }
                k += 1
            }
            if al != bl { return al < bl }
            return uuidLess(a.id, b.id)
        }

        static func less(_ i: Int, in sa: Segment, _ j: Int, in sb: Segment) -> Bool {
            sa.keys.withUnsafeBufferPointer { ak in
                sb.keys.withUnsafeBufferPointer { bk in
                    // Keys are never empty (they contain two 0 separators).
                    less(sa.slots[i], ak, sb.slots[j], bk)
                }
            }
        }

        /// Live indices of `seg` in sort order.
        static func sortedLiveIndices(_ seg: Segment) -> [Int32] {
            var idx: [Int32] = []
            idx.reserveCapacity(seg.slots.count - seg.dead)
            if seg.order.count == seg.slots.count {
                for i in seg.order where seg.alive[Int(i)] { idx.append(i) }
                return idx
            }
            for i in seg.slots.indices where seg.alive[i] { idx.append(Int32(i)) }
            seg.keys.withUnsafeBufferPointer { keys in
                seg.slots.withUnsafeBufferPointer { slots in
                    idx.sort { less(slots[Int($0)], keys, slots[Int($1)], keys) }
                }
            }
            return idx
        }

        /// A new sorted segment, with its trigram index, holding the live
        /// documents of `sorted` (already in order) and `unsorted`.
        static func merged(sorted: Segment, unsorted: Segment) -> Segment {
            var a: [Int32] = []
            a.reserveCapacity(sorted.slots.count - sorted.dead)
            for i in sorted.slots.indices where sorted.alive[i] { a.append(Int32(i)) }
            let b = sortedLiveIndices(unsorted)
            var out = Segment()
            out.text.reserveCapacity(sorted.text.count + unsorted.text.count)
            out.keys.reserveCapacity(sorted.keys.count + unsorted.keys.count)
            out.phones.reserveCapacity(sorted.phones.count + unsorted.phones.count)
            out.slots.reserveCapacity(a.count + b.count)
            out.alive.reserveCapacity(a.count + b.count)
            sorted.keys.withUnsafeBufferPointer { ak in
                unsorted.keys.withUnsafeBufferPointer { bk in
                    var i = 0, j = 0
                    while i < a.count || j < b.count {
                        let takeA: Bool
                        if i == a.count { takeA = false }
                        else if j == b.count { takeA = true }
                        else { takeA = !less(unsorted.slots[Int(b[j])], bk, sorted.slots[Int(a[i])], ak) }
                        if takeA { out.appendCopy(of: Int(a[i]), from: sorted); i += 1 }
                        else { out.appendCopy(of: Int(b[j]), from: unsorted); j += 1 }
                    }
                }
            }
            out.grams = GramIndex.build(out)
            return out
        }

        /// Appends the matching live documents to `hits` by rank, in name
        /// order. Main segments (sorted by name): through the trigram index
        /// when the query has trigrams, else by scanning every slot. Tail
        /// segments: every slot in `order`, skipping those whose signature
        /// rules them out.
        func search(_ q: CompiledQuery, into hits: inout Hits) {
            let n = slots.count
            if n == 0 { return }
            text.withUnsafeBufferPointer { textBuf in
            phones.withUnsafeBufferPointer { phoneBuf in
            slots.withUnsafeBufferPointer { slotBuf in
            alive.withUnsafeBufferPointer { aliveBuf in
            q.bytes.withUnsafeBufferPointer { qb in
            q.words.withUnsafeBufferPointer { words in
                // Empty arrays may have a nil base address; use a dummy.
                let dummy = UnsafePointer<UInt8>(bitPattern: 1)!
                let v = Verifier(
                    text: textBuf.baseAddress ?? dummy, phones: phoneBuf.baseAddress ?? dummy,
                    slots: slotBuf.baseAddress!, query: qb.baseAddress ?? dummy, queryCount: qb.count,
                    words: words)
                if !order.isEmpty {
                    order.withUnsafeBufferPointer { ord in
                    signatures.withUnsafeBufferPointer { sigs in
                        let want = q.signature
                        for j in ord {
                            let i = Int(j)
                            guard aliveBuf[i] else { continue }
                            switch q.kind {
                            case .all: hits.r0.append(j)
                            case .phone: if sigs[i].covers(want) { hits.add(v.phoneRank(i), j) }
                            case .name: if sigs[i].covers(want) { hits.add(v.nameRank(i), j) }
                            }
                        }
                    }}
                    return
                }
                switch q.kind {
                case .all:
                    for i in 0..<n where aliveBuf[i] { hits.r0.append(Int32(i)) }
                case .phone, .name:
                    let isPhone = q.kind == .phone
                    if q.windowed && !grams.isEmpty {
                        searchWindowed(q, aliveBuf, into: &hits)
                    } else if q.grams.isEmpty || grams.isEmpty {
                        for i in 0..<n where aliveBuf[i] {
                            hits.add(isPhone ? v.phoneRank(i) : v.nameRank(i), Int32(i))
                        }
                    } else {
                        searchIndexed(q, isPhone: isPhone, v, aliveBuf, into: &hits)
                    }
                }
            }}}}}}
        }

        /// A list is intersected only while it is at most this many times
        /// longer than the rarest one; beyond that, verifying the surplus
        /// candidates is cheaper than decoding the list.
        static let intersectRatio: UInt32 = 8
        /// At most this many lists besides the rarest are intersected.
        static let maxIntersected = 3

        /// Index-driven part of `search`: candidates are the slots in every
        /// chosen posting list. If the query is `exactFromGrams` every list is
        /// intersected and the rank follows from the entry flags; otherwise
        /// the candidates are verified with `v`.
        private func searchIndexed(_ q: CompiledQuery, isPhone: Bool, _ v: Verifier,
                                   _ alive: UnsafeBufferPointer<Bool>, into hits: inout Hits) {
            // (list size in bytes, trigram number, position in q.grams), rarest first.
            var lists: [(count: UInt32, gram: Int, query: Int)] = []
            lists.reserveCapacity(q.grams.count)
            for (k, key) in q.grams.enumerated() {
                guard let g = grams.find(key) else { return } // no document has it
                lists.append((grams.starts[g + 1] - grams.starts[g], g, k))
            }
            lists.sort { $0.count < $1.count }
            let exact = q.exactFromGrams
            let limit = lists[0].count.multipliedReportingOverflow(by: Self.intersectRatio)
            var cursors: [PostingCursor] = []
            cursors.reserveCapacity(lists.count)
            var firstWordCursor = 0
            // Cursor of the leading trigram of each query word, if intersected.
            var leadCursor = [Int](repeating: -1, count: q.words.count)
            for (k, l) in lists.enumerated() {
                if !exact && k > 0 && (k > Self.maxIntersected || (!limit.overflow && l.count > limit.partialValue)) {
                    break
                }
                if l.query == q.firstWordGram { firstWordCursor = k }
                for (w, word) in q.words.enumerated() where word.leadGram == l.query { leadCursor[w] = k }
                cursors.append(PostingCursor(start: Int(grams.starts[l.gram]), end: Int(grams.starts[l.gram + 1])))
            }
            // (word, cursor) pairs for `Verifier.nameRank` limits.
            let leads = leadCursor.enumerated().filter { $0.offset < 32 && $0.element >= 0 }
            grams.postings.withUnsafeBufferPointer { pb in
            cursors.withUnsafeMutableBufferPointer { cur in
            withUnsafeTemporaryAllocation(of: Int.self, capacity: Self.batchSize) { batch in
            withUnsafeTemporaryAllocation(of: UInt64.self, capacity: Self.batchSize) { batchLimits in
                let p = pb.baseAddress!
                let others = cur.count
                var pending = 0
                // Candidates are verified in batches: touching the slot and
                // first text byte of a whole batch first lets the CPU overlap
                // the cache misses instead of taking them one by one.
                func flush() {
                    var sink: UInt8 = 0
                    for k in 0..<pending { sink &+= isPhone ? v.touchPhone(batch[k]) : v.touchText(batch[k]) }
                    hits.sink &+= sink
                    for k in 0..<pending {
                        let i = batch[k]
                        hits.add(isPhone ? v.phoneRank(i) : v.nameRank(i, limits: batchLimits[k]),
                                 Int32(truncatingIfNeeded: i))
                    }
                    pending = 0
                }
                candidates: while cur[0].next(p) {
                    let i = cur[0].value
                    var k = 1
                    while k < others {
                        while cur[k].value < i {
                            if !cur[k].next(p) { break candidates }
                        }
                        if cur[k].value != i { continue candidates }
                        k += 1
                    }
                    if !alive[i] { continue }
                    if exact {
                        // Phone: flag = the number is exactly the three digits.
                        // Name: every word is one trigram; see `Verifier.nameRank`.
                        let rank: Int
                        if isPhone {
                            rank = cur[0].flags != 0 ? 0 : 1
                        } else {
                            var substringOnly = false
                            for c in 0..<others where cur[c].flags == 0 { substringOnly = true }
                            rank = substringOnly ? 2 : (cur[firstWordCursor].flags & Int(startsLastWord) != 0 ? 0 : 1)
                        }
                        hits.add(rank, Int32(truncatingIfNeeded: i))
                        continue
                    }
                    // The flags of a word's leading trigram cap the class the
                    // word can reach in this document (2 bits per word).
                    var limits = Verifier.noLimits
                    for (w, c) in leads {
                        let f = cur[c].flags
                        let cap: UInt64 = f & Int(startsLastWord) != 0 ? 3 : (f != 0 ? 2 : 1)
                        let shift = 2 * UInt64(w)
                        limits = limits & ~(3 << shift) | cap << shift
                    }
                    batch[pending] = i
                    batchLimits[pending] = limits
                    pending += 1
                    if pending == Self.batchSize { flush() }
                }
                flush()
            }}}}
        }

        static let batchSize = 32

        /// Slots handled per window by `searchWindowed` (a multiple of 8).
        static let windowSize = 4096

        /// Index-driven search for `CompiledQuery.windowed` queries: a word
        /// of three bytes is one posting list, a word of two bytes `a b` is
        /// the union of the lists of every trigram `a b x` (consecutive keys,
        /// including the word-end trigram). Slots are processed in windows:
        /// each word's lists are decoded into a byte per slot of the window
        /// (bit 0: present; bits 1-2: entry flags, OR-ed), then the window is
        /// read in slot order. No byte check is needed: a word occurs iff one
        /// of its trigrams does, and the flags tell whether it starts a word.
        private func searchWindowed(_ q: CompiledQuery, _ alive: UnsafeBufferPointer<Bool>, into hits: inout Hits) {
            let wc = q.words.count
            var cursors: [PostingCursor] = []
            var wordOf: [Int] = []
            var firstWord = 0
            for (w, word) in q.words.enumerated() {
                if word.isFirst { firstWord = w }
                let a = q.bytes[word.start], b = q.bytes[word.start + 1]
                let range: ClosedRange<UInt32> = word.length == 3
                    ? nameGram(a, b, q.bytes[word.start + 2])...nameGram(a, b, q.bytes[word.start + 2])
                    : nameGram(a, b, 0)...nameGram(a, b, 0xFF)
                var g = grams.lowerBound(range.lowerBound)
                let before = cursors.count
                while g < grams.keys.count && grams.keys[g] <= range.upperBound {
                    cursors.append(PostingCursor(start: Int(grams.starts[g]), end: Int(grams.starts[g + 1])))
                    wordOf.append(w)
                    g += 1
                }
                if cursors.count == before { return } // no document has this word
            }
            let n = alive.count
            let size = Self.windowSize
            grams.postings.withUnsafeBufferPointer { pb in
            cursors.withUnsafeMutableBufferPointer { cur in
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: size * wc) { window in
                let p = pb.baseAddress!
                for c in 0..<cur.count where !cur[c].next(p) { cur[c].value = .max }
                var base = 0
                while base < n {
                    let end = min(n, base + size)
                    window.initialize(repeating: 0)
                    for c in 0..<cur.count {
                        let row = wordOf[c] * size - base
                        while cur[c].value < end {
                            window[row + cur[c].value] |= 1 | UInt8(truncatingIfNeeded: cur[c].flags << 1)
                            if !cur[c].next(p) { cur[c].value = .max }
                        }
                    }
                    // Walk the present bits of the first word's row 8 slots at
                    // a time (bytes past `end` are 0; `size` is a multiple of 8).
                    let firstRow = UnsafeRawPointer(window.baseAddress! + firstWord * size)
                    var chunk = 0
                    while chunk < end - base {
                        var present = firstRow.loadUnaligned(fromByteOffset: chunk, as: UInt64.self)
                            & 0x0101_0101_0101_0101
                        candidates: while present != 0 {
                            let k = chunk + present.trailingZeroBitCount >> 3
                            present &= present &- 1
                            if !alive[base + k] { continue }
                            let first = window[firstWord * size + k]
                            var substringOnly = first == 1
                            for w in 0..<wc where w != firstWord {
                                let f = window[w * size + k]
                                if f == 0 { continue candidates }
                                if f == 1 { substringOnly = true }
                            }
                            let rank = substringOnly ? 2 : (first & (startsLastWord << 1) != 0 ? 0 : 1)
                            hits.add(rank, Int32(truncatingIfNeeded: base + k))
                        }
                        chunk += 8
                    }
                    base = end
                }
            }}}
        }

        @inline(__always)
        static func equal(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, _ n: Int) -> Bool {
            var k = 0
            while k < n {
                if a[k] != b[k] { return false }
                k += 1
            }
            return true
        }

        @inline(__always)
        static func contains(_ h: UnsafePointer<UInt8>, _ n: Int, _ w: UnsafePointer<UInt8>, _ m: Int) -> Bool {
            if m > n { return false }
            if m == 0 { return true }
            let f = w[0]
            var i = 0
            let end = n - m
            while i <= end {
                if h[i] == f && equal(h + i + 1, w + 1, m - 1) { return true }
                i += 1
            }
            return false
        }

        /// Best occurrence class of `w` in the haystack: 0 absent, 1 substring,
        /// 2 at a word start, 3 at a word start inside the last name. Stops as
        /// soon as a class >= `want` is found.
        @inline(__always)
        static func find(_ h: UnsafePointer<UInt8>, _ n: Int, _ w: UnsafePointer<UInt8>, _ m: Int,
                         lastLen: Int, want: Int) -> Int {
            if m > n { return 0 }
            let f = w[0]
            var best = 0
            var i = 0
            let end = n - m
            while i <= end {
                if h[i] == f && equal(h + i + 1, w + 1, m - 1) {
                    let cls = (i == 0 || h[i - 1] == 0x20) ? (i < lastLen ? 3 : 2) : 1
                    if cls > best {
                        best = cls
                        if best >= want { return best }
                    }
                }
                i += 1
            }
            return best
        }
    }

    /// The byte checks that decide whether a document matches a query, and
    /// with which rank (-1: no match).
    struct Verifier {
        let text: UnsafePointer<UInt8>
        let phones: UnsafePointer<UInt8>
        let slots: UnsafePointer<Slot>
        let query: UnsafePointer<UInt8>
        let queryCount: Int
        let words: UnsafeBufferPointer<CompiledQuery.Word>

        /// Loads what `nameRank(i)` will read first; returns a byte of it.
        @inline(__always)
        func touchText(_ i: Int) -> UInt8 {
            let s = slots[i]
            return s.textLen > 0 ? text[Int(s.textStart)] : 0
        }

        /// Loads what `phoneRank(i)` will read first; returns a byte of it.
        @inline(__always)
        func touchPhone(_ i: Int) -> UInt8 {
            let s = slots[i]
            return s.phoneLen > 0 ? phones[Int(s.phoneStart)] : 0
        }

        /// Phone query: 0 for the exact number, 1 for a fragment.
        @inline(__always)
        func phoneRank(_ i: Int) -> Int {
            let s = slots[i]
            let m = queryCount
            let pl = Int(s.phoneLen)
            if pl < m { return -1 }
            let p = phones + Int(s.phoneStart)
            if pl == m && Segment.equal(p, query, m) { return 0 }
            return Segment.contains(p, pl, query, m) ? 1 : -1
        }

        /// `nameRank` limits that cap nothing.
        static let noLimits: UInt64 = .max

        /// Name query: every word must occur (digit-only words may occur in
        /// the phone instead); see `PatientSearchIndex.search` for the ranks.
        /// `limits` holds, 2 bits per word (in `words` order, first 32), the
        /// best occurrence class (see `Segment.find`) the word can reach in
        /// this document, so the search for it can stop early.
        @inline(__always)
        func nameRank(_ i: Int, limits: UInt64 = noLimits) -> Int {
            let s = slots[i]
            let t = text + Int(s.textStart)
            let tl = Int(s.textLen)
            let ll = Int(s.lastLen)
            var substringOnly = false
            var firstInLast = false
            for w in 0..<words.count {
                let word = words[w]
                let wp = query + word.start
                if word.digits, s.phoneLen > 0,
                   Segment.contains(phones + Int(s.phoneStart), Int(s.phoneLen), wp, word.length) {
                    continue
                }
                var want: Int = word.isFirst ? 3 : (substringOnly ? 1 : 2)
                if w < 32 { want = min(want, Int(truncatingIfNeeded: limits >> (2 * UInt64(w))) & 3) }
                let cls = Segment.find(t, tl, wp, word.length, lastLen: ll, want: want)
                if cls == 0 { return -1 }
                if cls == 1 { substringOnly = true }
                if word.isFirst && cls == 3 { firstInLast = true }
            }
            return substringOnly ? 2 : (firstInLast ? 0 : 1)
        }
    }

    /// Matches of one segment, by rank (slot indices in name order).
    struct Hits {
        var r0: [Int32] = []
        var r1: [Int32] = []
        var r2: [Int32] = []
        /// Bytes loaded only to warm the cache (kept so they are not optimised away).
        var sink: UInt8 = 0
        var count: Int { r0.count + r1.count + r2.count }

        @inline(__always)
        mutating func add(_ rank: Int, _ i: Int32) {
            switch rank {
            case 0: r0.append(i)
            case 1: r1.append(i)
            case 2: r2.append(i)
            default: break
            }
        }

        func list(_ r: Int) -> [Int32] {
            r == 0 ? r0 : (r == 1 ? r1 : r2)
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

    struct Shard: Sendable {
        var main = Segment()
        var tail = Segment()
        var live = 0

        var needsRebuild: Bool {
            let tailLimit = min(2048, max(64, main.slots.count / 16))
            return tail.slots.count > tailLimit || main.dead + tail.dead > max(64, live / 4)
        }
    }

    struct State: Sendable {
        var shards: [UUID: Shard] = [:]
        var locations: [UUID: Location] = [:]

        /// Tombstones the document at `loc` (the caller handles `locations`).
        mutating func kill(_ loc: Location) {
            guard var shard = shards.removeValue(forKey: loc.owner) else { return }
            let i = Int(loc.index)
            if loc.inTail {
                if shard.tail.alive[i] { shard.tail.alive[i] = false; shard.tail.dead += 1; shard.live -= 1 }
            } else {
                if shard.main.alive[i] { shard.main.alive[i] = false; shard.main.dead += 1; shard.live -= 1 }
            }
            store(shard, owner: loc.owner)
        }

        /// Puts `shard` back, compacting it first if it needs it.
        mutating func store(_ shard: Shard, owner: UUID) {
            if shard.live <= 0 { return }
            if !shard.needsRebuild {
                shards[owner] = shard
                return
            }
            let main = Segment.merged(sorted: shard.main, unsorted: shard.tail)
            for (i, slot) in main.slots.enumerated() {
                locations[slot.id] = Location(owner: owner, inTail: false, index: Int32(i))
            }
            shards[owner] = Shard(main: main, tail: Segment(), live: main.slots.count)
        }
    }
}

/// Top-level aliases so callers can write either `SearchDocument` or
/// `PatientSearchIndex.SearchDocument`.
public typealias SearchDocument = PatientSearchIndex.SearchDocument
public typealias SearchPage = PatientSearchIndex.SearchPage
