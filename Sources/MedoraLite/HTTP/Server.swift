import Foundation
import Hummingbird
import Logging
import MedoraStorage
import Synchronization

/// Runs the HTTP server and the background services on an unlocked store until SIGINT/SIGTERM.
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
        // Work the server does on its own (scheduled backups) is the server's in the audit trail;
        // each request sets its user.
        try await AuditActor.$current.withValue(AuditActor(userID: nil, address: nil, origin: .server)) {
            try await serve(store: store, lock: lock, config: config, banner: banner)
        }
    }

    private static func serve(store: MedoraStore, lock: DataDirectoryLock, config: ServerConfig,
                              banner: @escaping @Sendable (String) -> Void) async throws {
        // The connection cap follows the descriptor limit, raised first.
        ConnectionRegistry.raiseDescriptorLimit()
        let config = { var c = config; c.connections = ConnectionRegistry(); return c }()
        let (logger, logFile) = try makeLogger(store.directory)
        defer { logFile.flush() }
        logger.info("unlocked", metadata: ["patients_indexed": .stringConvertible(store.indexedPatientCount)])
        reportDamage(store, logger: logger)
        let listening = ListeningFlag()
        var deps = AppDependencies(store: store, logger: logger, logFile: logFile)
        deps.limits = RateLimits(config.limits)
        deps.limits.apply(deps.settings.current.requestLimits)
        deps.backups = BackupScheduler(store: store, appVersion: MedoraVersion.current)
        if let tls = config.tls {
            Terminal.say(CLIText.tlsFingerprint.text(Language.cli, ["path": tls.certificatePath, "fingerprint": tls.fingerprint]))
        } else if !AllowedHosts.isLoopback(config.host) {
            Terminal.error(CLIText.plainOffLoopback.text(Language.cli, ["host": config.host]))
        }
        let scheme = config.tls == nil ? "http" : "https"
        let app = try buildApplication(deps, config: config) { port in
            listening.set()
            // Listening on every address: the URL names this machine by loopback (a name the
            // server answers to; 0.0.0.0 is not one).
            let shown = config.host == "0.0.0.0" || config.host == "::" ? "127.0.0.1" : config.host.contains(":") ? "[\(config.host)]" : config.host
            let url = "\(scheme)://\(shown):\(port)"
            Terminal.say(CLIText.serving.text(Language.cli, ["url": url]))
            banner(url)
            logger.info("listening", metadata: ["url": .string(url)])
        }
        do {
            try await app.runService()
        } catch {
            throw startFailure(error, config: config, listening: listening.isSet)
        }
        withExtendedLifetime(lock) {}
        try? store.close()
    }

    /// What failed, in words: the listening socket (before the server came up), a storage failure,
    /// or the server later on.
    static func startFailure(_ error: Error, config: ServerConfig, listening: Bool) -> MedoraError {
        if let e = error as? MedoraError { return e }
        if !listening { return MedoraError(.cannotListen, ["address": "\(config.host):\(config.port)", "detail": "\(error)"]) }
        return MedoraError(.serviceFailed, ["service": "http", "detail": "\(type(of: error))"])
    }
}

extension Server {
    /// Damage found at unlock: the server starts and serves everything else, logs each damaged
    /// record and each table whose rows do not match their digest (ids and table names only), and
    /// says so on the terminal.
    static func reportDamage(_ store: MedoraStore, logger: Logger) {
        for d in store.damagedRecords {
            logger.warning("damaged record quarantined", metadata: [
                "table": .string(d.table), "id": .string(d.id?.uuidString.lowercased() ?? "row \(d.rowNumber)"),
                "reason": .string(d.reason.rawValue), "column": .string(d.column ?? "-")])
        }
        for f in store.integrityFindings { logger.warning("row set mismatch", metadata: ["detail": .string(f.label)]) }
        let count = store.damagedRecords.count + store.integrityFindings.count
        if count > 0 { Terminal.error(CLIText.damageAtStart.text(Language.cli, ["count": String(count)])) }
    }
}

/// Set once the server is accepting connections.
final class ListeningFlag: Sendable {
    private let state = Mutex(false)
    func set() { state.withLock { $0 = true } }
    var isSet: Bool { state.withLock { $0 } }
}
