import Foundation
import GRDB
import MedoraCrypto

public protocol UserRepository: Sendable {
    func create(login: String, password: String, displayName: String, role: User.Role) async throws -> User
    func find(id: UUID) async throws -> User?
    func find(login: String) async throws -> User?
    /// The active user whose password matches, or nil. Takes about the same time whether or not the
    /// login exists. Password hashing runs on a bounded pool: a login flood gets `MedoraError(.busy)`.
    func authenticate(login: String, password: String) async throws -> User?
    func setPassword(userID: UUID, password: String) async throws
    func list() async throws -> [User]
    func count() async throws -> Int
}

public final class SQLiteUserRepository: UserRepository {
    let database: AppDatabase
    let cipher: FieldCipher
    let clock: WallClock
    let hashing: BlockingWorkLimiter
    let sessionCache: SessionCache
    /// Verified against when a login does not exist, so response time does not reveal which logins exist.
    private let decoyHash: String

    init(database: AppDatabase, keyring: Keyring, clock: WallClock, hashing: BlockingWorkLimiter,
         sessionCache: SessionCache) throws {
        self.database = database
        self.sessionCache = sessionCache
        self.cipher = FieldCipher(key: keyring.subkey(.field))
        self.clock = clock
        self.hashing = hashing
        self.decoyHash = try PasswordHasher.hash(UUID().uuidString)
    }

    static func context(_ id: UUID, _ version: Int) -> FieldContext {
        FieldContext(table: "users", column: "display_name", rowID: id, rowVersion: version)
    }

    func open(_ r: UserRecord) throws -> User {
        User(id: r.id, role: User.Role(rawValue: r.role) ?? .assistant, login: r.login,
             displayName: try r.displayName.open(cipher: cipher, Self.context(r.id, r.version)),
             status: User.Status(rawValue: r.status) ?? .disabled, createdAt: r.createdAt)
    }

    public func create(login: String, password: String, displayName: String, role: User.Role) async throws -> User {
        try AccountValidation.validate(login: login, password: password, displayName: displayName)
        let hash = try await hashing.run { try PasswordHasher.hash(password) }
        let id = UUID(), now = clock.now()
        let name = displayName.trimmingCharacters(in: .whitespaces)
        let record = UserRecord(id: id, role: role.rawValue, login: login, passwordHash: hash,
                                displayName: .seal(name, cipher: cipher, Self.context(id, 1)),
                                version: 1, status: User.Status.active.rawValue, createdAt: now, updatedAt: now)
        do {
            try await database.write { db in try record.insert(db) }
        } catch let e as DatabaseError where e.extendedResultCode == .SQLITE_CONSTRAINT_UNIQUE {
            throw MedoraError(.duplicateLogin)
        }
        return User(id: id, role: role, login: login, displayName: name, status: .active, createdAt: now)
    }

    public func find(id: UUID) async throws -> User? {
        try await database.read { db in try UserRecord.fetchOne(db, key: id) }.map(open)
    }

    public func find(login: String) async throws -> User? {
        try await record(login: login).map(open)
    }

    private func record(login: String) async throws -> UserRecord? {
        try await database.read { db in
            try UserRecord.fetchOne(db, sql: "SELECT * FROM users WHERE login = ?", arguments: [login])
        }
    }

    public func authenticate(login: String, password: String) async throws -> User? {
        let record = try await record(login: login)
        let stored = record?.passwordHash ?? decoyHash
        let ok = try await hashing.run { PasswordHasher.verify(password, against: stored) }
        guard ok, let record, record.status == User.Status.active.rawValue else { return nil }
        return try open(record)
    }

    public func setPassword(userID: UUID, password: String) async throws {
        if password.count < AccountValidation.minimumPasswordLength {
            throw MedoraError.invalid([.init("password", .tooShort)])
        }
        let hash = try await hashing.run { try PasswordHasher.hash(password) }
        let now = clock.now()
        try await database.write { db in
            try db.execute(sql: "UPDATE users SET password_hash = ?, updated_at = ? WHERE id = ?",
                           arguments: [hash, now, userID])
            // A new password ends every existing session of that user.
            try db.execute(sql: "DELETE FROM sessions WHERE user_id = ?", arguments: [userID])
        }
        sessionCache.removeAll(userID: userID)
    }

    public func list() async throws -> [User] {
        try await database.read { db in try UserRecord.order(Column("login")).fetchAll(db) }.map(open)
    }

    public func count() async throws -> Int {
        try await database.read { db in try UserRecord.fetchCount(db) }
    }
}
