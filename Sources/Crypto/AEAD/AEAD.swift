import CSodium
import Foundation

/// XChaCha20-Poly1305 (IETF) authenticated encryption with a random 24-byte nonce.
///
/// Sealed layout: `version(1) || nonce(24) || ciphertext || tag(16)`. The associated data binds a
/// value to its place (see `FieldContext`), so moving or replaying ciphertext fails to open.
public enum AEAD {
    public static let version: UInt8 = 1
    public static let keyBytes = Int(crypto_aead_xchacha20poly1305_ietf_KEYBYTES)
    public static let nonceBytes = Int(crypto_aead_xchacha20poly1305_ietf_NPUBBYTES)
    public static let tagBytes = Int(crypto_aead_xchacha20poly1305_ietf_ABYTES)
    public static let overhead = 1 + nonceBytes + tagBytes

    public static func seal<P: ContiguousBytes>(_ plaintext: P, key: SecureBytes, aad: [UInt8]) -> [UInt8] {
        precondition(key.count == keyBytes, "AEAD key must be \(keyBytes) bytes")
        let nonce = Sodium.randomBytes(nonceBytes)
        return plaintext.withUnsafeBytes { pt in
            var out = [UInt8](repeating: 0, count: overhead + pt.count)
            out[0] = version
            out.replaceSubrange(1...nonceBytes, with: nonce)
            out.withUnsafeMutableBufferPointer { o in
                var clen: UInt64 = 0
                _ = crypto_aead_xchacha20poly1305_ietf_encrypt(
                    o.baseAddress! + 1 + nonceBytes, &clen,
                    pt.baseAddress?.assumingMemoryBound(to: UInt8.self), UInt64(pt.count),
                    aad, UInt64(aad.count), nil,
                    nonce, key.bytePointer)
            }
            return out
        }
    }

    public static func open<S: ContiguousBytes>(_ sealed: S, key: SecureBytes, aad: [UInt8]) throws -> [UInt8] {
        precondition(key.count == keyBytes, "AEAD key must be \(keyBytes) bytes")
        return try sealed.withUnsafeBytes { raw in
            let box = raw.bindMemory(to: UInt8.self)
            guard box.count >= overhead else { throw CryptoError.malformed("too short") }
            guard box[0] == version else { throw CryptoError.malformed("unknown version \(box[0])") }
            let nonce = box.baseAddress! + 1
            let c = nonce + nonceBytes
            let clen = box.count - 1 - nonceBytes
            var out = [UInt8](repeating: 0, count: clen - tagBytes)
            var mlen: UInt64 = 0
            let rc = out.withUnsafeMutableBufferPointer { o in
                crypto_aead_xchacha20poly1305_ietf_decrypt(
                    o.baseAddress, &mlen, nil, c, UInt64(clen),
                    aad, UInt64(aad.count), nonce, key.bytePointer)
            }
            guard rc == 0 else { throw CryptoError.authenticationFailed }
            return out
        }
    }

    /// Seals a key (e.g. a patient data key) under a wrapping key.
    public static func wrap(_ key: SecureBytes, with wrappingKey: SecureBytes, aad: [UInt8]) -> [UInt8] {
        key.withUnsafeBytes { seal($0, key: wrappingKey, aad: aad) }
    }

    /// Opens a wrapped key straight into key memory of the given kind.
    public static func unwrap<S: ContiguousBytes>(_ sealed: S, with wrappingKey: SecureBytes, aad: [UInt8],
                                                  storage: SecureBytes.Storage = .locked) throws -> SecureBytes {
        var plain = try open(sealed, key: wrappingKey, aad: aad)
        defer { plain.wipe() }
        guard plain.count == keyBytes else { throw CryptoError.malformed("wrapped key has wrong length") }
        return SecureBytes(copying: plain, storage: storage)
    }
}
