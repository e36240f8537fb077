import Foundation

/// The sum, lane by lane modulo 2^64, of one keyed 512-bit hash per row (an LtHash-style
/// multiset hash under a secret key). Adding or removing a row costs one hash whatever the size
/// of the table, and the sum depends only on which rows exist, not on their order.
struct SetDigest: Sendable, Equatable {
    static let byteCount = 64
    private(set) var lanes = [UInt64](repeating: 0, count: 8)

    init() {}

    /// From 64 stored bytes; nil for any other length.
    init?(bytes: Data) {
        guard bytes.count == Self.byteCount else { return nil }
        lanes = Self.lanes(Array(bytes))
    }

    /// From the 64-byte keyed hash of one row.
    init(element bytes: [UInt8]) {
        lanes = Self.lanes(bytes)
    }

    /// Little-endian 64-bit lanes; missing bytes count as zero.
    private static func lanes(_ bytes: [UInt8]) -> [UInt64] {
        (0..<8).map { lane in
            (0..<8).reduce(UInt64(0)) { acc, i in
                let index = lane * 8 + i
                return index < bytes.count ? acc | UInt64(bytes[index]) << (8 * UInt64(i)) : acc
            }
        }
    }

    var bytes: Data {
        var out = Data(capacity: Self.byteCount)
        for lane in lanes { for i in 0..<8 { out.append(UInt8(truncatingIfNeeded: lane >> (8 * UInt64(i)))) } }
        return out
    }

    mutating func add(_ other: SetDigest) {
        for i in 0..<8 { lanes[i] = lanes[i] &+ other.lanes[i] }
    }

    mutating func subtract(_ other: SetDigest) {
        for i in 0..<8 { lanes[i] = lanes[i] &- other.lanes[i] }
    }
}
