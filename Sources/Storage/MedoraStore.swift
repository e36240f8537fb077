import Foundation
import GRDB
import MedoraCrypto

/// How the master data key is unlocked.
public enum UnlockSecret: Sendable {
    case passphrase(String)
    case keyfile(path: String)
    case recoveryKey(String)
}

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

/// An unlocked installation: the database, the keys, and the repositories built on them.
public final class MedoraStore: Sendable {
    public let directory: DataDirectory
    public let database: AppDatabase
    public let keyring: Keyring
    public let clock: WallClock
    public let patientRepository: SQLitePatientRepository
    public let userRepository: SQLiteUserRepository
    public let sessionRepository: SQLiteSessionRepository

    public var patients: any PatientRepository { patientRepository }
    public var users: any UserRepository { userRepository }
    public var sessions: any SessionRepository { sessionRepository }

    private init(directory: DataDirectory, database: AppDatabase, keyring: Keyring, clock: WallClock,
                 hashing: BlockingWorkLimiter) throws {
        self.directory = directory
        self.database = database
        self.keyring = keyring
        self.clock = clock
        let sessionCache = SessionCache()
        self.patientRepository = SQLitePatientRepository(database: database, keyring: keyring, clock: clock)
        self.userRepository = try SQLiteUserRepository(database: database, keyring: keyring, clock: clock,
                                                       hashing: hashing, sessionCache: sessionCache)
        self.sessionRepository = SQLiteSessionRepository(database: database, keyring: keyring,
                                                         users: userRepository, clock: clock, cache: sessionCache)
    }

    // MARK: - init

    /// Creates a new installation and returns the recovery key (to be shown once).
    /// The database is built under a temporary name and renamed into place only when complete, so a
    /// crash half-way leaves no file that looks initialised.
    public static func initialize(_ dir: DataDirectory, options: InitOptions,
                                  clock: WallClock = SystemClock()) async throws -> String {
        guard options.passphrase != nil || options.createKeyfile else {
            throw StorageError.invalid([.init("passphrase", .required)])
        }
        try AccountValidation.validate(login: options.adminLogin, password: options.adminPassword,
                                       displayName: options.adminDisplayName)
        if let p = options.passphrase, p.count < 8 { throw StorageError.invalid([.init("passphrase", .tooShort)]) }
        try dir.createDirectories()
        if dir.isInitialized { throw StorageError.alreadyInitialized(path: dir.databasePath) }

        let tmpPath = dir.databasePath + ".init"
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: tmpPath + suffix) }

        let masterKey = Keyring.generateMasterKey()
        let recoveryKey = SecureBytes.random(count: 32)
        let now = clock.now()
        var slots = [try KeySlot.create(wrapping: masterKey, with: .recoveryKey(recoveryKey))]
        if let p = options.passphrase {
            slots.append(try KeySlot.create(wrapping: masterKey, with: .passphrase(p), parameters: options.kdf))
        }
        if options.createKeyfile {
            let keyfile = SecureBytes.random(count: 32)
            slots.append(try KeySlot.create(wrapping: masterKey, with: .keyfile(keyfile)))
            let text = keyfile.withUnsafeBytes { Data($0).base64EncodedString() } + "\n"
            try DurableFile.write(Data(text.utf8), to: dir.keyfilePath)
        }

        do {
            let database = try AppDatabase(path: tmpPath, create: true)
            try database.migrate()
            let store = try MedoraStore(directory: dir, database: database, keyring: Keyring(masterKey: masterKey),
                                        clock: clock, hashing: BlockingWorkLimiter())
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
            throw StorageError.notAccessible(path: dir.databasePath, detail: String(cString: strerror(errno)))
        }
        DurableFile.syncDirectory(dir.url.path)
        return RecoveryKeyCode.encode(recoveryKey)
    }

    // MARK: - open

    /// Opens and unlocks an installation. Nothing is written until the key has been unlocked, so a
    /// wrong secret leaves the files as they were.
    public static func open(_ dir: DataDirectory, secret: UnlockSecret, clock: WallClock = SystemClock(),
                            buildIndex: Bool = true) async throws -> MedoraStore {
        let slots = try AppDatabase.readKeySlots(path: dir.databasePath)
        guard !slots.isEmpty else {
            throw StorageError.corruptDatabase(path: dir.databasePath, detail: "no key slots")
        }
        let masterKey = try KeySlotStore.unlock(slots, with: try resolve(secret))
        let database = try AppDatabase(path: dir.databasePath)
        try database.migrate()
        let store = try MedoraStore(directory: dir, database: database, keyring: Keyring(masterKey: masterKey),
                                    clock: clock, hashing: BlockingWorkLimiter())
        if buildIndex { try store.patientRepository.buildIndex() }
        return store
    }

    static func resolve(_ secret: UnlockSecret) throws -> KeySlot.Secret {
        switch secret {
        case .passphrase(let p):
            return .passphrase(p)
        case .recoveryKey(let text):
            guard let key = RecoveryKeyCode.decode(text) else { throw StorageError.wrongSecret }
            return .recoveryKey(key)
        case .keyfile(let path):
            return .keyfile(try readKeyfile(path))
        }
    }

    /// A keyfile is 32 random bytes in base64. It must be readable by its owner only.
    static func readKeyfile(_ path: String) throws -> SecureBytes {
        var st = stat()
        guard stat(path, &st) == 0 else {
            throw StorageError.notAccessible(path: path, detail: "keyfile not found")
        }
        guard st.st_mode & 0o077 == 0 else {
            throw StorageError.notAccessible(path: path, detail: "keyfile is readable by others; run chmod 600")
        }
        guard let data = FileManager.default.contents(atPath: path),
              let text = String(data: data, encoding: .utf8),
              var raw = Data(base64Encoded: text.trimmingCharacters(in: .whitespacesAndNewlines)).map({ [UInt8]($0) }),
              raw.count == 32 else {
            throw StorageError.notAccessible(path: path, detail: "not a Medora keyfile")
        }
        defer { raw.wipe() }
        return SecureBytes(copying: raw)
    }

    // MARK: - key management

    /// Re-wraps the master key under a new passphrase. Only the slot changes, never the data.
    public func changePassphrase(to passphrase: String, kdf: KDFParameters = .moderate) async throws {
        if passphrase.count < 8 { throw StorageError.invalid([.init("passphrase", .tooShort)]) }
        let slot = try KeySlot.create(wrapping: keyring.masterKey, with: .passphrase(passphrase), parameters: kdf)
        let now = clock.now()
        try await database.write { db in try KeySlotStore.replace(kind: .passphrase, with: slot, at: now, db) }
    }

    public func close() throws { try database.close() }
}
