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
    /// Anything stronger would let a tampered slot exhaust the machine before authentication fails.
    public static let maximum = KDFParameters(opsLimit: 16, memLimit: 2 << 30)

    public var isAcceptable: Bool {
        opsLimit >= Self.minimum.opsLimit && memLimit >= Self.minimum.memLimit
            && opsLimit <= Self.maximum.opsLimit && memLimit <= Self.maximum.memLimit
    }
}

/// Derives key-encryption keys from human secrets.
public enum PasswordKDF {
    public static let saltBytes = Int(crypto_pwhash_SALTBYTES)

    public static func newSalt() -> [UInt8] { Sodium.randomBytes(saltBytes) }

    /// Argon2id(passphrase, salt) → 32-byte key. Refuses parameters outside the accepted range.
    public static func deriveKey(passphrase: String, salt: [UInt8], parameters: KDFParameters) throws -> SecureBytes {
        _ = Sodium.ready
        guard parameters.isAcceptable else { throw CryptoError.weakKDFParameters }
        guard salt.count == saltBytes else { throw CryptoError.malformed("salt length") }
        var failed = false
        let key = SecureBytes.make(count: AEAD.keyBytes) { out in
            // A trailing NUL keeps the buffer non-empty (an empty passphrase still has an address).
            var pw = Array(passphrase.utf8) + [0]
            defer { pw.wipe() }
            failed = pw.withUnsafeBytes { p in
                crypto_pwhash(out, UInt64(AEAD.keyBytes),
                              p.baseAddress!.assumingMemoryBound(to: CChar.self), UInt64(p.count - 1),
                              salt, parameters.opsLimit, Int(parameters.memLimit),
                              crypto_pwhash_ALG_ARGON2ID13) != 0
            }
        }
        if failed { throw CryptoError.resourceExhausted("Argon2id needs \(parameters.memLimit >> 20) MiB") }
        return key
    }

    /// BLAKE2b keyed by `salt`: turns a high-entropy secret (keyfile, recovery key) into a KEK.
    public static func deriveKey(secret: SecureBytes, salt: [UInt8]) throws -> SecureBytes {
        _ = Sodium.ready
        guard salt.count >= Int(crypto_generichash_KEYBYTES_MIN) else { throw CryptoError.malformed("salt length") }
        return SecureBytes.make(count: AEAD.keyBytes) { out in
            _ = crypto_generichash(out, AEAD.keyBytes, secret.bytePointer, UInt64(secret.count), salt, salt.count)
        }
    }
}

/// Argon2id password hashes in libsodium's self-describing string format (`$argon2id$v=19$…`).
public enum PasswordHasher {
    public static func hash(_ password: String, parameters: KDFParameters = .interactive) throws -> String {
        _ = Sodium.ready
        var out = [CChar](repeating: 0, count: Int(crypto_pwhash_STRBYTES))
        let rc = crypto_pwhash_str(&out, password, UInt64(password.utf8.count), parameters.opsLimit, Int(parameters.memLimit))
        guard rc == 0 else { throw CryptoError.resourceExhausted("Argon2id password hash") }
        return String(cString: out)
    }

    /// Constant-time verification; false for a malformed stored hash.
    public static func verify(_ password: String, against stored: String) -> Bool {
        _ = Sodium.ready
        return crypto_pwhash_str_verify(stored, password, UInt64(password.utf8.count)) == 0
    }
}

/// Keyed BLAKE2b, used where a value must be looked up by a secret-dependent digest (session tokens).
public enum KeyedHash {
    public static func digest<D: ContiguousBytes>(_ data: D, key: SecureBytes) -> [UInt8] {
        _ = Sodium.ready
        var out = [UInt8](repeating: 0, count: 32)
        data.withUnsafeBytes { d in
            _ = crypto_generichash(&out, 32, d.baseAddress?.assumingMemoryBound(to: UInt8.self), UInt64(d.count),
                                   key.bytePointer, key.count)
        }
        return out
    }
}

/// Random values for identifiers and tokens.
public enum RandomBytes {
    public static func make(_ count: Int) -> [UInt8] { Sodium.randomBytes(count) }
}
