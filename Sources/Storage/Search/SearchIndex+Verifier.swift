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
}
