import Foundation
import Logging
import MedoraStorage

extension PeriodicService {
    /// Commits the reads noted in the audit trail twice a second, and once more at shutdown, so a
    /// crash loses at most the last second's reads (changes are recorded in their own transaction).
    static func auditFlush(_ audit: AuditTrail, logger: Logger, interval: Duration = .milliseconds(500)) -> PeriodicService {
        let flush: @Sendable () async -> Void = {
            do {
                try await audit.flush()
            } catch let e as MedoraError {
                logger.warning("audit flush failed", metadata: ["code": .string(e.kind.code)])
            } catch {
                logger.warning("audit flush failed", metadata: ["type": .string("\(type(of: error))")])
            }
        }
        return PeriodicService(name: "audit flush", interval: interval, work: flush, finally: flush)
    }
}
