import Foundation
import MedoraStorage
import Synchronization

/// Password guessing, from one address or spread over many:
/// - per address and login, 5 attempts a minute (a success clears the count);
/// - per login, from all addresses together: past 20 failures in an hour, an address that has
///   never signed in as that user gets one attempt per growing interval (2 s, 4 s, … up to a
///   minute) and 429 in between. Addresses that have signed in as the user (remembered 30 days)
///   are not slowed down, so an attacker cannot lock the doctor out of their own desk.
final class LoginThrottle: Sendable {
    enum Decision: Sendable, Equatable {
        case go
        case throttled(retryAfter: Int)
    }

    private let perAddress: WindowCounter
    private let failures: WindowCounter
    private let failureBudget: Int
    private let maxEntries: Int
    private let clock: WallClock
    private struct State {
        /// "login|address" → when that address last signed in as that login.
        var known: [String: Date] = [:]
        /// login → the earliest time an unknown address may try again.
        var nextAttempt: [String: Date] = [:]
    }
    private let state = Mutex(State())
    static let rememberAddresses: TimeInterval = 30 * 86_400
    static let longestInterval = 60.0

    init(_ settings: RateLimitSettings, clock: WallClock) {
        perAddress = WindowCounter(limit: settings.loginPerAddressPerMinute, window: 60, maxKeys: settings.maxClients, clock: clock)
        failureBudget = settings.loginFailuresPerAccountPerHour
        failures = WindowCounter(limit: Int.max / 2, window: 3600, maxKeys: settings.maxClients, clock: clock)
        maxEntries = settings.maxClients
        self.clock = clock
    }

    /// May this attempt go ahead? (Counts it against the address.)
    func check(login: String, address: String) -> Decision {
        let login = login.lowercased()
        let pair = perAddress.hit("\(address)|\(login)")
        guard pair.allowed else { return .throttled(retryAfter: pair.reset) }
        let failed = failures.used(login)
        guard failed >= failureBudget else { return .go }
        let now = clock.now()
        return state.withLock { s in
            if Self.known(s, login: login, address: address, now: now) { return .go }
            if let next = s.nextAttempt[login], next > now {
                return .throttled(retryAfter: max(1, Int(next.timeIntervalSince(now).rounded(.up))))
            }
            let over = min(failed - failureBudget, 10)
            let interval = min(Self.longestInterval, pow(2, Double(over + 1)))
            if s.nextAttempt.count >= maxEntries { s.nextAttempt = s.nextAttempt.filter { $0.value > now } }
            s.nextAttempt[login] = now.addingTimeInterval(interval)
            return .go
        }
    }

    /// Has this address signed in as this login in the last 30 days? (Its attempts are served first.)
    func isKnown(login: String, address: String) -> Bool {
        let now = clock.now()
        return state.withLock { s in Self.known(s, login: login.lowercased(), address: address, now: now) }
    }

    /// The one rule for a known address (`login` already lowercased).
    private static func known(_ s: State, login: String, address: String, now: Date) -> Bool {
        s.known["\(login)|\(address)"].map { now.timeIntervalSince($0) < rememberAddresses } ?? false
    }

    func failed(login: String, address: String) {
        _ = failures.hit(login.lowercased())
    }

    func succeeded(login: String, address: String) {
        let login = login.lowercased()
        perAddress.reset("\(address)|\(login)")
        let now = clock.now()
        state.withLock { s in
            if s.known.count >= maxEntries { s.known = s.known.filter { now.timeIntervalSince($0.value) < Self.rememberAddresses } }
            if s.known.count >= maxEntries { s.known.removeAll() }
            s.known["\(login)|\(address)"] = now
        }
    }
}
