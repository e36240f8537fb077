import Foundation
import MedoraStorage

/// Fixed-window counters per key (e.g. IP + login) with bounded memory: when `maxKeys` is reached
/// the expired windows are dropped, and if none are, the oldest window goes.
actor RateLimiter {
    struct Decision: Sendable, Equatable {
        var allowed: Bool
        /// Seconds until the window resets (for `Retry-After`).
        var retryAfter: Int
    }

    private let limit: Int
    private let window: TimeInterval
    private let maxKeys: Int
    private let clock: WallClock
    private var windows: [String: (start: Date, count: Int)] = [:]

    init(limit: Int, window: TimeInterval, maxKeys: Int = 10_000, clock: WallClock = SystemClock()) {
        self.limit = limit
        self.window = window
        self.maxKeys = maxKeys
        self.clock = clock
    }

    func hit(_ key: String) -> Decision {
        let now = clock.now()
        var entry = windows[key] ?? (now, 0)
        if now.timeIntervalSince(entry.start) >= window { entry = (now, 0) }
        let retry = max(1, Int((window - now.timeIntervalSince(entry.start)).rounded(.up)))
        guard entry.count < limit else {
            windows[key] = entry
            return Decision(allowed: false, retryAfter: retry)
        }
        entry.count += 1
        if windows[key] == nil && windows.count >= maxKeys { evict(now: now) }
        windows[key] = entry
        return Decision(allowed: true, retryAfter: 0)
    }

    /// Forgets a key, e.g. after a successful login.
    func reset(_ key: String) { windows[key] = nil }

    private func evict(now: Date) {
        windows = windows.filter { now.timeIntervalSince($0.value.start) < window }
        if windows.count >= maxKeys, let oldest = windows.min(by: { $0.value.start < $1.value.start }) {
            windows[oldest.key] = nil
        }
    }
}
