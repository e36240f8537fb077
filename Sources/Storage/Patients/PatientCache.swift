import Foundation
import Synchronization

/// Recently read patients, decrypted, so a record opened again (the usual pattern: a doctor goes
/// back to the same patient several times a visit) costs no database read and no decryption.
///
/// Bounded (`capacity` records, least recently used out first). Every write through the repository
/// invalidates the record it touched while it still holds the writer, and bumps a generation
/// counter: a read that started before an invalidation does not put its (possibly older) result in
/// the cache, so the cache never serves a version older than what the database has committed.
final class PatientCache: Sendable {
    private struct State {
        var entries: [UUID: (patient: Patient, tick: UInt64)] = [:]
        var tick: UInt64 = 0
        var generation: UInt64 = 0
    }

    let capacity: Int
    private let state = Mutex(State())

    init(capacity: Int = 4096) { self.capacity = capacity }

    /// The generation to pass to `put` for a read that starts now.
    var generation: UInt64 { state.withLock { $0.generation } }

    func get(_ id: UUID) -> Patient? {
        state.withLock { s in
            guard let e = s.entries[id] else { return nil }
            s.tick &+= 1
            s.entries[id] = (e.patient, s.tick)
            return e.patient
        }
    }

    func put(_ patients: [Patient], readAt generation: UInt64) {
        guard capacity > 0 else { return }
        state.withLock { s in
            guard s.generation == generation else { return }
            for p in patients {
                s.tick &+= 1
                s.entries[p.id] = (p, s.tick)
            }
            if s.entries.count > capacity {
                // Drop the least recently used quarter in one pass, so eviction is amortised.
                let keep = capacity * 3 / 4
                let cutoff = s.entries.values.map(\.tick).sorted(by: >)[keep - 1]
                s.entries = s.entries.filter { $0.value.tick >= cutoff }
            }
        }
    }

    func invalidate(_ id: UUID) {
        state.withLock { s in
            s.generation &+= 1
            s.entries[id] = nil
        }
    }

    func removeAll() {
        state.withLock { s in
            s.generation &+= 1
            s.entries.removeAll()
        }
    }

    var count: Int { state.withLock { $0.entries.count } }
}
