import CSodium
import Foundation

/// Argon2id cost parameters. Stored beside each passphrase key slot and authenticated with it.
public struct KDFParameters: Sendable, Equatable, Codable {
    public var opsLimit: UInt64
    public var memLimit: UInt64

    public init(opsLimit: UInt64, memLimit: UInt64) {
        self.opsLimit = opsLimit
        self.memLimit = memLimit
    }

    /// For the passphrase slot that guards the whole database (about 1.4 s per unlock).
    public static let moderate = KDFParameters(
        opsLimit: UInt64(crypto_pwhash_OPSLIMIT_MODERATE), memLimit: UInt64(crypto_pwhash_MEMLIMIT_MODERATE))
    /// For user login passwords, and the floor no slot may go below.
    public static let interactive = KDFParameters(
        opsLimit: UInt64(crypto_pwhash_OPSLIMIT_INTERACTIVE), memLimit: UInt64(crypto_pwhash_MEMLIMIT_INTERACTIVE))
    /// Anything weaker is a downgrade attempt.
    public static let minimum = interactive
    /// The strongest this program writes: anything stronger is a tampered slot, refused before any
    /// Argon2id work (it would cost seconds and gigabytes per attempt before authentication fails).
    public static let maximum = moderate

    public var isAcceptable: Bool {
        opsLimit >= Self.minimum.opsLimit && memLimit >= Self.minimum.memLimit
            && opsLimit <= Self.maximum.opsLimit && memLimit <= Self.maximum.memLimit
    }
}
