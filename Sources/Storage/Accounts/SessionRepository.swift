import Foundation
import GRDB
import MedoraCrypto

public protocol SessionRepository: Sendable {
    /// Starts a session and returns the bearer token (shown once) with it.
    func create(userID: UUID, ip: String?, userAgent: String?) async throws -> (token: String, session: Session)
    /// The live session and its active user for a token, or nil.
    func resolve(token: String) async throws -> (Session, User)?
    func revoke(token: String) async throws
    func purgeExpired() async throws -> Int
}

public final class SQLiteSessionRepository: SessionRepository {
    public static let lifetime: TimeInterval = 12 * 3600

    let database: AppDatabase
    let tokenKey: SecureBytes
    let users: SQLiteUserRepository
    let clock: WallClock
    let cache: SessionCache

    init(database: AppDatabase, keyring: Keyring, users: SQLiteUserRepository, clock: WallClock, cache: SessionCache) {
        self.database = database
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
        let session = Session(id: UUID(), userID: userID, csrf: Self.base64URL(RandomBytes.make(24)),
                              createdAt: now, expiresAt: now.addingTimeInterval(Self.lifetime))
        let hash = tokenHash(token)
        let agent = userAgent.map { String($0.prefix(256)) }
        try await database.write { db in
            try db.execute(sql: """
                INSERT INTO sessions (id, token_hash, user_id, csrf, created_at, expires_at, ip, user_agent)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [session.id, hash, userID, session.csrf, now, session.expiresAt, ip, agent])
        }
        return (token, session)
    }

    public func resolve(token: String) async throws -> (Session, User)? {
        guard !token.isEmpty, token.utf8.count <= 128 else { return nil }
        let hash = tokenHash(token)
        let now = clock.now()
        if let hit = cache.get(hash, now: now) { return hit }
        let found = try await database.read { db -> (Session, UserRecord)? in
            guard let row = try Row.fetchOne(db, sql: """
                SELECT s.id AS s_id, s.user_id AS s_user, s.csrf AS s_csrf, s.created_at AS s_created,
                       s.expires_at AS s_expires, u.*
                FROM sessions s JOIN users u ON u.id = s.user_id
                WHERE s.token_hash = ? AND s.expires_at > ? AND u.status = 'active'
                """, arguments: [hash, now]) else { return nil }
            let session = Session(id: row[0], userID: row[1], csrf: row[2], createdAt: row[3], expiresAt: row[4])
            return (session, try UserRecord(row: row))
        }
        guard let (session, record) = found else { return nil }
        let user = try users.open(record)
        cache.put(hash, session, user, now: now)
        return (session, user)
    }

    public func revoke(token: String) async throws {
        let hash = tokenHash(token)
        cache.remove(hash)
        try await database.write { db in
            try db.execute(sql: "DELETE FROM sessions WHERE token_hash = ?", arguments: [hash])
        }
    }

    public func purgeExpired() async throws -> Int {
        let now = clock.now()
        return try await database.write { db in
            try db.execute(sql: "DELETE FROM sessions WHERE expires_at <= ?", arguments: [now])
            return db.changesCount
        }
    }
}
