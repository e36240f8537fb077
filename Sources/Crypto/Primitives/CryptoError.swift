/// Errors raised by the crypto layer. Messages never contain key material or plaintext.
public enum CryptoError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Authentication failed: wrong key, tampered ciphertext, or the value belongs to another cell.
    case authenticationFailed
    /// The stored bytes do not have the expected layout or version.
    case malformed(String)
    /// A key slot asks for KDF parameters below the accepted minimum (a downgrade attempt).
    case weakKDFParameters
    /// libsodium refused to allocate (e.g. out of memory for Argon2id).
    case resourceExhausted(String)

    public var description: String {
        switch self {
        case .authenticationFailed: "decryption failed: wrong key or tampered data"
        case .malformed(let what): "malformed encrypted data: \(what)"
        case .weakKDFParameters: "key slot parameters are below the accepted minimum"
        case .resourceExhausted(let what): "not enough resources: \(what)"
        }
    }
}
