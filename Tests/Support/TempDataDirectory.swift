import Foundation
import MedoraCrypto
import MedoraStorage

/// A data directory in a fresh temp folder, removed when the test ends.
public final class TempDataDirectory {
    public let dir: DataDirectory
    public static let passphrase = "test passphrase 1"

    public init() throws {
        let path = (NSTemporaryDirectory() as NSString).appendingPathComponent("medora-test-\(UUID().uuidString)")
        dir = DataDirectory(path: path)
    }

    /// Initialises with a cheap (interactive) Argon2id passphrase slot and returns the recovery key.
    @discardableResult
    public func initialize(keyfile: Bool = false) async throws -> String {
        try await MedoraStore.initialize(dir, options: InitOptions(
            passphrase: Self.passphrase, createKeyfile: keyfile, adminLogin: "admin", adminPassword: "admin-password",
            adminDisplayName: "Admin", kdf: .interactive))
    }

    public func open(_ secret: UnlockSecret = .passphrase(TempDataDirectory.passphrase), clock: WallClock = SystemClock()) async throws -> MedoraStore {
        try await MedoraStore.open(dir, secret: secret, clock: clock)
    }

    /// Every byte of the database, its WAL and its logs, for plaintext leak checks.
    public func rawBytes() throws -> Data {
        var all = Data()
        let fm = FileManager.default
        let files = (fm.enumerator(atPath: dir.url.path)?.allObjects as? [String]) ?? []
        for f in files {
            var isDir: ObjCBool = false
            let p = dir.url.appendingPathComponent(f).path
            if fm.fileExists(atPath: p, isDirectory: &isDir), !isDir.boolValue, let d = fm.contents(atPath: p) { all.append(d) }
        }
        return all
    }

    deinit { try? FileManager.default.removeItem(at: dir.url) }
}

extension Data {
    public func contains(_ text: String) -> Bool { range(of: Data(text.utf8)) != nil }
}

/// A clock tests can move.
public final class MutableClock: WallClock, @unchecked Sendable {
    private let lock = NSLock()
    private var date: Date
    public init(_ date: Date) { self.date = date }
    public func set(_ d: Date) { lock.lock(); date = d; lock.unlock() }
    public func now() -> Date { lock.lock(); defer { lock.unlock() }; return date }
}
