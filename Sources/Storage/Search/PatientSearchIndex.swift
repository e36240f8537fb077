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
/// index (`GramIndex`): for every byte trigram (vowels a, o, u as one) inside
/// a word of the name's key (plus each word's last two bytes followed by an end-of-word marker),
/// and every trigram of the phone digits, the ascending list of slots
/// containing it, with two flags per entry telling whether the trigram starts
/// a word of the last name / a later word. A query word of three or more
/// bytes (not only digits) can only match documents holding all of its
/// trigrams, so the search walks the rarest list, intersects it with the
/// other lists that are short enough and verifies only those candidates with
/// the same byte checks a full scan would use (which also classify the rank;
/// shorter words of the query are checked there too). Slots come out
/// ascending, i.e. already in name order. A phone query of exactly three
/// digits is decided by its list alone (the flag gives the rank); queries
/// made of two- and three-byte words take as candidates the slots holding
/// every word, a two-byte word `a b` being the union of the lists of
/// `a b *`. Phone queries use the phone trigrams. Only queries without
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

    let state = Mutex(State())

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
    /// - Otherwise the query's spelling key (`SearchNormalizer.key`) is split
    ///   into words; every word must occur in the key of the "last first
    ///   middle" name, vowels compared by `SearchNormalizer.matches`; the
    ///   query's -illo/-iddin vowel swaps and aliases are searched too. Ranks
    ///   are tier × 3 + class. Tier 0: the same bytes, and the transliterated
    ///   query in the transliterated name written in the query's script;
    ///   1: the same bytes; 2: vowels matched loosely or a vowel-swap
    ///   variant; 3: an alias. Class 0: all words are word prefixes and the
    ///   first word is a prefix of (a word of) the last name; 1: all words
    ///   are word prefixes; 2: substring matches. Within a rank, ordered by
    ///   name then id. A query word made only of digits is matched against
    ///   the phone instead (e.g. "Karimov 4567").
    public func search(ownerID: UUID, query: String?, limit: Int, offset: Int) -> SearchPage {
        let plan = QueryPlan(query)
        guard let shard = state.withLock({ $0.shards[ownerID] }) else {
            return SearchPage(total: 0, ids: [])
        }
        if plan.kind == .all {
            return Self.pageAll(shard: shard, limit: limit, offset: offset)
        }
        var mainHits = Hits()
        var tailHits = Hits()
        shard.main.search(plan, into: &mainHits)
        shard.tail.search(plan, into: &tailHits)
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
                for r in 0..<Hits.rankCount where need > 0 {
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

/// Top-level aliases so callers can write either `SearchDocument` or
/// `PatientSearchIndex.SearchDocument`.
public typealias SearchDocument = PatientSearchIndex.SearchDocument
public typealias SearchPage = PatientSearchIndex.SearchPage
