import CSodium
import Foundation

/// Key material in a `sodium_malloc`ed, `mlock`ed buffer that is zeroed when released.
/// Immutable after creation, so it is safe to share between tasks.
public final class SecureBytes: @unchecked Sendable {
    public let count: Int
    private let pointer: UnsafeMutableRawPointer

    private init(uninitializedCount count: Int) {
        _ = Sodium.ready
        guard let p = sodium_malloc(max(count, 1)) else {
            preconditionFailure("sodium_malloc failed for \(count) bytes")
        }
        self.count = count
        self.pointer = p
    }

    /// A buffer of `count` random bytes.
    public static func random(count: Int) -> SecureBytes {
        let s = SecureBytes(uninitializedCount: count)
        randombytes_buf(s.pointer, count)
        return s
    }

    /// Copies `bytes` into protected memory. The caller should wipe its own copy.
    public convenience init<C: ContiguousBytes>(copying bytes: C) {
        let n = bytes.withUnsafeBytes { $0.count }
        self.init(uninitializedCount: n)
        bytes.withUnsafeBytes { src in
            if let base = src.baseAddress { pointer.copyMemory(from: base, byteCount: n) }
        }
    }

    /// Fills a new buffer with `count` bytes written by `body`.
    static func make(count: Int, _ body: (UnsafeMutablePointer<UInt8>) throws -> Void) rethrows -> SecureBytes {
        let s = SecureBytes(uninitializedCount: count)
        try body(s.pointer.assumingMemoryBound(to: UInt8.self))
        return s
    }

    public func withUnsafeBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try body(UnsafeRawBufferPointer(start: pointer, count: count))
    }

    var bytePointer: UnsafePointer<UInt8> { UnsafePointer(pointer.assumingMemoryBound(to: UInt8.self)) }

    /// Constant-time comparison.
    public func constantTimeEquals(_ other: SecureBytes) -> Bool {
        count == other.count && sodium_memcmp(pointer, other.pointer, count) == 0
    }

    deinit {
        sodium_free(pointer) // zeroes before freeing
    }
}

extension Array where Element == UInt8 {
    /// Overwrites the array's storage with zeros (best effort for transient plaintext copies).
    public mutating func wipe() {
        withUnsafeMutableBytes { buf in
            if let base = buf.baseAddress { sodium_memzero(base, buf.count) }
        }
    }
}
