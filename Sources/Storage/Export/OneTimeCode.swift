import Foundation

/// The code that opens a patient export: 16 characters in four groups (`7KMR-X4PQ-9TWD-3HNE`),
/// from 31 letters and digits that are hard to mishear or misread (no 0/O, 1/I/L): 16 × log2(31)
/// ≈ 79 bits. Shown once; typed back in any case, with or without spaces and dashes.
public enum OneTimeCode {
    public static let alphabet = Array("23456789ABCDEFGHJKMNPQRSTUVWXYZ")
    public static let groups = 4
    public static let groupLength = 4
    public static var length: Int { groups * groupLength }
    public static var entropyBits: Double { Double(length) * log2(Double(alphabet.count)) }

    /// A new code, grouped for reading aloud (the system's CSPRNG; `random(in:)` has no modulo bias).
    public static func generate() -> String {
        var rng = SystemRandomNumberGenerator()
        let chars = (0..<length).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &rng)] }
        return stride(from: 0, to: length, by: groupLength).map { String(chars[$0..<$0 + groupLength]) }.joined(separator: "-")
    }

    /// The code as the key is derived from it (upper case, no separators), or nil when what was
    /// typed cannot be a code. The page's script applies the same rule.
    public static func normalize(_ typed: String) -> String? {
        let kept = typed.uppercased().filter { !$0.isWhitespace && $0 != "-" && $0 != "_" && $0 != "." }
        guard kept.count == length, kept.allSatisfy(alphabet.contains) else { return nil }
        return kept
    }
}
