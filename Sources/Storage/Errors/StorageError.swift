import Foundation

/// Failures of the storage core. Each case says what went wrong in terms a clinic's admin can act
/// on; none carries patient data. The CLI and HTTP layers map them to exit codes and statuses.
public enum StorageError: Error, Equatable, Sendable {
    /// No database at the data directory: `init` has not been run there.
    case notInitialized(path: String)
    /// `init` was asked to create a database where one already exists.
    case alreadyInitialized(path: String)
    /// The file exists but is not a readable SQLite database, or is damaged.
    case corruptDatabase(path: String, detail: String)
    /// Another process holds the database or the data directory.
    case locked(detail: String)
    /// The file or directory cannot be opened or written (permissions, read-only disk).
    case notAccessible(path: String, detail: String)
    /// The disk is full; the write was rolled back.
    case diskFull
    /// A required connection setting (WAL, synchronous=FULL, …) did not take effect.
    case unsafeConnection(setting: String, actual: String)
    /// No key slot opened with the secret given.
    case wrongSecret
    /// A key slot's parameters are below the accepted minimum, or it has been altered.
    case tamperedKeySlot
    /// An encrypted value failed to decrypt: data damaged or moved.
    case undecryptable(entity: String)
    /// A record was changed by someone else since it was read.
    case versionConflict(current: Int)
    /// Input rejected by validation; never contains the offending values.
    case invalid([ValidationIssue])
    /// A login that already exists.
    case duplicateLogin
    /// A bounded work queue (password hashing) is saturated.
    case busy
}

extension StorageError: CustomStringConvertible {
    public var description: String {
        switch self {
        case .notInitialized(let p): "no Medora database at \(p) (run `medora-lite init` first)"
        case .alreadyInitialized(let p): "a Medora database already exists at \(p)"
        case .corruptDatabase(let p, let d): "the database file \(p) is damaged or not a Medora database (\(d))"
        case .locked(let d): "the database is in use by another process (\(d))"
        case .notAccessible(let p, let d): "cannot open \(p): \(d)"
        case .diskFull: "the disk is full; nothing was written"
        case .unsafeConnection(let s, let a): "refusing to run: \(s) is \(a)"
        case .wrongSecret: "wrong passphrase"
        case .tamperedKeySlot: "a key slot has been altered or uses weak parameters"
        case .undecryptable(let e): "\(e) could not be decrypted (damaged or moved data)"
        case .versionConflict(let v): "the record was changed meanwhile (now version \(v))"
        case .invalid(let issues): "invalid input: " + issues.map { "\($0.field) \($0.code.rawValue)" }.joined(separator: ", ")
        case .duplicateLogin: "that login is already taken"
        case .busy: "too many concurrent requests, try again shortly"
        }
    }
}

/// One rejected field: which field and why (a code the UI layer localizes).
public struct ValidationIssue: Equatable, Sendable, Codable {
    public enum Code: String, Sendable, Codable {
        case required, tooLong = "too_long", tooShort = "too_short", invalidCharacters = "invalid_characters"
        case invalidFormat = "invalid_format", outOfRange = "out_of_range", unknownField = "unknown_field"
        case invalidValue = "invalid_value"
    }

    public var field: String
    public var code: Code

    public init(_ field: String, _ code: Code) {
        self.field = field
        self.code = code
    }
}
