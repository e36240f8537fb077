/// Every error the product can report, one row each: its layer, HTTP status, message, command-line
/// exit code and (for the temporary ones) how long a client should wait. The API error body, the
/// command line's one-line message and the exit code all derive from this table; adding an error
/// kind is one case here and one row below. The code a client sees is the raw value.
public enum ErrorKind: String, CaseIterable, Sendable {
    // Domain: what the clinic's data or the request's content rules out.
    case validationFailed = "validation_failed"
    case notFound = "not_found"
    case patientNotFound = "patient_not_found"
    case userNotFound = "user_not_found"
    case versionConflict = "version_conflict"
    case duplicateLogin = "duplicate_login"
    case lastAdministrator = "last_administrator"
    case userHasPatients = "user_has_patients"
    case roleChangeRefused = "role_change_refused"
    case noDoctorAssigned = "no_doctor_assigned"
    case aiNotConfigured = "ai_not_configured"
    case aiLimitReached = "ai_limit_reached"
    case recordDamaged = "record_damaged"
    case integrityDamaged = "integrity_damaged"
    case checkFailed = "check_failed"
    case auditBroken = "audit_broken"
    case backupInvalid = "backup_invalid"
    case exportWrongCode = "export_wrong_code"
    case exportInvalid = "export_invalid"
    // Request: how a call reached the server.
    case badRequest = "bad_request"
    case invalidJSON = "invalid_json"
    case invalidID = "invalid_id"
    case unauthorized
    case invalidCredentials = "invalid_credentials"
    case forbidden
    case methodNotAllowed = "method_not_allowed"
    case payloadTooLarge = "payload_too_large"
    case unsupportedMediaType = "unsupported_media_type"
    case rateLimited = "rate_limited"
    case misdirected
    case busy
    case tooSlow = "too_slow"
    // Infrastructure: files, disk, keys, the process.
    case wrongSecret = "wrong_secret"
    case tamperedKeySlot = "tampered_key_slot"
    case noSecret = "no_secret"
    case secretMismatch = "secret_mismatch"
    case notInitialized = "not_initialized"
    case alreadyInitialized = "already_initialized"
    case restoreNeedsForce = "restore_needs_force"
    case corruptDatabase = "corrupt_database"
    case locked
    case notAccessible = "not_accessible"
    case diskFull = "disk_full"
    case unsafeConnection = "unsafe_connection"
    case cannotListen = "cannot_listen"
    case tlsInvalid = "tls_invalid"
    case serviceFailed = "service_failed"
    case unavailable
    case aiUnavailable = "ai_unavailable"
    case internalError = "internal_error"

    public enum Layer: Sendable { case domain, request, infrastructure }

    public struct Row: Sendable {
        public let layer: Layer
        public let httpStatus: Int
        public let message: ErrorText
        public let exitCode: Int32
        /// Seconds for `Retry-After` when trying again later can succeed.
        public let retryAfter: Int?

        init(_ layer: Layer, _ httpStatus: Int, _ message: ErrorText, exit: Int32 = 1, retryAfter: Int? = nil) {
            self.layer = layer
            self.httpStatus = httpStatus
            self.message = message
            self.exitCode = exit
            self.retryAfter = retryAfter
        }
    }

    public var row: Row {
        switch self {
        case .validationFailed: Row(.domain, 422, .validation)
        case .notFound: Row(.domain, 404, .notFound)
        case .patientNotFound: Row(.domain, 404, .patientNotFound)
        case .userNotFound: Row(.domain, 404, .userNotFound)
        case .versionConflict: Row(.domain, 409, .conflict)
        case .duplicateLogin: Row(.domain, 409, .duplicateLogin)
        case .lastAdministrator: Row(.domain, 409, .lastAdministrator)
        case .userHasPatients: Row(.domain, 409, .userHasPatients)
        case .roleChangeRefused: Row(.domain, 409, .roleChangeRefused)
        case .noDoctorAssigned: Row(.domain, 403, .noDoctorAssigned)
        case .aiNotConfigured: Row(.domain, 409, .aiNotConfigured)
        case .aiLimitReached: Row(.domain, 429, .aiLimitReached)
        case .recordDamaged: Row(.domain, 500, .recordDamaged)
        case .integrityDamaged: Row(.domain, 500, .integrityDamaged)
        case .checkFailed: Row(.domain, 500, .checkFailed)
        case .auditBroken: Row(.domain, 500, .auditBroken)
        case .backupInvalid: Row(.domain, 422, .backupInvalid)
        case .exportWrongCode: Row(.domain, 422, .exportWrongCode, exit: 2)
        case .exportInvalid: Row(.domain, 422, .exportInvalid)
        case .badRequest: Row(.request, 400, .badRequest)
        case .invalidJSON: Row(.request, 400, .invalidJSON)
        case .invalidID: Row(.request, 400, .invalidID)
        case .unauthorized: Row(.request, 401, .unauthorized)
        case .invalidCredentials: Row(.request, 401, .invalidCredentials)
        case .forbidden: Row(.request, 403, .forbidden)
        case .methodNotAllowed: Row(.request, 405, .methodNotAllowed)
        case .payloadTooLarge: Row(.request, 413, .tooLarge)
        case .unsupportedMediaType: Row(.request, 415, .unsupportedMediaType)
        case .rateLimited: Row(.request, 429, .tooManyRequests)
        case .misdirected: Row(.request, 421, .misdirected)
        case .busy: Row(.request, 503, .busy, retryAfter: 1)
        case .tooSlow: Row(.request, 503, .tooSlow, retryAfter: 5)
        case .wrongSecret: Row(.infrastructure, 401, .wrongPassphrase, exit: 2)
        case .tamperedKeySlot: Row(.infrastructure, 500, .tamperedKeySlot, exit: 2)
        case .noSecret: Row(.infrastructure, 500, .noSecret, exit: 2)
        case .secretMismatch: Row(.infrastructure, 400, .passphraseMismatch)
        case .notInitialized: Row(.infrastructure, 503, .notInitialized)
        case .alreadyInitialized: Row(.infrastructure, 409, .alreadyInitialized)
        case .restoreNeedsForce: Row(.infrastructure, 409, .restoreNeedsForce)
        case .corruptDatabase: Row(.infrastructure, 500, .corruptDatabase)
        case .locked: Row(.infrastructure, 503, .locked, retryAfter: 5)
        case .notAccessible: Row(.infrastructure, 500, .notAccessible)
        case .diskFull: Row(.infrastructure, 503, .diskFull, retryAfter: 5)
        case .unsafeConnection: Row(.infrastructure, 500, .unsafeConnection)
        case .cannotListen: Row(.infrastructure, 500, .cannotListen)
        case .tlsInvalid: Row(.infrastructure, 500, .tlsInvalid, exit: 2)
        case .serviceFailed: Row(.infrastructure, 500, .serviceFailed)
        case .unavailable: Row(.infrastructure, 503, .unavailable, retryAfter: 5)
        case .aiUnavailable: Row(.infrastructure, 502, .aiUnavailable, retryAfter: 30)
        case .internalError: Row(.infrastructure, 500, .internalError)
        }
    }

    public var code: String { rawValue }
}
