import ArgumentParser
import Foundation
import MedoraStorage

/// The server's request budgets and who is believed about client addresses and host names.
struct ProtectionOptions: ParsableArguments {
    // Each budget: the Settings page's value (standard 100, 100, 1000, 1200) unless given here,
    // which fixes it for this run.
    @Option(help: "Anonymous requests per client address and minute (default: the Settings page's, 100).")
    var limitPerAddress: Int?
    @Option(help: "Anonymous JSON API requests per client address and hour (default: the Settings page's, 100).")
    var limitApiAnonymous: Int?
    @Option(help: "JSON API requests per signed-in user and hour (default: the Settings page's, 1000).")
    var limitApiUser: Int?
    @Option(help: "Page requests per signed-in user and minute (default: the Settings page's, 1200).")
    var limitPagesUser: Int?
    @Option(help: "A reverse proxy's address whose X-Forwarded-For is believed (repeatable).") var trustedProxy: [String] = []
    @Option(help: "A name the server is reached by, besides localhost and (off loopback) this machine's names and addresses (repeatable).")
    var allowedHost: [String] = []
    @Option(help: "Serve HTTPS with this PEM certificate (chain allowed); needs --tls-key.") var tlsCert: String?
    @Option(help: "The PEM private key of --tls-cert.") var tlsKey: String?
    @Flag(help: "Serve HTTPS with a certificate made on first start and kept in <data>/tls (its fingerprint is printed).")
    var tlsSelfSigned = false

    func validate() throws {
        if (tlsCert == nil) != (tlsKey == nil) { throw ValidationError("--tls-cert and --tls-key go together") }
        if tlsSelfSigned && tlsCert != nil { throw ValidationError("choose --tls-self-signed or --tls-cert/--tls-key, not both") }
        for value in given.values where value < 1 || value > 10_000_000 {
            throw ValidationError("limits are 1-10000000 requests")
        }
    }

    /// The TLS material asked for (nil: plain HTTP), made or read now so a bad file stops the start.
    func tls(for dir: DataDirectory, host: String) throws -> TLSMaterial? {
        if let tlsCert, let tlsKey { return try TLSMaterial.load(certificate: tlsCert, key: tlsKey) }
        guard tlsSelfSigned else { return nil }
        return try TLSMaterial.selfSigned(in: dir, names: AllowedHosts(listeningOn: host, configured: allowedHost).names)
    }

    /// The budgets given on the command line.
    var given: [RequestLimits.Budget: Int] {
        var given: [RequestLimits.Budget: Int] = [:]
        given[.perAddressPerMinute] = limitPerAddress
        given[.apiAnonymousPerHour] = limitApiAnonymous
        given[.apiUserPerHour] = limitApiUser
        given[.pagesUserPerMinute] = limitPagesUser
        return given
    }

    var rateLimits: RateLimitSettings {
        var s = RateLimitSettings()
        s.budgets = RequestLimits(given)
        s.pinned = Set(given.keys)
        s.trustedProxies = Set(trustedProxy)
        return s
    }
}
