import Foundation
import Hummingbird
import MedoraStorage
import Synchronization

/// Who is calling, once the auth middleware has resolved the bearer token.
struct Identity: Sendable {
    var user: User
    var session: Session
    var token: String

    /// Who owns a patient this user creates; 403 for an assistant with no doctor.
    func ownerOfNewPatients() throws -> UUID {
        guard let owner = user.ownerOfNewPatients else { throw APIError(.noDoctorAssigned) }
        return owner
    }
}

/// Per-request state shared by middleware and handlers.
struct AppRequestContext: RequestContext {
    var coreContext: CoreRequestContextStorage
    /// Peer address, for rate limits and sessions (never logged with patient data).
    var remoteIP: String?
    var identity: Identity?
    /// The language of what this request answers: the user's setting, else the `lang` cookie, else
    /// `Accept-Language`, else the clinic's default (set by `PageContextMiddleware` and the session).
    var language: Language = .en
    /// The clinic's name for the header (empty: the product's name).
    var clinicName = ""
    /// No good backup in the last 24 hours (shown to administrators).
    var backupStale = false
    /// What the access log reports of a request that inner layers learn (the user, once the
    /// session resolves): shared by every copy of this context.
    let notes = RequestNotes()

    init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        remoteIP = source.channel.remoteAddress?.ipAddress
    }

    /// The most a request body may hold on this route (set by `ErrorMiddleware`); more is 413.
    var bodyLimit = HTTPLimits.maxBodyBytes
    var maxUploadSize: Int { bodyLimit }

    /// Stable key order and ISO-8601 dates, so responses read and diff well.
    var responseEncoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    /// The authenticated user, or 401.
    func requireIdentity() throws -> Identity {
        guard let identity else { throw APIError(.unauthorized) }
        return identity
    }

    /// The `{name}` path parameter as a UUID; `invalid` (a 400 or a "not found") when it is not one.
    func uuidParameter(_ name: String = "id", else invalid: ErrorKind = .invalidID) throws -> UUID {
        guard let raw = parameters.get(name), let id = UUID(uuidString: raw) else { throw APIError(invalid) }
        return id
    }

    /// The authenticated user if their role has `permission` (the role matrix), else 403.
    @discardableResult
    func require(_ permission: Permission) throws -> Identity {
        let identity = try requireIdentity()
        guard identity.user.may(permission) else { throw APIError(.forbidden) }
        return identity
    }

    /// The authenticated user if an administrator (who manages users), else 403.
    @discardableResult
    func requireAdministrator() throws -> Identity { try require(.manageUsers) }
}

enum HTTPLimits {
    static let maxBodyBytes = 1 << 20

    /// Per route: a lab table or CSV import up to 1 MB, a patient (long notes) 256 KB, anything
    /// else (sign-in, users, settings, forms) 64 KB.
    static func bodyLimit(for path: String) -> Int {
        if path.hasSuffix("/import") || path.hasSuffix("/paste") || path.hasSuffix("/parse") { return maxBodyBytes }
        if path.hasPrefix("/api/v1/patients") || path.hasPrefix("/patients") { return 256 << 10 }
        return 64 << 10
    }
    static let maxPageSize = 200
    static let defaultPageSize = 50
}

/// Facts about a request learnt deep in the middleware chain and read by the outer layers (the
/// context is a value: each middleware has its own copy, but they share this box).
final class RequestNotes: Sendable {
    private let user = Mutex<UUID?>(nil)
    var userID: UUID? {
        get { user.withLock { $0 } }
        set { user.withLock { $0 = newValue } }
    }
}
