import Foundation
import MedoraStorage
import Synchronization

/// Counts hits per key over a sliding window, estimated from two fixed windows aligned to
/// multiples of its length (the last one's count weighted by how much of it still overlaps), so
/// there is no burst of twice the limit at a window's edge, and every count older than that is
/// dropped at once. Memory is bounded: at `maxKeys` keys in the current window, the keys under
/// their limit are forgotten (the ones being refused are kept), and if that frees less than half
/// the table, everything is; each key is dropped at most once per insertion, so a flood of new
/// addresses costs constant time per request.
final class WindowCounter: Sendable {
    struct Decision: Sendable, Equatable {
        var allowed: Bool
        var limit: Int
        var remaining: Int
        /// Seconds until a refused key may try again, or until the budget is whole again
        /// (`Retry-After`, `RateLimit-Reset`).
        var reset: Int
    }

    let window: Int
    let maxKeys: Int
    private let clock: WallClock
    private struct State {
        var epoch: Int64 = -1
        var current: [String: Int] = [:]
        var previous: [String: Int] = [:]
        var evictions = 0
        var limit: Int
    }
    private let state: Mutex<State>

    init(limit: Int, window: Int, maxKeys: Int = 100_000, clock: WallClock = SystemClock()) {
        state = Mutex(State(limit: max(1, limit)))
        self.window = max(1, window)
        self.maxKeys = max(2, maxKeys)
        self.clock = clock
    }

    /// Counts one hit for `key` unless it is over its limit already.
    func hit(_ key: String) -> Decision { record(key, cost: 1) }

    /// The key's state without counting a hit.
    func peek(_ key: String) -> Decision { record(key, cost: 0) }

    /// Hits counted for `key` over the sliding window.
    func used(_ key: String) -> Int { limit - peek(key).remaining }

    /// Forgets a key (a successful login clears its failures).
    func reset(_ key: String) {
        state.withLock {
            _ = $0.current.removeValue(forKey: key)
            _ = $0.previous.removeValue(forKey: key)
        }
    }

    /// Hits allowed per window; changing it takes effect with the next hit (counts are kept).
    var limit: Int {
        get { state.withLock { $0.limit } }
        set { state.withLock { $0.limit = max(1, newValue) } }
    }

    /// Keys held in the current window, and how many times the table was thinned.
    var trackedKeys: Int { state.withLock { $0.current.count } }
    var evictions: Int { state.withLock { $0.evictions } }

    private func record(_ key: String, cost: Int) -> Decision {
        let now = clock.now().timeIntervalSince1970
        let epoch = Int64(now) / Int64(window)
        let elapsed = now - Double(epoch) * Double(window)
        let overlap = max(0, 1 - elapsed / Double(window))
        return state.withLock { s in
            let limit = s.limit
            if s.epoch != epoch {
                s.previous = s.epoch == epoch - 1 ? s.current : [:]
                s.current = [:]
                s.epoch = epoch
            }
            let current = s.current[key] ?? 0
            let previous = s.previous[key] ?? 0
            let estimate = Double(current) + Double(previous) * overlap
            if estimate + Double(cost) > Double(limit) || (cost == 0 && estimate >= Double(limit)) {
                return Decision(allowed: false, limit: limit, remaining: 0,
                                reset: waitUntilAllowed(current: current, previous: previous, elapsed: elapsed, limit: limit))
            }
            if cost > 0 {
                if current == 0 && s.current.count >= maxKeys { Self.thin(&s, limit: limit, maxKeys: maxKeys) }
                s.current[key] = current + cost
            }
            let used = Int((estimate + Double(cost)).rounded(.up))
            let whole = previous > 0 ? Double(window) * 2 - elapsed : Double(window) - elapsed
            return Decision(allowed: true, limit: limit, remaining: max(0, limit - used), reset: max(1, Int(whole.rounded(.up))))
        }
    }

    /// Seconds until the estimate falls below the limit again.
    private func waitUntilAllowed(current: Int, previous: Int, elapsed: Double, limit: Int) -> Int {
        let w = Double(window)
        guard current < limit else { return max(1, Int((w - elapsed).rounded(.up))) }
        guard previous > 0 else { return 1 }
        // current + previous * (1 - t / w) < limit  ⇔  t > w * (1 - (limit - current) / previous)
        let t = w * (1 - Double(limit - current) / Double(previous))
        return max(1, Int((t - elapsed).rounded(.up)))
    }

    private static func thin(_ s: inout State, limit: Int, maxKeys: Int) {
        s.evictions += 1
        s.current = s.current.filter { $0.value >= limit }
        if s.current.count >= maxKeys / 2 { s.current.removeAll() }
        if s.previous.count >= maxKeys { s.previous = s.previous.filter { $0.value >= limit } }
    }
}
