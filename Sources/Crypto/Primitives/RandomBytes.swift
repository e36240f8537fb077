import CSodium
import Foundation

/// Random values for identifiers and tokens.
public enum RandomBytes {
    public static func make(_ count: Int) -> [UInt8] { Sodium.randomBytes(count) }
}

extension UUID {
    /// A version 4 UUID from libsodium's generator (the kernel's `getrandom`), not Foundation's,
    /// which reads `/dev/urandom` and, in a root without `/dev`, hands out the same value every
    /// time. Record and key-slot ids use this.
    public static func random() -> UUID {
        var bytes = Sodium.randomBytes(16)
        bytes[6] = (bytes[6] & 0x0F) | 0x40  // version 4
        bytes[8] = (bytes[8] & 0x3F) | 0x80  // RFC 4122 variant
        return UUID(uuid: (bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7],
                           bytes[8], bytes[9], bytes[10], bytes[11], bytes[12], bytes[13], bytes[14], bytes[15]))
    }
}
