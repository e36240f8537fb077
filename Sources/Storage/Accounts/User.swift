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
}
