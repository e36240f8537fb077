import Foundation

/// The files of one installation: `medora.db` (+ -wal, -shm), optional `keyfile`, `backups/`, `logs/`.
public struct DataDirectory: Sendable, Equatable {
    public let url: URL

    public init(path: String) {
        url = URL(fileURLWithPath: path, isDirectory: true).standardizedFileURL
    }

    /// `--data`, else `$MEDORA_HOME`, else `./medora-data`.
    public static func resolve(_ explicit: String?, environment: [String: String] = ProcessInfo.processInfo.environment) -> DataDirectory {
        DataDirectory(path: explicit ?? environment["MEDORA_HOME"] ?? "medora-data")
    }

    public var databasePath: String { url.appendingPathComponent("medora.db").path }
    public var keyfilePath: String { url.appendingPathComponent("keyfile").path }
    public var logsPath: String { url.appendingPathComponent("logs").path }
    public var backupsPath: String { url.appendingPathComponent("backups").path }
    /// The self-signed TLS certificate and its key (`serve --tls-self-signed`).
    public var tlsPath: String { url.appendingPathComponent("tls").path }
    public var lockPath: String { url.appendingPathComponent("medora.lock").path }

    public var isInitialized: Bool { FileManager.default.fileExists(atPath: databasePath) }

    /// Creates the directory (0700) and its subdirectories if missing.
    public func createDirectories() throws {
        let fm = FileManager.default
        for p in [url.path, logsPath, backupsPath] {
            do {
                try fm.createDirectory(atPath: p, withIntermediateDirectories: true,
                                       attributes: [.posixPermissions: 0o700])
            } catch {
                throw MedoraError(.notAccessible, ["path": p, "detail": "cannot create directory"])
            }
        }
    }
}
