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
}
