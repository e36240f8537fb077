import Foundation
import GRDB
import MedoraCrypto

public protocol UserRepository: Sendable {
    /// A new active user; an assistant may be given their doctor (an active doctor) at once.
    func create(login: String, password: String, displayName: String, role: User.Role, doctorID: UUID?) async throws -> User
    /// The user, or nil. A damaged user row throws `recordDamaged`.
    func find(id: UUID) async throws -> User?
    func find(login: String) async throws -> User?
    /// The active user whose password matches, or nil. Takes about the same time whether or not the
    /// login exists. Password hashing runs on a bounded pool: a login flood gets `MedoraError(.busy)`.
    /// A damaged user row never signs in. `priority` attempts (a known address, a signed-in user)
    /// wait ahead of all others for the hashing pool, so a flood cannot starve them.
    func authenticate(login: String, password: String, priority: Bool) async throws -> User?
    /// A new password; ends every session of the user.
    func setPassword(userID: UUID, password: String) async throws
    /// A new role; an assistant's doctor (an active doctor) comes with it. Sessions end (what the
    /// user may do changed). An administrator cannot demote the last active administrator; a user
    /// who owns patients or has assistants cannot become an assistant.
    func setRole(userID: UUID, role: User.Role, doctorID: UUID?) async throws
    /// Records that the user accepted the terms and privacy notice, now.
    func recordConsent(userID: UUID) async throws
    /// The user's page language (nil: not set).
    func setLanguage(userID: UUID, language: Language?) async throws
    /// Disables (ending every session at once) or enables a user. The last active administrator
    /// cannot be disabled.
    func setStatus(userID: UUID, status: User.Status) async throws
    /// Deletes a user who owns no patients (and their sessions); the last active administrator
    /// cannot be deleted.
    func delete(userID: UUID) async throws
    /// Every user whose row is intact, by login.
    func list() async throws -> [User]
    func count() async throws -> Int
}

extension UserRepository {
    public func authenticate(login: String, password: String) async throws -> User? {
        try await authenticate(login: login, password: password, priority: false)
    }
}

extension UserRepository {
    public func create(login: String, password: String, displayName: String, role: User.Role) async throws -> User {
        try await create(login: login, password: password, displayName: displayName, role: role, doctorID: nil)
    }
}

public final class SQLiteUserRepository: UserRepository {
    let database: AppDatabase
    let cipher: FieldCipher
    let ledger: IntegrityLedger
    let quarantine: QuarantineRegistry
    let clock: WallClock
    let hashing: BlockingWorkLimiter
    let sessionCache: SessionCache
    let audit: AuditTrail
    /// Verified against when a login does not exist, so response time does not reveal which logins exist.
    private let decoyHash: String

    init(database: AppDatabase, keyring: Keyring, ledger: IntegrityLedger, quarantine: QuarantineRegistry,
         clock: WallClock, hashing: BlockingWorkLimiter, sessionCache: SessionCache, audit: AuditTrail) throws {
        self.database = database
        self.audit = audit
        self.sessionCache = sessionCache
        self.cipher = FieldCipher(key: keyring.subkey(.field))
        self.ledger = ledger
        self.quarantine = quarantine
        self.clock = clock
        self.hashing = hashing
        self.decoyHash = try PasswordHasher.hash(UUID.random().uuidString)
    }

    static func context(_ id: UUID, _ version: Int) -> FieldContext {
        FieldContext(table: "users", column: "display_name", rowID: id, rowVersion: version)
    }

    /// A row read from the file, checked in full: decoded, its display name opened, its MAC
    /// (login, role, status, password hash...) verified. Either the record and the user, or the damage.
    func inspect(_ row: Row) -> Result<(UserRecord, User), DamagedRecord> {
        do throws(RowDamage) {
            let r = try UserRecord(decoding: row)
            guard let name = try? r.displayName.open(cipher: cipher, Self.context(r.id, r.version)) else {
                throw RowDamage(column: "display_name_enc", reason: .ciphertext)
            }
            guard ledger.auth.verify(.users, row), let role = User.Role(rawValue: r.role),
                  let status = User.Status(rawValue: r.status) else { throw RowDamage(column: nil, reason: .authentication) }
            return .success((r, User(id: r.id, role: role, login: r.login, displayName: name, status: status, createdAt: r.createdAt,
                                    doctorID: r.doctorID, consentedAt: r.consentAt,
                                    language: r.language.flatMap(Language.init(rawValue:)))))
        } catch {
            return .failure(DamagedRecord(table: "users", id: try? row.uuid("id"),
                                          rowNumber: (try? row.value("row_number", as: Int64.self)) ?? 0,
                                          column: error.column, reason: error.reason, ownerID: nil))
        }
    }

