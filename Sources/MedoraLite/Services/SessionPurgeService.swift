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

extension PeriodicService {
    /// Erases for good the patients that have been in the trash for 30 days (and finishes a WAL
    /// checkpoint an erasure could not): at start and every minute.
    static func trashPurge(_ patients: SQLitePatientRepository, clock: any WallClock, logger: Logger,
                           interval: Duration = .seconds(60)) -> PeriodicService {
        PeriodicService(name: "trash purge", interval: interval) {
            let before = clock.now().addingTimeInterval(-Double(SQLitePatientRepository.trashDays) * 86400)
            do {
                let erased = try await patients.purgeTrash(deletedBefore: before)
                if erased > 0 { logger.info("patients erased after 30 days in the trash", metadata: ["count": .stringConvertible(erased)]) }
            } catch let e as MedoraError {
                logger.warning("trash purge failed", metadata: ["code": .string(e.kind.code)])
            } catch {
                logger.warning("trash purge failed", metadata: ["type": .string("\(type(of: error))")])
            }
        }
    }
}
