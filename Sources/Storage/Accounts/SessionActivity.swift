import Foundation
import Synchronization

/// When each session was last used, for the idle timeout: a session unused for `idle` is ended
/// on its next use. Kept in memory (a write per request would cost an fsync), so a restart gives
/// every session a fresh idle window; the absolute expiry stands regardless. Bounded: past
/// `capacity` entries the idle ones are dropped.
final class SessionActivity: Sendable {
    let idle: TimeInterval
    let capacity: Int
    private let lastUse = Mutex<[Data: Date]>([:])

    init(idle: TimeInterval = 30 * 60, capacity: Int = 50_000) {
        self.idle = idle
        self.capacity = capacity
    }

    /// Whether the session was last used more than `idle` ago (then it is forgotten).
    func isIdle(_ tokenHash: Data, now: Date) -> Bool {
        lastUse.withLock { map in
            guard let last = map[tokenHash], now.timeIntervalSince(last) > idle else { return false }
            map[tokenHash] = nil
            return true
        }
    }

    /// Records a use of a live session at `now`.
    func touch(_ tokenHash: Data, now: Date) {
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
