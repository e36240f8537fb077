import ArgumentParser
import Foundation

/// The server's request budgets and who is believed about client addresses and host names.
struct ProtectionOptions: ParsableArguments {
    @Option(help: "Anonymous requests per client address and minute.") var limitPerAddress = RateLimitSettings().perAddressPerMinute
    @Option(help: "Anonymous JSON API requests per client address and hour.") var limitApiAnonymous = RateLimitSettings().apiAnonymousPerHour
    @Option(help: "JSON API requests per signed-in user and hour.") var limitApiUser = RateLimitSettings().apiUserPerHour
    @Option(help: "Page requests per signed-in user and minute.") var limitPagesUser = RateLimitSettings().pagesUserPerMinute
    @Option(help: "A reverse proxy's address whose X-Forwarded-For is believed (repeatable).") var trustedProxy: [String] = []
    @Option(help: "A name the server is reached by, besides localhost and (off loopback) this machine's names and addresses (repeatable).")
    var allowedHost: [String] = []

    func validate() throws {
        for value in [limitPerAddress, limitApiAnonymous, limitApiUser, limitPagesUser] where value < 1 || value > 10_000_000 {
            throw ValidationError("limits are 1-10000000 requests")
        }
    }

    var rateLimits: RateLimitSettings {
        var s = RateLimitSettings()
        s.perAddressPerMinute = limitPerAddress
        s.apiAnonymousPerHour = limitApiAnonymous
        s.apiUserPerHour = limitApiUser
        s.pagesUserPerMinute = limitPagesUser
        s.trustedProxies = Set(trustedProxy)
        return s
    }
}
