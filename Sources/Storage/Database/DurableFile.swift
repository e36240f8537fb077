import Foundation

/// Writes `data` to `path` atomically and durably: temp file, fsync, rename, fsync of the directory.
public enum DurableFile {
    public static func write(_ data: Data, to path: String, permissions: Int16 = 0o600) throws {
        let dir = (path as NSString).deletingLastPathComponent
        let tmp = path + ".tmp-\(getpid())"
        let fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, mode_t(permissions))
        guard fd >= 0 else { throw MedoraError(.notAccessible, ["path": path, "detail": String(cString: strerror(errno))]) }
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
            if writeErrno == ENOSPC { throw MedoraError(.diskFull) }
            throw MedoraError(.notAccessible, ["path": path, "detail": String(cString: strerror(writeErrno))])
        }
        syncDirectory(dir)
    }

    public static func syncDirectory(_ dir: String) {
        let dfd = open(dir.isEmpty ? "." : dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if dfd >= 0 { fsync(dfd); close(dfd) }
    }
}
