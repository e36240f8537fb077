import Foundation
import GRDB
import MedoraCrypto
import Synchronization

/// An unlocked installation: the database, the keys, and the repositories built on them.
public final class MedoraStore: Sendable {
    public let directory: DataDirectory
    let database: AppDatabase
    let keyring: Keyring
    public let clock: WallClock
    public let patientRepository: SQLitePatientRepository
    public let userRepository: SQLiteUserRepository
    public let sessionRepository: SQLiteSessionRepository
    public let settingsRepository: SQLiteSettingsRepository
    public let analysisRepository: SQLiteAnalysisRepository
    /// Who read or changed what: a MAC chain in the same file.
    public let audit: AuditTrail

    public var patients: any PatientRepository { patientRepository }
    public var users: any UserRepository { userRepository }
    public var sessions: any SessionRepository { sessionRepository }
    public var settings: any SettingsRepository { settingsRepository }
    public var analyses: any AnalysisRepository { analysisRepository }

    /// Patients in the in-memory search index (logged at start).
    public var indexedPatientCount: Int { patientRepository.index.count }
    /// The dashboard statistics cache: entries, hits, misses, invalidations.
    public var statisticsCacheCounters: CacheCounters { patientRepository.statisticsCache.counters }
    /// Database accesses and their waits for a connection.
    public var databaseWaits: PoolWaits { database.waits.withLock { $0 } }
    /// The password-hashing queue.
    public let hashing: BlockingWorkLimiter

    /// SQLite's quick check (structure, not every index entry) of the database: `["ok"]` when sound.
    public func quickCheck() async throws -> [String] {
        try await database.read { db in try String.fetchAll(db, sql: "PRAGMA quick_check(5)") }
    }

    /// Free bytes on the data directory's disk (nil when the system does not say).
    public var freeDiskBytes: Int64? {
        ((try? FileManager.default.attributesOfFileSystem(forPath: directory.url.path))?[.systemFreeSize] as? NSNumber)?.int64Value
    }

    /// Every row's MAC and every table's digest checked, without decrypting anything: what detects
    /// moved, undeleted, rolled-back and deleted rows. For the benchmarks; returns the findings.
    @_spi(Benchmarks) public func verifyRowSets() throws -> (rows: Int, unauthenticated: Int, findings: [DigestFinding]) {
        var rows = 0, bad = 0
        var findings: [DigestFinding] = []
        for table in AuthenticatedTable.all {
            let scan = try ledger.scan(database, table)
            rows += Int(scan.digest.count)
            bad += scan.unauthenticated.count
            findings += try ledger.findings(database, table, actual: scan.digest)
        }
        return (rows, bad, findings)
    }

    /// The search index itself, for the benchmarks' index-only timings.
    @_spi(Benchmarks) public var searchIndex: PatientSearchIndex { patientRepository.index }

    let ledger: IntegrityLedger
    let quarantine = QuarantineRegistry()
    private let digestFindings = Mutex<[DigestFinding]>([])

    /// Records not served because they are damaged (found at unlock or on a later read): ids only.
    public var damagedRecords: [DamagedRecord] { quarantine.all }

    /// Tables whose set of rows does not match its digest, as found at unlock.
    public var integrityFindings: [DigestFinding] { digestFindings.withLock { $0 } }

    init(directory: DataDirectory, database: AppDatabase, keyring: Keyring, clock: WallClock,
         hashing: BlockingWorkLimiter) throws {
        self.directory = directory
        self.database = database
        self.keyring = keyring
        self.clock = clock
        self.hashing = hashing
        let ledger = IntegrityLedger(auth: RowAuthenticator(keyring: keyring))
        self.ledger = ledger
        let audit = AuditTrail(database: database, keyring: keyring, clock: clock)
        self.audit = audit
        let sessionCache = SessionCache()
        self.patientRepository = SQLitePatientRepository(database: database, keyring: keyring, ledger: ledger,
                                                         quarantine: quarantine, clock: clock, audit: audit,
                                                         directory: directory)
        self.userRepository = try SQLiteUserRepository(database: database, keyring: keyring, ledger: ledger,
                                                       quarantine: quarantine, clock: clock, hashing: hashing,
                                                       sessionCache: sessionCache, audit: audit)
        self.sessionRepository = SQLiteSessionRepository(database: database, keyring: keyring, ledger: ledger,
                                                         users: userRepository, clock: clock, cache: sessionCache, audit: audit)
        self.analysisRepository = SQLiteAnalysisRepository(database: database, patients: patientRepository, ledger: ledger,
                                                           quarantine: quarantine, clock: clock)
        self.settingsRepository = SQLiteSettingsRepository(database: database, ledger: ledger,
                                                           sessions: sessionRepository.activity, keyring: keyring, audit: audit)
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
        let store = try MedoraStore(directory: dir, database: database, keyring: Keyring(masterKey: masterKey),
                                    clock: clock, hashing: BlockingWorkLimiter())
        try database.migrate(store.ledger)
        // Erasures made after this file was copied (a restore, a file put back by hand) apply again.
        try await store.patientRepository.applyErasures(from: dir)
        try store.settingsRepository.load()
        if buildIndex { try store.scanAtUnlock() }
        return store
    }

    /// Builds the search index and checks every authenticated table: damaged rows are quarantined
    /// (the server starts and serves the rest), and a set of rows that does not match its digest
    /// is recorded as a finding for the log and `check`.
    func scanAtUnlock() throws {
        var findings: [DigestFinding] = []
        for table in [AuthenticatedTable.users, .sessions, .settings, .analyses] {
            let scan = try ledger.scan(database, table)
            quarantine.replaceAll(table: table.name, with: scan.unauthenticated)
            findings += try ledger.findings(database, table, actual: scan.digest)
        }
        findings += try ledger.findings(database, .patients, actual: try patientRepository.buildIndex().digest)
        digestFindings.withLock { $0 = findings }
    }

    /// Commits the noted reads, then checkpoints and closes the file.
    public func close() throws {
        try? audit.flushNow()
        try database.close()
    }
}
