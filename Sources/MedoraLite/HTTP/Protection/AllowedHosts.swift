import Foundation

/// The names and addresses this server answers to (the SaaS's `ALLOWED_HOSTS`): loopback names
/// always; when listening beyond loopback, the listening address, the machine's own addresses and
/// names, and the names given with `--allowed-host`. A page elsewhere whose name is rebound to
/// 127.0.0.1 sends its own name as `Host` and is refused.
struct AllowedHosts: Sendable, Equatable {
    private(set) var names: Set<String>

    init(listeningOn host: String, configured: [String] = [], machine: Bool = true) {
        var names: Set<String> = ["localhost", "127.0.0.1", "::1"]
        for name in configured { names.insert(Self.normalize(name)) }
        if !Self.isLoopback(host) {
            if host != "0.0.0.0" && host != "::" { names.insert(Self.normalize(host)) }
            if machine { names.formUnion(Self.machineNames()) }
        }
        self.names = names
    }

    /// Does a `Host` header (name or address, with or without a port) name this server?
    func allows(_ authority: String?) -> Bool {
        guard let authority, !authority.isEmpty, authority.utf8.count <= 255 else { return false }
        return names.contains(Self.normalize(Self.stripPort(authority)))
    }

    static func isLoopback(_ host: String) -> Bool {
        host == "localhost" || host == "::1" || host.hasPrefix("127.")
    }

    static func normalize(_ name: String) -> String {
        var n = name.lowercased()
        if n.hasSuffix(".") { n.removeLast() }
        if n.hasPrefix("["), n.hasSuffix("]") { n = String(n.dropFirst().dropLast()) }
        return n
    }

    /// `name:port` → `name`; `[v6]:port` → `[v6]`; a bare IPv6 address stays whole.
    static func stripPort(_ authority: String) -> String {
        if authority.hasPrefix("[") { return authority.firstIndex(of: "]").map { String(authority[...$0]) } ?? authority }
        let colons = authority.filter { $0 == ":" }.count
        guard colons == 1, let colon = authority.lastIndex(of: ":") else { return authority }
        return String(authority[..<colon])
    }

    /// This machine's host name (and `name.local`) and the addresses of its interfaces.
    static func machineNames() -> Set<String> {
        var names = Set<String>()
        var buffer = [CChar](repeating: 0, count: 256)
        if gethostname(&buffer, buffer.count) == 0 {
            let name = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self).lowercased()
            if !name.isEmpty { names.formUnion([name, name + ".local"]) }
        }
        var list: UnsafeMutablePointer<ifaddrs>?
        guard getifaddrs(&list) == 0, let first = list else { return names }
        defer { freeifaddrs(list) }
        for entry in sequence(first: first, next: { $0.pointee.ifa_next }) {
            guard let address = entry.pointee.ifa_addr else { continue }
            let family = Int32(address.pointee.sa_family)
            guard family == AF_INET || family == AF_INET6 else { continue }
            var host = [CChar](repeating: 0, count: Int(NI_MAXHOST))
            let length = socklen_t(family == AF_INET ? MemoryLayout<sockaddr_in>.size : MemoryLayout<sockaddr_in6>.size)
            if getnameinfo(address, length, &host, socklen_t(host.count), nil, 0, NI_NUMERICHOST) == 0 {
                let text = String(decoding: host.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
                names.insert(normalize(text.split(separator: "%").first.map(String.init) ?? text))
            }
        }
        return names
    }
}
