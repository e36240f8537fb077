import Foundation
import Synchronization

/// When each session was last used, for the idle timeout: a session unused for `idle` is ended
/// on its next use. Kept in memory (a write per request would cost an fsync), so a restart gives
/// every session a fresh idle window; the absolute expiry stands regardless. Bounded: past
/// `capacity` entries the idle ones are dropped.
final class SessionActivity: Sendable {
    let capacity: Int
    private let lastUse = Mutex<[Data: Date]>([:])
    private let idleLimit: Mutex<TimeInterval>

    /// How long a session may go unused; the clinic's setting (30 minutes unless changed).
    var idle: TimeInterval {
        get { idleLimit.withLock { $0 } }
        set { idleLimit.withLock { $0 = newValue } }
    }

    init(idle: TimeInterval = ClinicSettings.standard.idleTimeout, capacity: Int = 50_000) {
        self.idleLimit = Mutex(idle)
        self.capacity = capacity
    }

    /// Whether the session was last used more than `idle` ago (then it is forgotten).
    func isIdle(_ tokenHash: Data, now: Date) -> Bool {
        let idle = self.idle
        return lastUse.withLock { map in
            guard let last = map[tokenHash], now.timeIntervalSince(last) > idle else { return false }
            map[tokenHash] = nil
            return true
        }
    }

    /// Records a use of a live session at `now`.
    func touch(_ tokenHash: Data, now: Date) {
        let idle = self.idle
        lastUse.withLock { map in
            if map[tokenHash] == nil, map.count >= capacity {
                map = map.filter { now.timeIntervalSince($0.value) <= idle }
                if map.count >= capacity { map.removeAll(keepingCapacity: true) }
            }
            map[tokenHash] = now
        }
    }

    func forget(_ tokenHash: Data) {
        _ = lastUse.withLock { $0.removeValue(forKey: tokenHash) }
    }
}
