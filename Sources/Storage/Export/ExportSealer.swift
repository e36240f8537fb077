import Crypto
import _CryptoExtras
import Foundation

/// The sealed part of an export file: salt, iteration count, nonce and AES-256-GCM ciphertext
/// (with its 16-byte tag at the end, as WebCrypto expects it).
public struct SealedExport: Sendable, Equatable {
    public var salt: Data
    public var iterations: Int
    public var nonce: Data
    public var ciphertext: Data
}

/// AES-256-GCM under a key from PBKDF2-HMAC-SHA256 of the one-time code, exactly what a browser's
/// WebCrypto can undo offline (swift-crypto's AES.GCM and `_CryptoExtras`' PBKDF2; nothing hand
/// made). The iteration count travels in the file and is refused outside sane bounds before any
/// work: below the minimum is a weakened file, far above it a file that would hang the reader.
public enum ExportSealer {
    public static let iterations = 600_000
    static let maximumIterations = 10_000_000
    /// Bound to the ciphertext: a different format version cannot be passed off as this one.
    public static let associatedData = "medora-export v1"

    /// PBKDF2-HMAC-SHA256 without the library's lower bound on rounds (the published test vectors
    /// use 1 to 4096); callers that seal or open use `key(code:salt:iterations:)`.
    public static func pbkdf2SHA256(password: Data, salt: Data, rounds: Int, length: Int) throws -> Data {
        let key = try KDF.Insecure.PBKDF2.deriveKey(from: password, salt: salt, using: .sha256, outputByteCount: length,
                                                    unsafeUncheckedRounds: rounds)
        return key.withUnsafeBytes { Data($0) }
    }

    static func key(code: String, salt: Data, iterations: Int) throws -> SymmetricKey {
        SymmetricKey(data: try pbkdf2SHA256(password: Data(code.utf8), salt: salt, rounds: iterations, length: 32))
    }

    /// Seals with a fresh random salt (16 bytes) and nonce (12 bytes). `code` is a generated one-time code.
    public static func seal(_ plaintext: Data, code: String, iterations: Int = ExportSealer.iterations) throws -> SealedExport {
        guard let normalized = OneTimeCode.normalize(code) else { throw MedoraError(.exportWrongCode) }
        let salt = Data(SymmetricKey(size: .init(bitCount: 128)).withUnsafeBytes { Array($0) })
        let key = try key(code: normalized, salt: salt, iterations: iterations)
        let nonce = Data(AES.GCM.Nonce())
        let ciphertext = try aesGCMSeal(plaintext, key: key.withUnsafeBytes { Data($0) }, nonce: nonce, associatedData: Data(associatedData.utf8))
        return SealedExport(salt: salt, iterations: iterations, nonce: nonce, ciphertext: ciphertext)
    }

    /// AES-256-GCM: ciphertext followed by the 16-byte tag (WebCrypto's layout). Exposed for the
    /// published test vectors.
    public static func aesGCMSeal(_ plaintext: Data, key: Data, nonce: Data, associatedData: Data) throws -> Data {
        let box = try AES.GCM.seal(plaintext, using: SymmetricKey(data: key), nonce: AES.GCM.Nonce(data: nonce), authenticating: associatedData)
        var out = Data(box.ciphertext)
        out.append(contentsOf: box.tag)
        return out
    }

    /// The plaintext, or `exportWrongCode` when the code is not the one (the tag does not check out:
    /// nothing of the plaintext is returned), `exportInvalid` when the file's parameters are unusable.
    public static func open(_ sealed: SealedExport, code typed: String) throws -> Data {
        guard (iterations...maximumIterations).contains(sealed.iterations), sealed.salt.count >= 16, sealed.nonce.count == 12,
              sealed.ciphertext.count >= 16 else {
            throw MedoraError(.exportInvalid, ["detail": "unusable parameters"])
        }
        guard let code = OneTimeCode.normalize(typed) else { throw MedoraError(.exportWrongCode) }
        let key = try key(code: code, salt: sealed.salt, iterations: sealed.iterations)
        do {
            let box = try AES.GCM.SealedBox(nonce: AES.GCM.Nonce(data: sealed.nonce), ciphertext: sealed.ciphertext.dropLast(16),
                                            tag: sealed.ciphertext.suffix(16))
            return try AES.GCM.open(box, using: key, authenticating: Data(associatedData.utf8))
        } catch {
            throw MedoraError(.exportWrongCode)
        }
    }
}
