import Foundation
import MedoraCrypto

/// The `.mlbak` format: `MEDORABK`, a format byte, the header's length (4 bytes, little-endian)
/// and the header (JSON: creation time, app version, database size, a copy of the key slots),
/// then a secretstream (XChaCha20-Poly1305) of the database file in 1 MiB chunks under the backup
/// subkey, each chunk prefixed by its length, the last one marked final. The first chunk carries
/// everything before it as associated data, so the header cannot be altered either. A truncated,
/// altered or foreign file does not open; the key slots let the passphrase or the recovery key
/// alone open it anywhere, even after the passphrase changed.
public enum BackupFile {
    static let magic = Array("MEDORABK".utf8)
    static let format: UInt8 = 1
    static let chunkSize = 1 << 20
    static let maxHeader = 1 << 20

    public struct Header: Codable, Sendable, Equatable {
        public var createdAt: Date
        public var appVersion: String
        public var databaseBytes: Int64
        public var slots: [KeySlot]
        /// The audit chain's head in the backed-up database (absent in backups made before the
        /// audit trail): `audit verify --against` checks a database file against it.
        public var auditHead: AuditHead?
    }

    /// Encrypts the database file at `source` into `destination`: written under a temporary name,
    /// fsynced, renamed, the directory fsynced. Nothing at `destination` until it is complete.
    static func write(source: String, to destination: String, header: Header, key: SecureBytes,
                      progress: (Int64) -> Void = { _ in }) throws {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.sortedKeys]
        let headerJSON = Array(try encoder.encode(header))
        var prefix = magic + [format]
        prefix += withUnsafeBytes(of: UInt32(headerJSON.count).littleEndian, Array.init)
        prefix += headerJSON

        let input = try FileReader(path: source)
        let tmp = destination + ".partial"
        let out = try DurableWriter(path: tmp)
        var done = false
        defer { if !done { out.abandon() } }
        let stream = SecretStream.Writer(key: key)
        try out.write(prefix + stream.header)
        var first = true
        var total: Int64 = 0
        var chunk = try input.read(upTo: chunkSize)
        while true {
            let next = chunk.count == chunkSize ? try input.read(upTo: chunkSize) : []
            let final = next.isEmpty
            let sealed = chunk.withUnsafeBytes { stream.push($0, additionalData: first ? prefix : [], final: final) }
            try out.write(withUnsafeBytes(of: UInt32(sealed.count).littleEndian, Array.init) + sealed)
            total += Int64(chunk.count)
            progress(total)
            first = false
            if final { break }
            chunk = next
        }
        try out.finish(renamingTo: destination)
        done = true
    }

    /// The header of a backup file (not yet authenticated: the key slots in it authenticate their
    /// own parameters, and the rest is checked when the stream is opened).
    public static func header(at path: String) throws -> (Header, [UInt8]) {
        try readHeader(try FileReader(path: path), path: path)
    }

    static func readHeader(_ input: FileReader, path: String) throws -> (Header, [UInt8]) {
        let fixed = try input.read(upTo: magic.count + 5)
        guard fixed.count == magic.count + 5, Array(fixed.prefix(magic.count)) == magic else { throw invalid(path, "not a Medora backup") }
        guard fixed[magic.count] == format else { throw invalid(path, "unknown backup format \(fixed[magic.count])") }
        let length = fixed.suffix(4).enumerated().reduce(0) { $0 | Int($1.element) << (8 * $1.offset) }
        guard length > 0, length <= maxHeader else { throw invalid(path, "bad header length") }
        let json = try input.read(upTo: length)
        guard json.count == length else { throw invalid(path, "truncated header") }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        guard let header = try? decoder.decode(Header.self, from: Data(json)), !header.slots.isEmpty else {
            throw invalid(path, "unreadable header")
        }
        return (header, fixed + json)
    }

    /// Decrypts and checks the whole stream; the plaintext goes to `destination` (a temporary file
    /// the caller owns) when given. Returns the number of plaintext bytes.
    @discardableResult
    static func decrypt(_ path: String, key: SecureBytes, to destination: String?, durable: Bool = true) throws -> Int64 {
        let input = try FileReader(path: path)
        let (header, prefix) = try readHeader(input, path: path)
        let streamHeader = try input.read(upTo: SecretStream.headerBytes)
        guard streamHeader.count == SecretStream.headerBytes, let reader = try? SecretStream.Reader(key: key, header: streamHeader) else {
            throw invalid(path, "truncated")
        }
        let out = try destination.map { try DurableWriter(path: $0) }
        var finished = false
        defer { if !finished { out?.abandon() } }
        var total: Int64 = 0
        var first = true
        while !reader.finished {
            let lengthBytes = try input.read(upTo: 4)
            guard lengthBytes.count == 4 else { throw invalid(path, "truncated: the final chunk is missing") }
            let length = lengthBytes.enumerated().reduce(0) { $0 | Int($1.element) << (8 * $1.offset) }
            guard length >= SecretStream.overhead, length <= chunkSize + SecretStream.overhead else { throw invalid(path, "bad chunk length") }
            let sealed = try input.read(upTo: length)
            guard sealed.count == length else { throw invalid(path, "truncated") }
            let plain: [UInt8]
            do {
                plain = try reader.pull(sealed, additionalData: first ? prefix : [])
            } catch {
                // The first chunk fails both for another key and for an altered file.
                throw first ? MedoraError(.wrongSecret) : invalid(path, "altered or damaged")
            }
            first = false
            try out?.write(plain)
            total += Int64(plain.count)
        }
        guard try input.read(upTo: 1).isEmpty else { throw invalid(path, "data after the end") }
        guard total == header.databaseBytes else { throw invalid(path, "size differs from the header") }
        try out?.finish(renamingTo: nil, sync: durable)
        finished = true
        return total
    }

    static func invalid(_ path: String, _ detail: String) -> MedoraError {
        MedoraError(.backupInvalid, ["path": (path as NSString).lastPathComponent, "detail": detail])
    }
}

