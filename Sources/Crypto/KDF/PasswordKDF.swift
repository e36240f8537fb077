import CSodium
import Foundation

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
