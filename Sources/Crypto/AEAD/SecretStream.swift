import CSodium
import Foundation

/// libsodium's `crypto_secretstream_xchacha20poly1305`: a stream of chunks, each authenticated
/// and bound to its position, the last one marked final, so a truncated, reordered or altered
/// stream does not open. Used for backups (large files, never held in memory).
public enum SecretStream {
    public static let headerBytes = Int(crypto_secretstream_xchacha20poly1305_HEADERBYTES)
    public static let overhead = Int(crypto_secretstream_xchacha20poly1305_ABYTES)
    public static let keyBytes = Int(crypto_secretstream_xchacha20poly1305_KEYBYTES)

    /// Encrypts chunks in order.
    public final class Writer {
        private var state = crypto_secretstream_xchacha20poly1305_state()
        /// Written before the first chunk; needed to read the stream back.
        public let header: [UInt8]

        public init(key: SecureBytes) {
            precondition(key.count == keyBytes, "secretstream key must be \(keyBytes) bytes")
            var header = [UInt8](repeating: 0, count: headerBytes)
            _ = crypto_secretstream_xchacha20poly1305_init_push(&state, &header, key.bytePointer)
            self.header = header
        }

        deinit { withUnsafeMutableBytes(of: &state) { sodium_memzero($0.baseAddress, $0.count) } }

        /// One chunk's ciphertext (`overhead` bytes longer than the plaintext); `final` marks the last.
        public func push(_ plaintext: UnsafeRawBufferPointer, additionalData: [UInt8] = [], final: Bool) -> [UInt8] {
            var out = [UInt8](repeating: 0, count: plaintext.count + overhead)
            var written: UInt64 = 0
            let tag = UInt8(final ? crypto_secretstream_xchacha20poly1305_TAG_FINAL : crypto_secretstream_xchacha20poly1305_TAG_MESSAGE)
            _ = crypto_secretstream_xchacha20poly1305_push(&state, &out, &written, plaintext.baseAddress?.assumingMemoryBound(to: UInt8.self),
                                                           UInt64(plaintext.count), additionalData, UInt64(additionalData.count), tag)
            return Array(out.prefix(Int(written)))
        }
    }

    /// Decrypts chunks in order; any chunk that was altered, moved or comes from another stream or
    /// key throws.
    public final class Reader {
        private var state = crypto_secretstream_xchacha20poly1305_state()
        public private(set) var finished = false

        public init(key: SecureBytes, header: [UInt8]) throws {
            precondition(key.count == keyBytes, "secretstream key must be \(keyBytes) bytes")
            guard header.count == headerBytes,
                  crypto_secretstream_xchacha20poly1305_init_pull(&state, header, key.bytePointer) == 0 else {
                throw CryptoError.malformed("bad stream header")
            }
        }

        deinit { withUnsafeMutableBytes(of: &state) { sodium_memzero($0.baseAddress, $0.count) } }

        /// The plaintext of the next chunk. After the final chunk, nothing more may be read.
        public func pull(_ ciphertext: [UInt8], additionalData: [UInt8] = []) throws -> [UInt8] {
            guard !finished else { throw CryptoError.malformed("data after the final chunk") }
            guard ciphertext.count >= overhead else { throw CryptoError.malformed("chunk too short") }
            var out = [UInt8](repeating: 0, count: ciphertext.count - overhead)
            var read: UInt64 = 0
            var tag: UInt8 = 0
            guard crypto_secretstream_xchacha20poly1305_pull(&state, &out, &read, &tag, ciphertext, UInt64(ciphertext.count),
                                                             additionalData, UInt64(additionalData.count)) == 0 else {
                throw CryptoError.authenticationFailed
            }
            if tag == UInt8(crypto_secretstream_xchacha20poly1305_TAG_FINAL) { finished = true }
            return Array(out.prefix(Int(read)))
        }
    }
}
