import CSodium
import Foundation

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
