import ArgumentParser
import Foundation
import Hummingbird
import Logging
import MedoraStorage

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve", abstract: "Unlock the database and serve the web UI and JSON API.")

    @OptionGroup var data: DataOptions
    @OptionGroup var unlock: UnlockOptions
    @Option(help: "Address to listen on. Keep 127.0.0.1 unless behind TLS on a trusted network.") var host = "127.0.0.1"
    @Option(help: "Port (0 picks a free one and prints it).") var port = 8080
    @Flag(help: "The pages are reached over HTTPS (a TLS proxy in front): the session cookie becomes Secure with the __Host- prefix.")
    var secureCookies = false
    @OptionGroup var protection: ProtectionOptions

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("port must be 0-65535") }
    }

    func run() async throws {
        try await runReportingErrors {
            let dir = data.directory
            if !dir.isInitialized { throw MedoraError(.notInitialized, ["path": dir.url.path]) }
            let lock = try DataDirectoryLock(dir)
            let store = try await unlock.open(dir)
            try await Server.run(store: store, lock: lock, config: ServerConfig(host: host, port: port, secureCookies: secureCookies,
                                                                                limits: protection.rateLimits,
                                                                                allowedHosts: protection.allowedHost,
                                                                                tls: try protection.tls(for: dir, host: host)))
        }
    }
}
