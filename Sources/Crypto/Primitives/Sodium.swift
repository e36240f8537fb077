import CSodium

/// One-time libsodium initialisation. Every entry point of this module touches `Sodium.ready`
/// before calling into libsodium, so callers never have to remember `sodium_init()`.
public enum Sodium {
    static let ready: Void = {
        guard sodium_init() >= 0 else {
            // Without a working CSPRNG nothing in the product is safe; this is not user input.
            preconditionFailure("libsodium could not be initialised")
        }
    }()

    /// The libsodium linked in (`1.0.18`).
    public static var version: String {
        _ = ready
        return String(cString: sodium_version_string())
    }

    /// Fills `count` bytes from libsodium's CSPRNG.
    static func randomBytes(_ count: Int) -> [UInt8] {
        _ = ready
        var out = [UInt8](repeating: 0, count: count)
        out.withUnsafeMutableBytes { randombytes_buf($0.baseAddress!, count) }
        return out
    }
}
