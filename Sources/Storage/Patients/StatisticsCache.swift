import Foundation
import Synchronization

/// The dashboard's counts per scope, kept for five minutes and dropped by every patient write
/// (a count read while a write committed is not stored: the generation moved on).
final class StatisticsCache: Sendable {
    static let lifetime: TimeInterval = 5 * 60

    private struct Key: Hashable {
        var scope: PatientScope
        var since: Date
        var recent: Int
    }

    private struct State {
        var generation = 0
        var entries: [Key: (at: Date, value: PatientStatistics)] = [:]
        var hits = 0
        var misses = 0
        var invalidations = 0
    }

    private let state = Mutex(State())
    private let clock: WallClock

    init(clock: WallClock) { self.clock = clock }

    var generation: Int { state.withLock { $0.generation } }

    func get(_ scope: PatientScope, since: Date, recent: Int) -> PatientStatistics? {
        let now = clock.now()
        return state.withLock { st in
            guard let hit = st.entries[Key(scope: scope, since: since, recent: recent)],
                  now.timeIntervalSince(hit.at) < Self.lifetime, hit.at <= now else {
                st.misses += 1
                return nil
            }
            st.hits += 1
            return hit.value
        }
    }

    func put(_ value: PatientStatistics, scope: PatientScope, since: Date, recent: Int, readAt generation: Int) {
        let now = clock.now()
        state.withLock { st in
            guard st.generation == generation else { return }
            if st.entries.count > 256 { st.entries.removeAll() }
            st.entries[Key(scope: scope, since: since, recent: recent)] = (now, value)
        }
    }

    func clear() {
        state.withLock { st in
            st.generation += 1
            st.invalidations += 1
            st.entries.removeAll()
        }
    }

    var counters: CacheCounters {
        state.withLock { CacheCounters(entries: $0.entries.count, hits: $0.hits, misses: $0.misses, invalidations: $0.invalidations) }
    }
}

/// A cache's size and how it has served (for `/health/detailed` and `/metrics`).
public struct CacheCounters: Sendable, Equatable, Codable {
    public var entries: Int
    public var hits: Int
    public var misses: Int
    public var invalidations: Int
}