    /// The checked user of `row`; a damaged one is quarantined and refused.
    func open(_ row: Row) throws -> (UserRecord, User) {
        switch inspect(row) {
        case .success(let pair): return pair
        case .failure(let damage):
            quarantine.add(damage)
            throw MedoraError(.recordDamaged, ["record": damage.id?.uuidString.lowercased() ?? "users row \(damage.rowNumber)"])
        }
    }

    public func create(login: String, password: String, displayName: String, role: User.Role, doctorID: UUID?) async throws -> User {
        try AccountValidation.validate(login: login, password: password, displayName: displayName)
        let doctor = role == .assistant ? doctorID : nil
        if let doctor { try await requireActiveDoctor(doctor) }
        let hash = try await hashing.run { try PasswordHasher.hash(password) }
        let id = UUID.random(), now = clock.now()
        let name = displayName.trimmingCharacters(in: .whitespaces)
        let record = UserRecord(id: id, role: role.rawValue, login: login, passwordHash: hash,
                                displayName: .seal(name, cipher: cipher, Self.context(id, 1)),
                                version: 1, status: User.Status.active.rawValue, createdAt: now, updatedAt: now,
                                doctorID: doctor)
        let (ledger, audit, actor) = (self.ledger, self.audit, AuditActor.current)
        do {
            try await database.write { db in
                try record.insert(db)
                try ledger.seal(db, .users, id: id)
                try audit.record(db, .userCreate, entity: id, actor: actor)
            }
        } catch let e as DatabaseError where e.extendedResultCode == .SQLITE_CONSTRAINT_UNIQUE {
            throw MedoraError(.duplicateLogin)
        }
        return User(id: id, role: role, login: login, displayName: name, status: .active, createdAt: now, doctorID: doctor)
    }

    public func find(id: UUID) async throws -> User? {
        try await checked(where: "id = ?", id).map { try $0.get().1 }
    }

    public func find(login: String) async throws -> User? {
        try await checked(where: "login = ?", login).map { try $0.get().1 }
    }

    /// The one user row matching `condition`, checked; a damaged one is quarantined.
    private func checked(where condition: String, _ value: some DatabaseValueConvertible & Sendable) async throws
        -> Result<(UserRecord, User), MedoraError>? {
        let result = try await database.read { db in
            try Row.fetchOne(db, sql: AuthenticatedTable.users.selectAll + " WHERE \(condition)", arguments: [value])
                .map(self.inspect)
        }
        return result.map { r in
            r.mapError { damage in
                quarantine.add(damage)
                return MedoraError(.recordDamaged, ["record": damage.id?.uuidString.lowercased() ?? "users row \(damage.rowNumber)"])
            }
        }
    }

    public func authenticate(login: String, password: String, priority: Bool) async throws -> User? {
        let checked = try? await checked(where: "login = ?", login)?.get()
        let stored = checked?.0.passwordHash ?? decoyHash
        let ok = try await hashing.run(priority: priority) { PasswordHasher.verify(password, against: stored) }
        guard ok, let (_, user) = checked, user.status == .active else { return nil }
        return user
    }

    public func setPassword(userID: UUID, password: String) async throws {
        guard let user = try await find(id: userID) else { throw MedoraError(.notFound) }
        if let issue = AccountValidation.passwordIssue(password, login: user.login) { throw MedoraError.invalid([issue]) }
        let hash = try await hashing.run { try PasswordHasher.hash(password) }
        try await change(userID: userID, set: "password_hash = ?", [hash])
    }

    public func setStatus(userID: UUID, status: User.Status) async throws {
        try await change(userID: userID, set: "status = ?", [status.rawValue]) { db, user in
            if status == .disabled { try Self.requireAnotherAdministrator(db, besides: user) }
        }
    }

