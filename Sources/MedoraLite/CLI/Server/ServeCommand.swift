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

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("port must be 0-65535") }
    }

    func run() async throws {
        try await runReportingErrors {
            let dir = data.directory
            if !dir.isInitialized { throw MedoraError(.notInitialized, ["path": dir.url.path]) }
            let lock = try DataDirectoryLock(dir)
            let store = try await unlock.open(dir)
            try await Server.run(store: store, lock: lock, config: ServerConfig(host: host, port: port))
        }
    }
}

/// Starts the HTTP server on an unlocked store and blocks until SIGINT/SIGTERM.
enum Server {
    static func makeLogger(_ dir: DataDirectory) throws -> (Logger, RotatingLogFile) {
        let file = try RotatingLogFile(directory: dir.logsPath)
        let echo = ProcessInfo.processInfo.environment["MEDORA_LOG_STDERR"] == "1"
        var logger = Logger(label: "medora") { label in JSONLogHandler(label: label, file: file, echoToStderr: echo) }
        logger.logLevel = .info
        return (logger, file)
    }

    static func run(store: MedoraStore, lock: DataDirectoryLock, config: ServerConfig,
                    banner: @escaping @Sendable (String) -> Void = { _ in }) async throws {
        let (logger, logFile) = try makeLogger(store.directory)
        defer { logFile.flush() }
        logger.info("unlocked", metadata: ["patients_indexed": .stringConvertible(store.indexedPatientCount)])
        let deps = AppDependencies(store: store, logger: logger)
        let app = buildApplication(deps, config: config) { port in
            let url = "http://\(config.host):\(port)"
            Terminal.say(CLIText.serving.text(Language.cli, ["url": url]))
            banner(url)
            logger.info("listening", metadata: ["url": .string(url)])
        }
        do {
            try await app.runService()
        } catch {
            throw MedoraError(.cannotListen, ["address": "\(config.host):\(config.port)", "detail": "\(error)"])
        }
        withExtendedLifetime(lock) {}
        try? store.close()
    }
}
