import Foundation
import GRDB
import MedoraCrypto

public protocol SessionRepository: Sendable {
    /// Starts a session and returns the bearer token (shown once) with it.
    func create(userID: UUID, ip: String?, userAgent: String?) async throws -> (token: String, session: Session)
    /// Notes a refused sign-in in the audit trail (no login or password kept: who tried is not known).
    func noteFailedSignIn(_ actor: AuditActor)
    /// The live session and its active user for a token, or nil.
    func resolve(token: String) async throws -> (Session, User)?
    func revoke(token: String) async throws
    func purgeExpired() async throws -> Int
    /// The user's live sessions (intact rows only), newest first.
    func list(userID: UUID) async throws -> [Session]
    /// Ends one of the user's sessions; false if there was no such session of theirs.
    func revoke(id: UUID, userID: UUID) async throws -> Bool
    /// Ends every session of the user except `keeping`; returns how many.
    func revokeAll(userID: UUID, keeping: UUID?) async throws -> Int
}

public final class SQLiteSessionRepository: SessionRepository {
    public static let lifetime: TimeInterval = 12 * 3600

    let database: AppDatabase
    let tokenKey: SecureBytes
    let users: SQLiteUserRepository
    let clock: WallClock
    let cache: SessionCache

    let ledger: IntegrityLedger
    let activity = SessionActivity()
    let audit: AuditTrail

    init(database: AppDatabase, keyring: Keyring, ledger: IntegrityLedger, users: SQLiteUserRepository, clock: WallClock,
         cache: SessionCache, audit: AuditTrail) {
        self.database = database
        self.audit = audit
        self.ledger = ledger
        self.tokenKey = keyring.subkey(.session)
        self.users = users
        self.clock = clock
        self.cache = cache
    }

    static func base64URL(_ bytes: [UInt8]) -> String {
        Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    func tokenHash(_ token: String) -> Data { Data(KeyedHash.digest(Array(token.utf8), key: tokenKey)) }

    public func create(userID: UUID, ip: String?, userAgent: String?) async throws -> (token: String, session: Session) {
        let token = Self.base64URL(RandomBytes.make(32))
        let now = clock.now()
        let session = Session(id: UUID.random(), userID: userID, csrf: Self.base64URL(RandomBytes.make(24)),
                              createdAt: now, expiresAt: now.addingTimeInterval(Self.lifetime))
        let hash = tokenHash(token)
        let agent = userAgent.map { String($0.prefix(256)) }
        let (ledger, audit) = (self.ledger, self.audit)
        let actor = AuditActor(userID: userID, address: ip, origin: AuditActor.current.origin)
        try await database.write { db in
            try audit.record(db, .signIn, entity: session.id, actor: actor)
            try db.execute(sql: """
                INSERT INTO sessions (id, token_hash, user_id, csrf, created_at, expires_at, ip, user_agent)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [session.id, hash, userID, session.csrf, now, session.expiresAt, ip, agent])
            try ledger.seal(db, .sessions, id: session.id)
        }
        activity.touch(hash, now: now)
        return (token, session)
    }

    public func resolve(token: String) async throws -> (Session, User)? {
        guard !token.isEmpty, token.utf8.count <= 128 else { return nil }
        let hash = tokenHash(token)
        let now = clock.now()
        if activity.isIdle(hash, now: now) {
            try await revoke(token: token) // unused too long: ended, as a logout would
            return nil
        }
        if let hit = cache.get(hash, now: now) {
            activity.touch(hash, now: now)
            return hit
        }
        let (auth, users) = (ledger.auth, self.users)
        // Both rows must authenticate: a session revived (expiry edited) or moved to another user,
        // or a user promoted or re-enabled by editing the file, signs nobody in.
        let found = try await database.read { db -> (Session, User)? in
            guard let s = try Row.fetchOne(db, sql: AuthenticatedTable.sessions.selectAll + " WHERE token_hash = ?",
                                           arguments: [hash]),
                  auth.verify(.sessions, s), let session = try? Session(decoding: s),
                  let u = try Row.fetchOne(db, sql: AuthenticatedTable.users.selectAll + " WHERE id = ?",
                                           arguments: [session.userID]),
                  case .success(let (_, user)) = users.inspect(u)
            else { return nil }
            return (session, user)
        }
        guard let (session, user) = found, session.expiresAt > now, user.status == .active else { return nil }
        cache.put(hash, session, user, now: now)
        activity.touch(hash, now: now)
        return (session, user)
    }

    public func noteFailedSignIn(_ actor: AuditActor) { audit.noteRead(.signInFailed, actor: actor) }

    public func revoke(token: String) async throws {
        let hash = tokenHash(token)
        cache.remove(hash)
        activity.forget(hash)
        let (ledger, audit, actor) = (self.ledger, self.audit, AuditActor.current)
        try await database.write { db in
            for id in try UUID.fetchAll(db, sql: "SELECT id FROM sessions WHERE token_hash = ?", arguments: [hash]) {
                try audit.record(db, .signOut, entity: id, actor: actor)
            }
            try ledger.delete(db, .sessions, where: "token_hash = ?", arguments: [hash])
        }
    }

    public func list(userID: UUID) async throws -> [Session] {
        let (auth, now) = (ledger.auth, clock.now())
        return try await database.read { db in
            try Row.fetchAll(db, sql: AuthenticatedTable.sessions.selectAll + " WHERE user_id = ?", arguments: [userID])
                .compactMap { row in auth.verify(.sessions, row) ? try? Session(decoding: row) : nil }
                .filter { $0.userID == userID && $0.expiresAt > now }
                .sorted { $0.createdAt > $1.createdAt }
        }
    }

    public func revoke(id: UUID, userID: UUID) async throws -> Bool {
        let (ledger, audit, actor) = (self.ledger, self.audit, AuditActor.current)
        let ended = try await database.write { db in
            let n = try ledger.delete(db, .sessions, where: "id = ? AND user_id = ?", arguments: [id, userID])
            if n > 0 { try audit.record(db, .signOut, entity: id, actor: actor) }
            return n
        }
        cache.removeAll(userID: userID)
        return ended > 0
    }

    public func revokeAll(userID: UUID, keeping: UUID?) async throws -> Int {
        let (ledger, audit, actor) = (self.ledger, self.audit, AuditActor.current)
        let ended = try await database.write { db in
            let ids = try UUID.fetchAll(db, sql: "SELECT id FROM sessions WHERE user_id = ? AND id IS NOT ?", arguments: [userID, keeping])
            try audit.append(db, ids.map { AuditTrail.Event(at: audit.clock.now(), actor: actor, action: .signOut, entityID: $0, patientID: nil) })
            return try ledger.delete(db, .sessions, where: "user_id = ? AND id IS NOT ?", arguments: [userID, keeping])
        }
        cache.removeAll(userID: userID)
        return ended
    }

    public func purgeExpired() async throws -> Int {
        let now = clock.now()
        let ledger = self.ledger
        return try await database.write { db in
            try ledger.delete(db, .sessions, where: "expires_at <= ?", arguments: [now])
        }
    }
}
