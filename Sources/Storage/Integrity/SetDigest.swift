import Foundation

/// The sum, lane by lane modulo 2^64, of one keyed 512-bit hash per row (an LtHash-style
/// multiset hash under a secret key). Adding or removing a row costs one hash whatever the size
/// of the table, and the sum depends only on which rows exist, not on their order.
struct SetDigest: Sendable, Equatable {
    static let byteCount = 64
    /// Eight little-endian lanes, inline (no allocation per row).
    private(set) var lanes: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0, 0, 0, 0, 0)

    init() {}

    /// From 64 stored bytes; nil for any other length.
    init?(bytes: Data) {
        guard bytes.count == Self.byteCount else { return nil }
        self.init(element: Array(bytes))
    }

    /// From the 64-byte keyed hash of one row (missing bytes count as zero).
    init(element bytes: [UInt8]) {
        func lane(_ n: Int) -> UInt64 {
            var v: UInt64 = 0
            for i in 0..<8 where n * 8 + i < bytes.count { v |= UInt64(bytes[n * 8 + i]) << (8 * UInt64(i)) }
            return v
        }
        lanes = (lane(0), lane(1), lane(2), lane(3), lane(4), lane(5), lane(6), lane(7))
    }

    private var array: [UInt64] { [lanes.0, lanes.1, lanes.2, lanes.3, lanes.4, lanes.5, lanes.6, lanes.7] }

    var bytes: Data {
        var out = Data(capacity: Self.byteCount)
        for lane in array { for i in 0..<8 { out.append(UInt8(truncatingIfNeeded: lane >> (8 * UInt64(i)))) } }
        return out
    }

    mutating func add(_ o: SetDigest) {
        lanes = (lanes.0 &+ o.lanes.0, lanes.1 &+ o.lanes.1, lanes.2 &+ o.lanes.2, lanes.3 &+ o.lanes.3,
                 lanes.4 &+ o.lanes.4, lanes.5 &+ o.lanes.5, lanes.6 &+ o.lanes.6, lanes.7 &+ o.lanes.7)
    }

    mutating func subtract(_ o: SetDigest) {
        lanes = (lanes.0 &- o.lanes.0, lanes.1 &- o.lanes.1, lanes.2 &- o.lanes.2, lanes.3 &- o.lanes.3,
                 lanes.4 &- o.lanes.4, lanes.5 &- o.lanes.5, lanes.6 &- o.lanes.6, lanes.7 &- o.lanes.7)
    }

    static func == (a: SetDigest, b: SetDigest) -> Bool { a.array == b.array }
}
