import Foundation
import Hummingbird
import MedoraStorage

/// `GET /health`: liveness. Answers without touching the database or the keys.
struct HealthController: Sendable {
    struct Status: ResponseEncodable, Sendable {
        var status = "ok"
        var version: String
    }

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("health") { _, _ in Status(version: MedoraVersion.current) }
    }

    struct Detailed: ResponseEncodable, Sendable {
        struct Backup: Codable, Sendable {
            var lastGoodAt: String?
            var lastGoodAgeSeconds: Int?
            var lastGoodFile: String?
            var lastError: String?
            var stale: Bool
            var secondFolderMissing: Bool
        }
        var status: String
        var version: String
        var backup: Backup?
    }

    /// `GET /health/detailed` (administrators, with a bearer token): the state of the scheduled
    /// backups; `status` is `warning` when the last good backup is older than a day.
    static func addDetailedRoute(to group: RouterGroup<AppRequestContext>, backups: BackupScheduler?, patients: some PatientRepository) {
        group.get("detailed") { _, context -> Detailed in
            try context.require(.manageBackups)
            let backup = backups.map { b -> Detailed.Backup in
                let now = b.store.clock.now()
                let s = b.status
                return Detailed.Backup(lastGoodAt: s.lastGood.map { Timestamp.string($0.createdAt) },
                                       lastGoodAgeSeconds: s.lastGood.map { Int(now.timeIntervalSince($0.createdAt)) },
                                       lastGoodFile: s.lastGood.map { ($0.path as NSString).lastPathComponent }, lastError: s.lastError,
                                       stale: s.isStale(now: now), secondFolderMissing: s.secondFolderMissing)
            }
            return Detailed(status: backup?.stale == true || backup?.lastError != nil ? "warning" : "ok", version: MedoraVersion.current,
                            backup: backup)
        }
    }
}
