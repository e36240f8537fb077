import CSodium
import Foundation

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
