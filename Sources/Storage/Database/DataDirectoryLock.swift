import Foundation

/// An advisory exclusive lock on the data directory, so two servers never run on one database
/// (each keeps its own in-memory index). Released when the process exits, even if killed.
public final class DataDirectoryLock: Sendable {
    private let fd: Int32

    public init(_ dir: DataDirectory) throws {
        let fd = open(dir.lockPath, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw MedoraError(.notAccessible, ["path": dir.lockPath, "detail": String(cString: strerror(errno))]) }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            close(fd)
            throw MedoraError(.locked, ["detail": "another medora-lite is running on \(dir.url.path)"])
        }
        self.fd = fd
    }

    deinit {
        flock(fd, LOCK_UN)
        close(fd)
    }
}
