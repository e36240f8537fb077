import CSodium

/// One-time libsodium initialisation. Every entry point of this module touches `Sodium.ready`
/// before calling into libsodium, so callers never have to remember `sodium_init()`.
enum Sodium {
    static let ready: Void = {
        guard sodium_init() >= 0 else {
            // Without a working CSPRNG nothing in the product is safe; this is not user input.
            preconditionFailure("libsodium could not be initialised")
        }
    }()

    /// Fills `count` bytes from libsodium's CSPRNG.
    static func randomBytes(_ count: Int) -> [UInt8] {
        _ = ready
        var out = [UInt8](repeating: 0, count: count)
        out.withUnsafeMutableBytes { randombytes_buf($0.baseAddress!, count) }
        return out
    }
}

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
