import Foundation

extension PatientSearchIndex {
    // MARK: Segments

    /// Contiguous storage for a set of documents.
    struct Segment: Sendable {
        /// Spelling key of "last first middle" of each document (see
        /// `SearchNormalizer.key`), back to back.
        var text: [UInt8] = []
        /// Sort key of each document: transliterated lowercase
        /// last 0x00 first 0x00 middle.
        var keys: [UInt8] = []
        /// Normalised phone digits.
        var phones: [UInt8] = []
        var slots: [Slot] = []
        var alive: [Bool] = []
        /// Per document: `cyrillicMark` if the name is written in Cyrillic,
        /// `plainMark` if every part's key is its transliteration unchanged
        /// (see `Verifier.sameSpelling`).
        var marks: [UInt8] = []
        static let cyrillicMark: UInt8 = 1
        static let plainMark: UInt8 = 2
        var dead = 0
        /// Trigram postings of every slot (main segments of at least
        /// `GramIndex.minimumDocuments` documents; built by `merged`).
        var grams = GramIndex()
        /// Trigram signature of every slot (tail segments only).
        var signatures: [Signature] = []
        /// Every slot, sorted by name (tail segments only).
        var order: [Int32] = []

        var approximateBytes: Int {
            text.capacity + keys.capacity + phones.capacity + alive.capacity + marks.capacity
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
            marks.append(src.marks[i])
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
                                phone: (p.baseAddress ?? dummy) + Int(s.phoneStart), Int(s.phoneLen),
                                project: true) { key, _ in
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
            out.marks.reserveCapacity(a.count + b.count)
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

        /// Appends the documents matching any query of `plan` to `hits`,
        /// each at its best rank, in name order.
        func search(_ plan: QueryPlan, into hits: inout Hits) {
            if plan.queries.count == 1 { return search(plan.queries[0], into: &hits) }
            var all: [Hits] = []
            for q in plan.queries {
                var h = Hits()
                search(q, into: &h)
                all.append(h)
            }
            if order.isEmpty {
                hits = Hits.merged(all, before: <)
            } else {
                var position = [Int32](repeating: 0, count: slots.count)
                for (k, i) in order.enumerated() { position[Int(i)] = Int32(k) }
                hits = Hits.merged(all) { position[Int($0)] < position[Int($1)] }
            }
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
            keys.withUnsafeBufferPointer { keyBuf in
            q.raw.withUnsafeBufferPointer { rawBuf in
            q.rawWords.withUnsafeBufferPointer { rawWords in
            marks.withUnsafeBufferPointer { markBuf in
                // Empty arrays may have a nil base address; use a dummy.
                let dummy = UnsafePointer<UInt8>(bitPattern: 1)!
                let v = Verifier(
                    text: textBuf.baseAddress ?? dummy, phones: phoneBuf.baseAddress ?? dummy,
                    slots: slotBuf.baseAddress!, query: qb.baseAddress ?? dummy, queryCount: qb.count,
                    words: words, keys: keyBuf.baseAddress ?? dummy, raw: rawBuf.baseAddress ?? dummy,
                    rawWords: rawWords, marks: markBuf.baseAddress ?? dummy, cyrillic: q.cyrillic, plain: q.plain,
                    floor: q.floor)
                if !order.isEmpty {
                    order.withUnsafeBufferPointer { ord in
                    signatures.withUnsafeBufferPointer { sigs in
                        let want = q.signature
                        for j in ord {
                            let i = Int(j)
                            guard aliveBuf[i] else { continue }
                            switch q.kind {
                            case .all: hits.lists[0].append(j)
                            case .phone: if sigs[i].covers(want) { hits.add(v.phoneRank(i), j) }
                            case .name: if sigs[i].covers(want) { hits.add(v.nameRank(i), j) }
                            }
                        }
                    }}
                    return
                }
                switch q.kind {
                case .all:
                    for i in 0..<n where aliveBuf[i] { hits.lists[0].append(Int32(i)) }
                case .phone, .name:
                    let isPhone = q.kind == .phone
                    if q.windowed && !grams.isEmpty {
                        searchWindowed(q, v, aliveBuf, into: &hits)
                    } else if q.grams.isEmpty || grams.isEmpty {
                        for i in 0..<n where aliveBuf[i] {
                            hits.add(isPhone ? v.phoneRank(i) : v.nameRank(i), Int32(i))
                        }
                    } else {
                        searchIndexed(q, isPhone: isPhone, v, aliveBuf, into: &hits)
                    }
                }
            }}}}}}}}}}
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
            // (lists' size in bytes, the lists, position in q.grams), rarest first.
            var lists: [(count: UInt32, parts: [PostingCursor], query: Int)] = []
            lists.reserveCapacity(q.grams.count)
            for k in q.grams.indices {
                var parts: [PostingCursor] = []
                var size: UInt32 = 0
                for combo in q.groups[k] {
                    guard let g = grams.find(combo) else { continue }
                    parts.append(PostingCursor(start: Int(grams.starts[g]), end: Int(grams.starts[g + 1])))
                    size += grams.starts[g + 1] - grams.starts[g]
                }
                if parts.isEmpty { return } // no document has it
                lists.append((size, parts, k))
            }
            lists.sort { $0.count < $1.count }
            let exact = q.exactFromGrams
            let limit = lists[0].count.multipliedReportingOverflow(by: Self.intersectRatio)
            var cursors: [GroupCursor] = []
            cursors.reserveCapacity(lists.count)
            // Cursor of the leading trigram of each query word, if intersected.
            var leadCursor = [Int](repeating: -1, count: q.words.count)
            for (k, l) in lists.enumerated() {
                if !exact && k > 0 && (k > Self.maxIntersected || (!limit.overflow && l.count > limit.partialValue)) {
                    break
                }
                for (w, word) in q.words.enumerated() where word.leadGram == l.query { leadCursor[w] = k }
                grams.postings.withUnsafeBufferPointer { pb in
                    cursors.append(GroupCursor(parts: l.parts, postings: pb.baseAddress!))
                }
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
                        // A phone query of three digits: the flag says the
                        // number is exactly those digits.
                        hits.add(cur[0].flags != 0 ? 0 : 1, Int32(truncatingIfNeeded: i))
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
        /// of the trigrams it matches does (the lists of every vowel its
        /// letters match are read; those with its own bytes also set the
        /// "same bytes" bits), and the flags tell whether it starts a word.
        /// Only a match with the same bytes reads the document, for tier 0.
        private func searchWindowed(_ q: CompiledQuery, _ v: Verifier, _ alive: UnsafeBufferPointer<Bool>,
                                    into hits: inout Hits) {
            let wc = q.words.count
            var cursors: [PostingCursor] = []
            var wordOf: [Int] = []
            // Per cursor: the window bits it sets (present, or present with the same bytes).
            var sameBytes: [Bool] = []
            var firstWord = 0
            for (w, word) in q.words.enumerated() {
                if word.isFirst { firstWord = w }
                let own = (0..<word.length).map { q.bytes[word.start + $0] }
                var alternatives = own.map(CompiledQuery.matchingBytes)
                if word.length == 2 { alternatives.append([0]) }
                let before = cursors.count
                // Every combination of the bytes each query byte matches.
                var combo = [Int](repeating: 0, count: 3)
                repeat {
                    let x = alternatives[0][combo[0]], y = alternatives[1][combo[1]]
                    let z = alternatives[2][combo[2]]
                    let same = x == own[0] && y == own[1] && (word.length == 2 || z == own[2])
                    let range: ClosedRange<UInt32> = word.length == 3
                        ? nameGram(x, y, z)...nameGram(x, y, z) : nameGram(x, y, 0)...nameGram(x, y, 0xFF)
                    var g = grams.lowerBound(range.lowerBound)
                    while g < grams.keys.count && grams.keys[g] <= range.upperBound {
                        cursors.append(PostingCursor(start: Int(grams.starts[g]), end: Int(grams.starts[g + 1])))
                        wordOf.append(w)
                        sameBytes.append(same)
                        g += 1
                    }
                    var d = 2
                    while d >= 0 {
                        combo[d] += 1
                        if combo[d] < alternatives[d].count { break }
                        combo[d] = 0
                        d -= 1
                    }
                    if d < 0 { break }
                } while true
                if cursors.count == before { return } // no document has this word
            }
            let n = alive.count
            let size = Self.windowSize
            grams.postings.withUnsafeBufferPointer { pb in
            cursors.withUnsafeMutableBufferPointer { cur in
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: size * wc) { window in
            withUnsafeTemporaryAllocation(of: Int.self, capacity: Self.batchSize) { batch in
            withUnsafeTemporaryAllocation(of: Int.self, capacity: Self.batchSize) { batchRank in
                let p = pb.baseAddress!
                var pending = 0
                // Matches with the same bytes: whether they are tier 0 needs
                // the document's mark and perhaps its sort key; touching those
                // of a whole batch first overlaps the cache misses.
                func flush() {
                    var sink: UInt8 = 0
                    for k in 0..<pending { sink &+= v.touchKey(batch[k]) }
                    hits.sink &+= sink
                    for k in 0..<pending {
                        let rank = batchRank[k]
                        hits.add(v.sameSpelling(batch[k]) ? rank - 3 : rank, Int32(truncatingIfNeeded: batch[k]))
                    }
                    pending = 0
                }
                for c in 0..<cur.count where !cur[c].next(p) { cur[c].value = .max }
                var base = 0
                while base < n {
                    let end = min(n, base + size)
                    window.initialize(repeating: 0)
                    for c in 0..<cur.count {
                        let row = wordOf[c] * size - base
                        let same = sameBytes[c]
                        while cur[c].value < end {
                            let bits = 1 | UInt8(truncatingIfNeeded: cur[c].flags << 1)
                            // Another spelling counts only at a word start.
                            if same { window[row + cur[c].value] |= bits | bits << 3 } else if bits != 1 {
                                window[row + cur[c].value] |= bits
                            }
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
                            // Bits 0-2: present, and the flags over every
                            // matching trigram; bits 3-5: the same for the
                            // trigrams with the query's own bytes.
                            let first = window[firstWord * size + k]
                            var strict = first & 8 != 0
                            var strictSubstring = first >> 3 & 7 == 1
                            var looseSubstring = first & 7 == 1
                            for w in 0..<wc where w != firstWord {
                                let f = window[w * size + k]
                                if f == 0 { continue candidates }
                                if f & 7 == 1 { looseSubstring = true }
                                if f & 8 == 0 { strict = false } else if f >> 3 & 7 == 1 { strictSubstring = true }
                            }
                            let i = base + k
                            if strict {
                                // Tier 0 or 1: decided in batches (see `flush`).
                                batch[pending] = i
                                batchRank[pending] = v.tiered(1, substringOnly: strictSubstring,
                                                              firstInLast: first & (startsLastWord << 4) != 0)
                                pending += 1
                                if pending == Self.batchSize { flush() }
                            } else {
                                hits.add(v.tiered(2, substringOnly: looseSubstring,
                                                  firstInLast: first & (startsLastWord << 1) != 0),
                                         Int32(truncatingIfNeeded: i))
                            }
                        }
                        chunk += 8
                    }
                    base = end
                }
                flush()
            }}}}}
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

        /// `find` with vowels compared by `SearchNormalizer.matches`, where
        /// an occurrence inside a word counts only with the same bytes (a
        /// re-spelling is of a whole name or its start; loosely, two letters
        /// would match inside most names).
        @inline(__always)
        static func findLoose(_ h: UnsafePointer<UInt8>, _ n: Int, _ w: UnsafePointer<UInt8>, _ m: Int,
                              lastLen: Int, want: Int) -> Int {
            if m > n || m == 0 { return 0 }
            var best = 0
            var i = 0
            let end = n - m
            while i <= end {
                let atStart = i == 0 || h[i - 1] == 0x20
                var k = 0
                if atStart {
                    while k < m && SearchNormalizer.matches(w[k], h[i + k]) { k += 1 }
                } else {
                    while k < m && w[k] == h[i + k] { k += 1 }
                }
                if k == m {
                    let cls = atStart ? (i < lastLen ? 3 : 2) : 1
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
}
