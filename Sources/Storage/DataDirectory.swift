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
                throw StorageError.notAccessible(path: p, detail: "cannot create directory")
            }
        }
    }
}

/// An advisory exclusive lock on the data directory, so two servers never run on one database
/// (each keeps its own in-memory index). Released when the process exits, even if killed.
public final class DataDirectoryLock: Sendable {
    private let fd: Int32

    public init(_ dir: DataDirectory) throws {
        let fd = open(dir.lockPath, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw StorageError.notAccessible(path: dir.lockPath, detail: String(cString: strerror(errno))) }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            close(fd)
            throw StorageError.locked(detail: "another medora-lite is running on \(dir.url.path)")
        }
        self.fd = fd
    }

    deinit {
        flock(fd, LOCK_UN)
        close(fd)
    }
}

/// Writes `data` to `path` atomically and durably: temp file, fsync, rename, fsync of the directory.
public enum DurableFile {
    public static func write(_ data: Data, to path: String, permissions: Int16 = 0o600) throws {
        let dir = (path as NSString).deletingLastPathComponent
        let tmp = path + ".tmp-\(getpid())"
        let fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, mode_t(permissions))
        guard fd >= 0 else { throw StorageError.notAccessible(path: path, detail: String(cString: strerror(errno))) }
        var ok = data.withUnsafeBytes { buf -> Bool in
            var offset = 0
            while offset < buf.count {
                let n = Foundation.write(fd, buf.baseAddress! + offset, buf.count - offset)
                if n <= 0 { return false }
                offset += n
            }
            return true
        }
        let writeErrno = errno
        ok = ok && fsync(fd) == 0
        close(fd)
        guard ok, rename(tmp, path) == 0 else {
            unlink(tmp)
            if writeErrno == ENOSPC { throw StorageError.diskFull }
            throw StorageError.notAccessible(path: path, detail: String(cString: strerror(writeErrno)))
        }
        syncDirectory(dir)
    }

    public static func syncDirectory(_ dir: String) {
        let dfd = open(dir.isEmpty ? "." : dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if dfd >= 0 { fsync(dfd); close(dfd) }
    }
}
