import ArgumentParser
import Foundation
import MedoraStorage

/// The server's request budgets and who is believed about client addresses and host names.
struct ProtectionOptions: ParsableArguments {
    @Option(help: "Anonymous requests per client address and minute.") var limitPerAddress = RateLimitSettings().perAddressPerMinute
    @Option(help: "Anonymous JSON API requests per client address and hour.") var limitApiAnonymous = RateLimitSettings().apiAnonymousPerHour
    @Option(help: "JSON API requests per signed-in user and hour.") var limitApiUser = RateLimitSettings().apiUserPerHour
    @Option(help: "Page requests per signed-in user and minute.") var limitPagesUser = RateLimitSettings().pagesUserPerMinute
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
        for value in [limitPerAddress, limitApiAnonymous, limitApiUser, limitPagesUser] where value < 1 || value > 10_000_000 {
            throw ValidationError("limits are 1-10000000 requests")
        }
    }

    /// The TLS material asked for (nil: plain HTTP), made or read now so a bad file stops the start.
    func tls(for dir: DataDirectory, host: String) throws -> TLSMaterial? {
        if let tlsCert, let tlsKey { return try TLSMaterial.load(certificate: tlsCert, key: tlsKey) }
        guard tlsSelfSigned else { return nil }
        return try TLSMaterial.selfSigned(in: dir, names: AllowedHosts(listeningOn: host, configured: allowedHost).names)
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
