import Foundation
import GRDB
import MedoraCrypto

/// A person who signs in. `displayName` is personal data and is stored encrypted.
public struct User: Sendable, Equatable, Identifiable {
    public enum Role: String, Sendable, Codable, CaseIterable { case admin, doctor, assistant }
    public enum Status: String, Sendable, Codable { case active, disabled }

    public var id: UUID
    public var role: Role
    public var login: String
    public var displayName: String
    public var status: Status
    public var createdAt: Date
    /// An assistant's doctor, whose patients they work on (nil for other roles, or not yet assigned).
    public var doctorID: UUID? = nil
    /// When the user accepted the terms and privacy notice (nil: not yet; asked before first use).
    public var consentedAt: Date? = nil
    /// The language the user chose for the pages (nil: the header switch, the browser, the clinic's).
    public var language: Language? = nil
}

extension Sequence where Element == User {
    /// Each user's display name by id (the audit pages, the export's access log, the users list).
    public var displayNames: [UUID: String] {
        Dictionary(map { ($0.id, $0.displayName) }, uniquingKeysWith: { a, _ in a })
    }
}