/// A file written in pieces, then fsynced and (optionally) renamed into place with its directory
/// fsynced; abandoned, it is removed. A full disk is `diskFull`, never a short file left behind.
final class DurableWriter {
    let path: String
    private let fd: Int32

    init(path: String) throws {
        self.path = path
        fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw MedoraError(.notAccessible, ["path": path, "detail": String(cString: strerror(errno))]) }
    }

    func write(_ bytes: [UInt8]) throws {
        try bytes.withUnsafeBytes { buf in
            var offset = 0
            while offset < buf.count {
                let n = Foundation.write(fd, buf.baseAddress! + offset, buf.count - offset)
                if n <= 0 {
                    let e = errno
                    if e == EINTR { continue }
                    throw e == ENOSPC ? MedoraError(.diskFull) : MedoraError(.notAccessible, ["path": path, "detail": String(cString: strerror(e))])
                }
                offset += n
            }
        }
    }

    /// fsync (unless `sync` is false: a temporary file checked and thrown away), close, rename to
    /// `final` (if given) and fsync the directory.
    func finish(renamingTo final: String?, sync: Bool = true) throws {
        guard !sync || fsync(fd) == 0 else {
            let e = errno
            close(fd)
            unlink(path)
            throw e == ENOSPC ? MedoraError(.diskFull) : MedoraError(.notAccessible, ["path": path, "detail": String(cString: strerror(e))])
        }
        close(fd)
        if let final {
            guard rename(path, final) == 0 else {
                unlink(path)
                throw MedoraError(.notAccessible, ["path": final, "detail": String(cString: strerror(errno))])
            }
            DurableFile.syncDirectory((final as NSString).deletingLastPathComponent)
        }
    }

    func abandon() {
        close(fd)
        unlink(path)
    }
}

/// A file read in pieces of a given size, each in as few `read` calls as the kernel allows
/// (`FileHandle` reads a page at a time: 250 calls per MiB).
final class FileReader {
    let path: String
    private let fd: Int32

    init(path: String) throws {
        self.path = path
        fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw MedoraError(.notAccessible, ["path": path, "detail": String(cString: strerror(errno))]) }
    }

    deinit { close(fd) }

    /// `count` bytes, or fewer only at the end of the file.
    func read(upTo count: Int) throws -> [UInt8] {
        guard count > 0 else { return [] }
        var buffer = [UInt8](repeating: 0, count: count)
        var filled = 0
        try buffer.withUnsafeMutableBytes { raw in
            while filled < count {
                let n = Foundation.read(fd, raw.baseAddress! + filled, count - filled)
                if n == 0 { break }
                if n < 0 {
                    if errno == EINTR { continue }
                    throw MedoraError(.notAccessible, ["path": path, "detail": String(cString: strerror(errno))])
                }
                filled += n
            }
        }
        buffer.removeLast(count - filled)
        return buffer
    }
}
