import Foundation

extension PatientSearchIndex {
    /// One owner's sorted run of hits (or of live documents) in one segment.
    private struct Run {
        var segment: Segment
        var indices: [Int32]
        var next = 0
    }

    /// Searches every owner's patients (an administrator's view): the same matching, ranks and
    /// order as `search(ownerID:)`, merged across owners. Costs O((offset + limit) × owners) after
    /// the per-owner search.
    public func searchAll(query: String?, limit: Int, offset: Int) -> SearchPage {
        let plan = QueryPlan(query)
        let shards = state.withLock { Array($0.shards.values) }
        var ranks: [[Run]]
        if plan.kind == .all {
            ranks = [shards.flatMap { shard in
                [Run(segment: shard.main, indices: Segment.sortedLiveIndices(shard.main)),
                 Run(segment: shard.tail, indices: Segment.sortedLiveIndices(shard.tail))]
            }]
        } else {
            ranks = [[Run]](repeating: [], count: Hits.rankCount)
            for shard in shards {
                var main = Hits(), tail = Hits()
                shard.main.search(plan, into: &main)
                shard.tail.search(plan, into: &tail)
                for r in 0..<Hits.rankCount {
                    ranks[r].append(Run(segment: shard.main, indices: main.list(r)))
                    ranks[r].append(Run(segment: shard.tail, indices: tail.list(r)))
                }
            }
        }
        let total = ranks.reduce(0) { sum, runs in sum + runs.reduce(0) { $0 + $1.indices.count } }
        var ids: [UUID] = []
        var skip = max(0, offset)
        let need = max(0, limit)
        for var runs in ranks where ids.count < need {
            runs.removeAll { $0.indices.isEmpty }
            while ids.count < need {
                var best: Int?
                for (k, run) in runs.enumerated() where run.next < run.indices.count {
                    if let b = best {
                        let other = runs[b]
                        if Segment.less(Int(run.indices[run.next]), in: run.segment,
                                        Int(other.indices[other.next]), in: other.segment) { best = k }
                    } else {
                        best = k
                    }
                }
                guard let b = best else { break }
                let slot = runs[b].segment.slots[Int(runs[b].indices[runs[b].next])]
                runs[b].next += 1
                if skip > 0 { skip -= 1 } else { ids.append(slot.id) }
            }
        }
        return SearchPage(total: total, ids: ids)
    }
}
