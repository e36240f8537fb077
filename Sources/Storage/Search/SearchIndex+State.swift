import Foundation

// Where documents live: slots, shards and the index state behind the lock.
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
