import CSodium
import Foundation

/// The recovery key shown once at `init`: 32 random bytes written as 13 groups of 4 base32 letters.
public enum RecoveryKeyCode {
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".utf8)

    public static func encode(_ key: SecureBytes) -> String {
        var chars: [UInt8] = []
        key.withUnsafeBytes { bytes in
            var buffer: UInt32 = 0, bits = 0
            for b in bytes {
                buffer = (buffer << 8) | UInt32(b); bits += 8
                while bits >= 5 {
                    chars.append(alphabet[Int((buffer >> UInt32(bits - 5)) & 31)]); bits -= 5
                }
            }
            if bits > 0 { chars.append(alphabet[Int((buffer << UInt32(5 - bits)) & 31)]) }
        }
        var groups: [String] = []
        var i = 0
        while i < chars.count {
            groups.append(String(decoding: chars[i..<min(i + 4, chars.count)], as: UTF8.self)); i += 4
        }
        return groups.joined(separator: "-")
    }

    /// Accepts any case, dashes and spaces; nil if it is not a well-formed recovery key.
    public static func decode(_ text: String) -> SecureBytes? {
        var out: [UInt8] = []
        defer { out.wipe() }
        var buffer: UInt32 = 0, bits = 0
        for c in text.uppercased().utf8 where c != UInt8(ascii: "-") && c != UInt8(ascii: " ") {
            guard let v = alphabet.firstIndex(of: c) else { return nil }
            buffer = (buffer << 5) | UInt32(v); bits += 5
            if bits >= 8 { out.append(UInt8((buffer >> UInt32(bits - 8)) & 0xff)); bits -= 8 }
        }
        guard out.count == 32 else { return nil }
        return SecureBytes(copying: out)
    }
}
