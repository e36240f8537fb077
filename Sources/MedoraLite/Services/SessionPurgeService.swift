import Foundation
import Logging
import MedoraStorage

extension PeriodicService {
    /// Deletes expired sessions at start and every `interval`, so the sessions table holds only
    /// live ones.
    static func sessionPurge(_ sessions: some SessionRepository, logger: Logger,
                             interval: Duration = .seconds(600)) -> PeriodicService {
        PeriodicService(name: "session purge", interval: interval) {
            do {
                let purged = try await sessions.purgeExpired()
                if purged > 0 { logger.info("expired sessions purged", metadata: ["count": .stringConvertible(purged)]) }
            } catch let e as MedoraError {
                logger.warning("session purge failed", metadata: ["code": .string(e.kind.code)])
            } catch {
                logger.warning("session purge failed", metadata: ["type": .string("\(type(of: error))")])
            }
        }
    }
}
