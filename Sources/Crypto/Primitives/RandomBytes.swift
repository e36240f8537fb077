import CSodium
import Foundation

/// Random values for identifiers and tokens.
public enum RandomBytes {
    public static func make(_ count: Int) -> [UInt8] { Sodium.randomBytes(count) }
}
