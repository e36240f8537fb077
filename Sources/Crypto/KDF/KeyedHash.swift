import CSodium
import Foundation

/// Keyed BLAKE2b: lookups by a secret-dependent digest (session tokens), row MACs and the elements
/// of the set digest.
public enum KeyedHash {
    /// `length` bytes (16–64) of BLAKE2b keyed by `key`.
    public static func digest<D: ContiguousBytes>(_ data: D, key: SecureBytes, length: Int = 32) -> [UInt8] {
        _ = Sodium.ready
        let n = min(max(length, Int(crypto_generichash_BYTES_MIN)), Int(crypto_generichash_BYTES_MAX))
        var out = [UInt8](repeating: 0, count: n)
        data.withUnsafeBytes { d in
            _ = crypto_generichash(&out, n, d.baseAddress?.assumingMemoryBound(to: UInt8.self), UInt64(d.count),
                                   key.bytePointer, key.count)
        }
        return out
    }

    /// Compares two MACs in constant time.
    public static func equal<A: ContiguousBytes, B: ContiguousBytes>(_ a: A, _ b: B) -> Bool {
        _ = Sodium.ready
        return a.withUnsafeBytes { x in
            b.withUnsafeBytes { y in
                x.count == y.count && (x.count == 0 || sodium_memcmp(x.baseAddress!, y.baseAddress!, x.count) == 0)
            }
        }
    }
}
