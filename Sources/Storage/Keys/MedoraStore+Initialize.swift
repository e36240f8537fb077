import Foundation
import GRDB
import MedoraCrypto

/// What `init` needs to know.
public struct InitOptions: Sendable {
    public var passphrase: String?
    public var createKeyfile: Bool
    public var adminLogin: String
    public var adminPassword: String
    public var adminDisplayName: String
    /// Argon2id cost of the passphrase slot. Moderate in production; tests may use `.interactive`.
    public var kdf: KDFParameters

    public init(passphrase: String?, createKeyfile: Bool, adminLogin: String, adminPassword: String,
                adminDisplayName: String, kdf: KDFParameters = .moderate) {
        self.passphrase = passphrase
        self.createKeyfile = createKeyfile
        self.adminLogin = adminLogin
        self.adminPassword = adminPassword
        self.adminDisplayName = adminDisplayName
        self.kdf = kdf
    }
}

extension MedoraStore {
    /// Creates a new installation and returns the recovery key (to be shown once).
    /// The database is built under a temporary name and renamed into place only when complete, so a
    /// crash half-way leaves no file that looks initialised.
    public static func initialize(_ dir: DataDirectory, options: InitOptions,
                                  clock: WallClock = SystemClock()) async throws -> String {
        guard options.passphrase != nil || options.createKeyfile else {
            throw MedoraError.invalid([.init("passphrase", .required)])
        }
        try AccountValidation.validate(login: options.adminLogin, password: options.adminPassword,
                                       displayName: options.adminDisplayName)
        if let p = options.passphrase, p.count < 8 { throw MedoraError.invalid([.init("passphrase", .tooShort)]) }
        try dir.createDirectories()
        if dir.isInitialized { throw MedoraError(.alreadyInitialized, ["path": dir.databasePath]) }

        let tmpPath = dir.databasePath + ".init"
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: tmpPath + suffix) }

        let keyring = Keyring.generate()
        let recoveryKey = SecureBytes.random(count: 32)
        let now = clock.now()
        var slots = [try keyring.makeSlot(with: .recoveryKey(recoveryKey))]
        if let p = options.passphrase {
            slots.append(try keyring.makeSlot(with: .passphrase(p), parameters: options.kdf))
        }
        if options.createKeyfile {
            let keyfile = SecureBytes.random(count: 32)
            slots.append(try keyring.makeSlot(with: .keyfile(keyfile)))
            let text = keyfile.withUnsafeBytes { Data($0).base64EncodedString() } + "\n"
            try DurableFile.write(Data(text.utf8), to: dir.keyfilePath)
        }

        do {
            let database = try AppDatabase(path: tmpPath, create: true)
            let store = try MedoraStore(directory: dir, database: database, keyring: keyring,
                                        clock: clock, hashing: BlockingWorkLimiter())
            try database.migrate(store.ledger)
            try await database.write { [slots] db in
                for slot in slots { try KeySlotStore.insert(slot, at: now, db) }
                try db.execute(sql: "INSERT INTO meta (key, value) VALUES ('created_at', ?), ('format', 'medora-lite/1')",
                               arguments: [ISO8601DateFormatter().string(from: now)])
            }
            _ = try await store.users.create(login: options.adminLogin, password: options.adminPassword,
                                             displayName: options.adminDisplayName, role: .admin)
            try await database.pool.writeWithoutTransaction { db in _ = try db.checkpoint(.truncate) }
            try database.close()
        } catch {
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: tmpPath + suffix) }
            throw error
        }
        try? FileManager.default.removeItem(atPath: tmpPath + "-wal")
        try? FileManager.default.removeItem(atPath: tmpPath + "-shm")
        chmod(tmpPath, 0o600) // patient ciphertext is still nobody else's business
        guard rename(tmpPath, dir.databasePath) == 0 else {
            throw MedoraError(.notAccessible, ["path": dir.databasePath, "detail": String(cString: strerror(errno))])
        }
        DurableFile.syncDirectory(dir.url.path)
        return RecoveryKeyCode.encode(recoveryKey)
    }
}
