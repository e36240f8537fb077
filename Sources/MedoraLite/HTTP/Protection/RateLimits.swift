import Foundation
import HTTPTypes
import Hummingbird
import MedoraStorage

/// The request budgets at start (the SaaS's numbers by default; `serve` options change them, and
/// the administrator's Settings page changes the ones the command line did not give).
struct RateLimitSettings: Sendable, Equatable {
    /// The four request budgets (`RequestLimits.standard`: 100/min per address, 100/h anonymous API,
    /// 1,000/h API per user, 1,200/min pages per user — every request from a laptop comes from
    /// 127.0.0.1, so the web UI counts per user, with room a busy doctor never uses).
    var budgets = RequestLimits.standard
    /// Sign-in attempts per client address and login, per minute.
    var loginPerAddressPerMinute = 5
    /// Failed sign-ins per login and hour, from all addresses together, before attempts from
    /// addresses that never signed in as that user are slowed down.
    var loginFailuresPerAccountPerHour = 20
    /// Distinct clients remembered per budget (memory stays bounded under a flood of addresses).
    var maxClients = 100_000
    /// Peers whose `X-Forwarded-For` is believed (a reverse proxy on this machine or the LAN).
    var trustedProxies: Set<String> = []
    /// Budgets given on the command line: the Settings page does not change them in this run.
    var pinned: Set<RequestLimits.Budget> = []
}

/// Every budget of the running server, shared by the middleware and the sign-in.
final class RateLimits: Sendable {
    let settings: RateLimitSettings
    let address: WindowCounter
    let apiAnonymous: WindowCounter
    let apiUser: WindowCounter
    let pagesUser: WindowCounter
    let login: LoginThrottle

    init(_ settings: RateLimitSettings = RateLimitSettings(), clock: WallClock = SystemClock()) {
        self.settings = settings
        func make(_ budget: RequestLimits.Budget) -> WindowCounter {
            WindowCounter(limit: settings.budgets[budget], window: budget.window, maxKeys: settings.maxClients, clock: clock)
        }
        address = make(.perAddressPerMinute)
        apiAnonymous = make(.apiAnonymousPerHour)
        apiUser = make(.apiUserPerHour)
        pagesUser = make(.pagesUserPerMinute)
        login = LoginThrottle(settings, clock: clock)
    }

    func counter(_ budget: RequestLimits.Budget) -> WindowCounter {
        switch budget {
        case .perAddressPerMinute: address
        case .apiAnonymousPerHour: apiAnonymous
        case .apiUserPerHour: apiUser
        case .pagesUserPerMinute: pagesUser
        }
    }

    /// The budgets in force.
    var inForce: RequestLimits {
        RequestLimits(Dictionary(uniqueKeysWithValues: RequestLimits.Budget.allCases.map { ($0, counter($0).limit) }))
    }

    /// Puts an administrator's budgets in force at once (counts so far are kept), except those
    /// given on the command line.
    func apply(_ limits: RequestLimits) {
        for budget in RequestLimits.Budget.allCases where !settings.pinned.contains(budget) {
            counter(budget).limit = limits[budget]
        }
    }

    /// The client's address: the peer, or, when the peer is a trusted proxy, the last address in
    /// `X-Forwarded-For` that is not one of the trusted proxies.
    func clientAddress(peer: String?, forwardedFor: String?) -> String {
        let peer = peer ?? "-"
        guard settings.trustedProxies.contains(peer), let forwardedFor else { return peer }
        let hops = forwardedFor.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        for hop in hops.reversed() where !settings.trustedProxies.contains(hop) {
            return Self.isAddress(hop) ? hop : peer
        }
        return peer
    }

    /// What an address is counted as: IPv4 as itself, IPv6 by its /64 (one household or host).
    static func key(_ address: String) -> String {
        guard address.contains(":") else { return address }
        var groups = address.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        if let gap = groups.firstIndex(of: ""), address.contains("::") {
            let present = groups.filter { !$0.isEmpty }
            groups = Array(groups[..<gap].filter { !$0.isEmpty }) + Array(repeating: "0", count: max(0, 8 - present.count))
                + Array(groups[gap...].filter { !$0.isEmpty })
        }
        return groups.prefix(4).joined(separator: ":") + "::/64"
    }

    static func isAddress(_ text: String) -> Bool {
        guard !text.isEmpty, text.count <= 45 else { return false }
        return text.allSatisfy { $0.isHexDigit || $0 == "." || $0 == ":" }
    }

    /// Static assets are never limited (nor is the liveness probe, which is answered before any
    /// middleware but the request id and security headers).
    static func isExempt(_ request: Request) -> Bool {
        let path = request.uri.path
        return path.hasPrefix("/static/") || path == "/favicon.ico"
    }

    /// The 429 for a spent budget: `Retry-After` and the budget's headers.
    static func refusal(_ decision: WindowCounter.Decision, budget: String) -> APIError {
        ServerMetrics.rateLimited(budget)
        var headers = headers(decision)
        headers[.retryAfter] = String(decision.reset)
        return APIError(.rateLimited, headers: headers)
    }

    static func headers(_ decision: WindowCounter.Decision) -> HTTPFields {
        [.rateLimitLimit: String(decision.limit), .rateLimitRemaining: String(decision.remaining), .rateLimitReset: String(decision.reset)]
    }
}
