import Foundation

extension PatientSearchIndex {
    /// The byte checks that decide whether a document matches a query, and
    /// with which rank (-1: no match).
    struct Verifier {
        let text: UnsafePointer<UInt8>
        let phones: UnsafePointer<UInt8>
        let slots: UnsafePointer<Slot>
        let query: UnsafePointer<UInt8>
        let queryCount: Int
        let words: UnsafeBufferPointer<CompiledQuery.Word>
        /// Sort keys (transliterated names) and the transliterated query, for tier 0.
        let keys: UnsafePointer<UInt8>
        let raw: UnsafePointer<UInt8>
        let rawWords: UnsafeBufferPointer<Range<Int>>
        let marks: UnsafePointer<UInt8>
        let cyrillic: Bool
        let plain: Bool
        let floor: Int

        /// Loads what `nameRank(i)` will read first; returns a byte of it.
        @inline(__always)
        func touchText(_ i: Int) -> UInt8 {
            let s = slots[i]
            return (s.textLen > 0 ? text[Int(s.textStart)] : 0) &+ keys[Int(s.keyStart)]
        }

        /// Loads what `sameSpelling(i)` will read; returns a byte of it.
        @inline(__always)
        func touchKey(_ i: Int) -> UInt8 {
            let mark = marks[i]
            if floor > 0 || plain && mark & Segment.plainMark != 0 { return mark }
            return mark &+ keys[Int(slots[i].keyStart)]
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
        /// the phone instead); returns `tier * 3 + class`, where the class is
        /// as in `PatientSearchIndex.search` and the tier as in
        /// `CompiledQuery.floor`, or -1. `limits` holds, 2 bits per word (in
        /// `words` order, first 32), the best occurrence class (see
        /// `Segment.find`) the word can reach in this document, so the search
        /// for it can stop early.
        @inline(__always)
        func nameRank(_ i: Int, limits: UInt64 = noLimits) -> Int {
            let s = slots[i]
            let t = text + Int(s.textStart)
            let tl = Int(s.textLen)
            let ll = Int(s.lastLen)
            // First with the same bytes only (the common case, and the cheap
            // one); then, if some word needs it, with vowels matched loosely.
            var substringOnly = false, firstInLast = false
            for pass in 0..<2 {
                let loose = pass == 1
                substringOnly = false
                firstInLast = false
                var missing = false
                for w in 0..<words.count {
                    let word = words[w]
                    let wp = query + word.start
                    if word.digits, s.phoneLen > 0,
                       Segment.contains(phones + Int(s.phoneStart), Int(s.phoneLen), wp, word.length) {
                        continue
                    }
                    var want: Int = word.isFirst ? 3 : (substringOnly ? 1 : 2)
                    if w < 32 { want = min(want, Int(truncatingIfNeeded: limits >> (2 * UInt64(w))) & 3) }
                    let cls = loose
                        ? Segment.findLoose(t, tl, wp, word.length, lastLen: ll, want: want)
                        : Segment.find(t, tl, wp, word.length, lastLen: ll, want: want)
                    if cls == 0 {
                        if loose { return -1 }
                        missing = true
                        break
                    }
                    if cls == 1 { substringOnly = true }
                    if word.isFirst && cls == 3 { firstInLast = true }
                }
                if missing { continue }
                return tiered(loose ? 2 : (sameSpelling(i) ? 0 : 1), substringOnly: substringOnly, firstInLast: firstInLast)
            }
            return -1
        }

        /// The rank of a match of `tier` (raised to the query's floor) and class.
        @inline(__always)
        func tiered(_ tier: Int, substringOnly: Bool, firstInLast: Bool) -> Int {
            max(floor, tier) * 3 + (substringOnly ? 2 : (firstInLast ? 0 : 1))
        }

        /// Tier 0: the document is written in the query's script and every
        /// transliterated query word occurs in its transliterated name.
        @inline(__always)
        func sameSpelling(_ i: Int) -> Bool {
            if floor > 0 { return false }
            // The marks (a byte per document) settle most documents without
            // reading the slot and the sort key.
            let mark = marks[i]
            if (mark & Segment.cyrillicMark != 0) != cyrillic { return false }
            if plain && mark & Segment.plainMark != 0 { return true }
            let s = slots[i]
            let k = keys + Int(s.keyStart)
            let kl = Int(s.keyLen)
            for r in rawWords where !Segment.contains(k, kl, raw + r.lowerBound, r.count) {
                return false
            }
            return true
        }
    }

    /// Matches of one segment, by rank (slot indices in name order).
    struct Hits {
        /// Ranks: tier (0-3) × 3 + class (0-2).
        static let rankCount = 12
        var lists = [[Int32]](repeating: [], count: rankCount)
        /// Bytes loaded only to warm the cache (kept so they are not optimised away).
        var sink: UInt8 = 0
        var count: Int { lists.reduce(0) { $0 + $1.count } }

        @inline(__always)
        mutating func add(_ rank: Int, _ i: Int32) {
            if rank >= 0 && rank < Self.rankCount { lists[rank].append(i) }
        }

        func list(_ r: Int) -> [Int32] { lists[r] }

        /// The hits of several queries over one segment: each slot once, at
        /// its best rank, in name order (`before`).
        static func merged(_ all: [Hits], before: (Int32, Int32) -> Bool) -> Hits {
            var best: [Int32: Int] = [:]
            for hits in all {
                for (r, list) in hits.lists.enumerated() {
                    for i in list where best[i].map({ r < $0 }) ?? true { best[i] = r }
                }
            }
            var out = Hits()
            for (i, r) in best { out.lists[r].append(i) }
            for r in 0..<rankCount where out.lists[r].count > 1 { out.lists[r].sort(by: before) }
            return out
        }
    }
}
