import Foundation
import MedoraCrypto
@testable import MedoraStorage

/// A data directory in a fresh temp folder, removed when the test ends.
final class TempDataDirectory {
    let dir: DataDirectory
    static let passphrase = "test passphrase 1"

    init() throws {
        let path = (NSTemporaryDirectory() as NSString).appendingPathComponent("medora-test-\(UUID().uuidString)")
        dir = DataDirectory(path: path)
    }

    /// Initialises with a cheap (interactive) Argon2id passphrase slot and returns the recovery key.
    @discardableResult
    func initialize(keyfile: Bool = false) async throws -> String {
        try await MedoraStore.initialize(dir, options: InitOptions(
            passphrase: Self.passphrase, createKeyfile: keyfile, adminLogin: "admin", adminPassword: "admin-password",
            adminDisplayName: "Admin", kdf: .interactive))
    }

    func open(_ secret: UnlockSecret = .passphrase(TempDataDirectory.passphrase), clock: WallClock = SystemClock()) async throws -> MedoraStore {
        try await MedoraStore.open(dir, secret: secret, clock: clock)
    }

    /// Every byte of the database, its WAL and its logs, for plaintext leak checks.
    func rawBytes() throws -> Data {
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
    func contains(_ text: String) -> Bool { range(of: Data(text.utf8)) != nil }
}
