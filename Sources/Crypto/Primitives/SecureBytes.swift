import CSodium
import Foundation

/// Key material that is zeroed when released. Immutable after creation, so it is safe to share
/// between tasks.
///
/// Long-lived keys (master key, subkeys) live in `sodium_malloc`ed, `mlock`ed pages with guard
/// pages. Short-lived per-record keys (a patient's data key, unwrapped for one read) use
/// `.transient` storage: ordinary heap memory, still wiped on release, because `sodium_malloc`
/// costs several system calls and would dominate reading thousands of records.
public final class SecureBytes: @unchecked Sendable {
    public enum Storage: Sendable { case locked, transient }

    public let count: Int
    private let pointer: UnsafeMutableRawPointer
    private let storage: Storage

    private init(uninitializedCount count: Int, storage: Storage) {
        _ = Sodium.ready
        self.count = count
        self.storage = storage
        switch storage {
        case .locked:
            guard let p = sodium_malloc(max(count, 1)) else {
                preconditionFailure("sodium_malloc failed for \(count) bytes")
            }
            pointer = p
        case .transient:
            pointer = UnsafeMutableRawPointer.allocate(byteCount: max(count, 1), alignment: 16)
        }
    }

    /// A buffer of `count` random bytes.
    public static func random(count: Int, storage: Storage = .locked) -> SecureBytes {
        let s = SecureBytes(uninitializedCount: count, storage: storage)
        randombytes_buf(s.pointer, count)
        return s
    }

    /// Copies `bytes` into protected memory. The caller should wipe its own copy.
    public convenience init<C: ContiguousBytes>(copying bytes: C, storage: Storage = .locked) {
        let n = bytes.withUnsafeBytes { $0.count }
        self.init(uninitializedCount: n, storage: storage)
        bytes.withUnsafeBytes { src in
            if let base = src.baseAddress { pointer.copyMemory(from: base, byteCount: n) }
        }
    }

    /// Fills a new buffer with `count` bytes written by `body`.
    static func make(count: Int, storage: Storage = .locked,
                     _ body: (UnsafeMutablePointer<UInt8>) throws -> Void) rethrows -> SecureBytes {
        let s = SecureBytes(uninitializedCount: count, storage: storage)
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
        switch storage {
        case .locked:
            sodium_free(pointer) // zeroes before freeing
        case .transient:
            sodium_memzero(pointer, count)
            pointer.deallocate()
        }
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
