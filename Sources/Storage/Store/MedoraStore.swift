import Foundation
import GRDB
import MedoraCrypto

/// An unlocked installation: the database, the keys, and the repositories built on them.
public final class MedoraStore: Sendable {
    public let directory: DataDirectory
    let database: AppDatabase
    let keyring: Keyring
    public let clock: WallClock
    public let patientRepository: SQLitePatientRepository
    public let userRepository: SQLiteUserRepository
    public let sessionRepository: SQLiteSessionRepository

    public var patients: any PatientRepository { patientRepository }
    public var users: any UserRepository { userRepository }
    public var sessions: any SessionRepository { sessionRepository }

    /// Patients in the in-memory search index (logged at start).
    public var indexedPatientCount: Int { patientRepository.index.count }

    /// The search index itself, for the benchmarks' index-only timings.
    @_spi(Benchmarks) public var searchIndex: PatientSearchIndex { patientRepository.index }

    init(directory: DataDirectory, database: AppDatabase, keyring: Keyring, clock: WallClock,
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

    // MARK: - open

    /// Opens and unlocks an installation. Nothing is written until the key has been unlocked, so a
    /// wrong secret leaves the files as they were.
    public static func open(_ dir: DataDirectory, secret: UnlockSecret, clock: WallClock = SystemClock(),
                            buildIndex: Bool = true) async throws -> MedoraStore {
        let slots = try AppDatabase.readKeySlots(path: dir.databasePath)
        guard !slots.isEmpty else {
            throw MedoraError(.corruptDatabase, ["path": dir.databasePath, "detail": "no key slots"])
        }
        let masterKey = try KeySlotStore.unlock(slots, with: try resolve(secret))
        let database = try AppDatabase(path: dir.databasePath)
        try database.migrate()
        let store = try MedoraStore(directory: dir, database: database, keyring: Keyring(masterKey: masterKey),
                                    clock: clock, hashing: BlockingWorkLimiter())
        if buildIndex { try store.patientRepository.buildIndex() }
        return store
    }

    public func close() throws { try database.close() }
}