    public func delete(userID: UUID) async throws {
        let (ledger, audit, actor) = (self.ledger, self.audit, AuditActor.current)
        try await database.write { db in
            guard let row = try Row.fetchOne(db, sql: AuthenticatedTable.users.selectAll + " WHERE id = ?", arguments: [userID]) else {
                throw MedoraError(.notFound)
            }
            let (_, user) = try self.open(row)
            try Self.requireAnotherAdministrator(db, besides: user)
            if try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM patients WHERE owner_id = ?", arguments: [userID]) ?? 0 > 0 {
                throw MedoraError(.userHasPatients)
            }
            try ledger.delete(db, .sessions, where: "user_id = ?", arguments: [userID])
            // Their assistants are left without a doctor (and see nothing until given another).
            let assistants = try UUID.fetchAll(db, sql: "SELECT id FROM users WHERE doctor_id = ?", arguments: [userID])
            try db.execute(sql: "UPDATE users SET doctor_id = NULL WHERE doctor_id = ?", arguments: [userID])
            try ledger.seal(db, .users, ids: assistants)
            try ledger.delete(db, .users, where: "id = ?", arguments: [userID])
            try audit.record(db, .userDelete, entity: userID, actor: actor)
        }
        sessionCache.removeAll(userID: userID)
    }

    /// Refuses to take away the last active administrator (counting only intact rows).
    static func requireAnotherAdministrator(_ db: Database, besides user: User) throws {
        guard user.role == .admin, user.status == .active else { return }
        let others = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM users WHERE role = 'admin' AND status = 'active' AND id != ?",
                                      arguments: [user.id]) ?? 0
        if others == 0 { throw MedoraError(.lastAdministrator) }
    }

    public func setRole(userID: UUID, role: User.Role, doctorID: UUID?) async throws {
        let doctor: UUID? = role == .assistant ? doctorID : nil
        if role == .assistant {
            guard let doctorID, doctorID != userID else { throw MedoraError.invalid([.init("doctorId", .invalidValue)]) }
            try await requireActiveDoctor(doctorID)
        }
        try await change(userID: userID, set: "role = ?, doctor_id = ?", [role.rawValue, doctor?.databaseValue ?? .null]) { db, user in
            if role != .admin { try Self.requireAnotherAdministrator(db, besides: user) }
            if role == .assistant {
                let owns = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM patients WHERE owner_id = ?", arguments: [userID]) ?? 0
                let helped = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM users WHERE doctor_id = ?", arguments: [userID]) ?? 0
                if owns + helped > 0 { throw MedoraError(.roleChangeRefused) }
            }
        }
    }

    /// An assistant's doctor must be an active doctor.
    private func requireActiveDoctor(_ id: UUID) async throws {
        guard let d = try? await find(id: id), d.role == .doctor, d.status == .active else {
            throw MedoraError.invalid([.init("doctorId", .invalidValue)])
        }
    }

    public func recordConsent(userID: UUID) async throws {
        try await change(userID: userID, set: "consent_at = ?", [clock.now()], endSessions: false)
    }

    public func setLanguage(userID: UUID, language: Language?) async throws {
        try await change(userID: userID, set: "language = ?", [language?.rawValue], endSessions: false)
    }

    /// Changes clear columns of a checked user row (after `check` allows it), re-seals it and
    /// (unless told not to) ends the user's sessions.
    private func change(userID: UUID, set assignment: String, _ values: StatementArguments, endSessions: Bool = true,
                        check: @Sendable @escaping (Database, User) throws -> Void = { _, _ in }) async throws {
        let now = clock.now()
        let (ledger, audit, actor) = (self.ledger, self.audit, AuditActor.current)
        try await database.write { db in
            guard let row = try Row.fetchOne(db, sql: AuthenticatedTable.users.selectAll + " WHERE id = ?", arguments: [userID]) else {
                throw MedoraError(.notFound)
            }
            let (_, user) = try self.open(row)
            try check(db, user)
            try audit.record(db, .userUpdate, entity: userID, actor: actor)
            try db.execute(sql: "UPDATE users SET \(assignment), updated_at = ? WHERE id = ?", arguments: values + [now, userID])
            try ledger.seal(db, .users, id: userID)
            if endSessions { try ledger.delete(db, .sessions, where: "user_id = ?", arguments: [userID]) }
        }
        sessionCache.removeAll(userID: userID)
    }

    public func list() async throws -> [User] {
        let results = try await database.read { db in
            try Row.fetchAll(db, sql: AuthenticatedTable.users.selectAll + " ORDER BY login").map(self.inspect)
        }
        return results.compactMap { result in
            switch result {
            case .success(let (_, user)): return user
            case .failure(let damage): quarantine.add(damage); return nil
            }
        }
    }

    public func count() async throws -> Int {
        try await database.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM users") ?? 0 }
    }
}
