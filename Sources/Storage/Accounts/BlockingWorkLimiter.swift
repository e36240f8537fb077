import Dispatch
import Foundation

/// Runs CPU-heavy blocking work (Argon2id) off the Swift concurrency pool, at most `width` at a
/// time, with at most `queueLimit` callers waiting. Beyond that, callers get `MedoraError(.busy)`
/// at once, so a flood of logins cannot starve the server of threads or memory. Priority callers
/// (a sign-in from an address that signed in before, a signed-in user) have a queue of their own
/// that is served first.
public actor BlockingWorkLimiter {
    private let width: Int
    private let queueLimit: Int
    private var running = 0
    private var waiters: [CheckedContinuation<Void, Never>] = []
    private var priorityWaiters: [CheckedContinuation<Void, Never>] = []
    private let queue = DispatchQueue(label: "medora.blocking-work", attributes: .concurrent)

    public init(width: Int = max(1, ProcessInfo.processInfo.activeProcessorCount - 1), queueLimit: Int = 64) {
        self.width = width
        self.queueLimit = queueLimit
    }

    public func run<T: Sendable>(priority: Bool = false, _ work: @Sendable @escaping () throws -> T) async throws -> T {
        if running >= width {
            if priority {
                guard priorityWaiters.count < queueLimit else { throw MedoraError(.busy) }
                await withCheckedContinuation { priorityWaiters.append($0) }
            } else {
                guard waiters.count < queueLimit else { throw MedoraError(.busy) }
                await withCheckedContinuation { waiters.append($0) }
            }
        } else {
            running += 1
        }
        defer { release() }
        return try await withCheckedThrowingContinuation { cont in
            queue.async { cont.resume(with: Result { try work() }) }
        }
    }

    /// Work running now and callers waiting (the password-hashing queue's depth).
    public var depth: (running: Int, waiting: Int) { (running, waiters.count + priorityWaiters.count) }

    private func release() {
        // Hand the slot straight to the next waiter, priority ones first.
        if !priorityWaiters.isEmpty {
            priorityWaiters.removeFirst().resume()
        } else if !waiters.isEmpty {
            waiters.removeFirst().resume()
        } else {
            running -= 1
        }
    }
}
