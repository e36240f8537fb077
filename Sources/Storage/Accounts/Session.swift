import Foundation
import GRDB
import MedoraCrypto

/// A signed-in session. The bearer token itself is never stored: only a keyed hash of it, so a
/// copy of the database cannot be used to sign in.
public struct Session: Sendable, Equatable {
    public var id: UUID
    public var userID: UUID
    public var csrf: String
    public var createdAt: Date
    public var expiresAt: Date
    /// Where it was started from, for the user's list of their sessions.
    public var ip: String? = nil
    public var userAgent: String? = nil
}

extension Session {
    /// Decodes a `sessions` row read from the file; a wrong type is damage, never a trap.
    init(decoding row: Row) throws(RowDamage) {
        id = try row.uuid("id")
        userID = try row.uuid("user_id")
        csrf = try row.value("csrf")
        createdAt = try row.value("created_at")
        expiresAt = try row.value("expires_at")
        ip = try row.optionalValue("ip")
        userAgent = try row.optionalValue("user_agent")
    }
}
