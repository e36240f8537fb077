import Foundation
import Synchronization

/// In-memory search index over the decrypted names and phone numbers of
/// patients. Nothing is persisted: the index is rebuilt with `replaceAll` at
/// unlock and kept in step with `upsert` / `remove`.
///
/// Layout: documents are grouped per owner ("shard"). Each shard holds a
/// *main* segment, physically sorted by name, and a small unsorted *tail*
/// segment that receives upserts. A segment stores the folded bytes of every
/// document contiguously (one arena for the search text, one for sort keys,
/// one for phone digits), so a search is a tight byte scan with no String
/// work and no per-document allocation. Removed/replaced documents are
/// tombstoned; the tail is merged into main (and tombstones are dropped) once
/// it grows past a small fraction of main, so writes stay cheap (amortised)
/// and the name order of main never has to be recomputed by a search.
///
/// Concurrency: all state lives in a `Mutex`; a search only copies the owner's
/// shard (a few array references, copy-on-write) under the lock and scans it
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
        state.withLock { st in
            if let old = st.locations[doc.id] { st.kill(old) }
            var shard = st.shards.removeValue(forKey: doc.ownerID) ?? Shard()
            let index = shard.tail.appendCopy(of: 0, from: one)
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

    /// Rough estimate of the bytes held by the index.
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
        var mainHits = Hits()
        var tailHits = Hits()
        shard.main.scan(compiled, into: &mainHits)
        if !shard.tail.slots.isEmpty {
            shard.tail.scan(compiled, into: &tailHits)
            tailHits.sort(in: shard.tail)
        }
        return Self.page(shard: shard, main: mainHits, tail: tailHits, limit: limit, offset: offset)
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

        var approximateBytes: Int {
            text.capacity + keys.capacity + phones.capacity + alive.capacity
                + slots.capacity * MemoryLayout<Slot>.stride + 5 * 32
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
            for i in seg.slots.indices where seg.alive[i] { idx.append(Int32(i)) }
            seg.keys.withUnsafeBufferPointer { keys in
                seg.slots.withUnsafeBufferPointer { slots in
                    idx.sort { less(slots[Int($0)], keys, slots[Int($1)], keys) }
                }
            }
            return idx
        }

        /// A new sorted segment holding the live documents of `sorted`
        /// (already in order) and `unsorted`.
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
            return out
        }

        /// Appends the matching live documents to `hits` by rank, in slot order.
        func scan(_ q: CompiledQuery, into hits: inout Hits) {
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
                let tBase = textBuf.baseAddress ?? dummy
                let pBase = phoneBuf.baseAddress ?? dummy
                let qBase = qb.baseAddress ?? dummy
                switch q.kind {
                case .all:
                    for i in 0..<n where aliveBuf[i] { hits.r0.append(Int32(i)) }
                case .phone:
                    let m = qb.count
                    for i in 0..<n where aliveBuf[i] {
                        let s = slotBuf[i]
                        let pl = Int(s.phoneLen)
                        if pl < m { continue }
                        let p = pBase + Int(s.phoneStart)
                        if pl == m && Self.equal(p, qBase, m) {
                            hits.r0.append(Int32(i))
                        } else if Self.contains(p, pl, qBase, m) {
                            hits.r1.append(Int32(i))
                        }
                    }
                case .name:
                    let wc = words.count
                    slotLoop: for i in 0..<n where aliveBuf[i] {
                        let s = slotBuf[i]
                        let t = tBase + Int(s.textStart)
                        let tl = Int(s.textLen)
                        let ll = Int(s.lastLen)
                        var substringOnly = false
                        var firstInLast = false
                        for w in 0..<wc {
                            let word = words[w]
                            let wp = qBase + word.start
                            if word.digits, s.phoneLen > 0,
                               Self.contains(pBase + Int(s.phoneStart), Int(s.phoneLen), wp, word.length) {
                                continue
                            }
                            let want: Int = word.isFirst ? 3 : (substringOnly ? 1 : 2)
                            let cls = Self.find(t, tl, wp, word.length, lastLen: ll, want: want)
                            if cls == 0 { continue slotLoop }
                            if cls == 1 { substringOnly = true }
                            if word.isFirst && cls == 3 { firstInLast = true }
                        }
                        if substringOnly { hits.r2.append(Int32(i)) }
                        else if firstInLast { hits.r0.append(Int32(i)) }
                        else { hits.r1.append(Int32(i)) }
                    }
                }
            }}}}}}
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

    /// Matches of one segment, by rank (slot indices in slot order, or in
    /// name order after `sort`).
    struct Hits {
        var r0: [Int32] = []
        var r1: [Int32] = []
        var r2: [Int32] = []
        var count: Int { r0.count + r1.count + r2.count }

        func list(_ r: Int) -> [Int32] {
            r == 0 ? r0 : (r == 1 ? r1 : r2)
        }

        mutating func sort(in seg: Segment) {
            seg.keys.withUnsafeBufferPointer { keys in
                seg.slots.withUnsafeBufferPointer { slots in
                    let by: (Int32, Int32) -> Bool = { Segment.less(slots[Int($0)], keys, slots[Int($1)], keys) }
                    if r0.count > 1 { r0.sort(by: by) }
                    if r1.count > 1 { r1.sort(by: by) }
                    if r2.count > 1 { r2.sort(by: by) }
                }
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
        }
        var kind: Kind = .all
        /// Phone digits (kind .phone) or the folded query (kind .name).
        var bytes: [UInt8] = []
        /// Words in evaluation order (longest first).
        var words: [Word] = []

        init(_ query: String?) {
            guard let query, !query.allSatisfy(\.isWhitespace) else { return }
            if let digits = SearchNormalizer.phoneQueryDigits(query) {
                kind = .phone
                bytes = Array(digits.utf8)
                return
            }
            var raw: [UInt8] = []
            SearchNormalizer.transliterate(query, into: &raw)
            SearchNormalizer.skeleton(raw, into: &bytes)
            var start = 0
            var isFirst = true
            for k in 0...bytes.count where k == bytes.count || bytes[k] == 0x20 {
                if k > start {
                    let digits = bytes[start..<k].allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
                    words.append(Word(start: start, length: k - start, digits: digits, isFirst: isFirst))
                    isFirst = false
                }
                start = k + 1
            }
            if words.isEmpty { return }
            words.sort { $0.length > $1.length }
            kind = .name
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
