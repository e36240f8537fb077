import Foundation
import Logging
import ServiceLifecycle

/// Background work of the application: `work` runs at start and then every `interval` until the
/// application shuts down gracefully, then `finally` runs once. Started and stopped with the
/// application (it is one of its services), so nothing outlives the server. `work` reports its own
/// failures; one failed run does not stop the next.
struct PeriodicService: Service {
    let name: String
    let interval: Duration
    let work: @Sendable () async -> Void
    var finally: @Sendable () async -> Void = {}

    func run() async throws {
        do {
            try await cancelWhenGracefulShutdown {
                while true {
                    await work()
                    try await Task.sleep(for: interval)
                }
            }
        } catch is CancellationError {
            // Graceful shutdown (or the group was cancelled): fall through to `finally`.
        }
        await finally()
    }
}

extension PeriodicService: CustomStringConvertible {
    var description: String { name }
}
