import Foundation
import Hummingbird
import MedoraStorage

/// `GET /health`: liveness. Answers without touching the database or the keys.
/// `GET /health/detailed` and `GET /metrics`: for an administrator's bearer token, or a client on
/// this machine (a monitoring agent) with none.
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
        struct Database: Codable, Sendable {
            var reachable: Bool
            var quickCheck: [String]
            var quarantinedRecords: Int
            var integrityFindings: Int
            var patientsIndexed: Int
        }
        struct Connections: Codable, Sendable {
            var open: Int
            var capacity: Int
            var evicted: Int
            var timedOut: Int
        }
        /// Reads noted and not yet committed to the audit trail, and reads it could not keep.
        struct Audit: Codable, Sendable {
            var pendingReads: Int
            var droppedReads: Int
        }
        struct Queue: Codable, Sendable {
            var running: Int
            var waiting: Int
        }
        var status: String
        var version: String
        var uptimeSeconds: Int?
        var database: Database?
        var statisticsCache: CacheCounters?
        var diskFreeBytes: Int64?
        var connections: Connections?
        var passwordQueue: Queue?
        var audit: Audit?
        var rateLimitTrackedAddresses: Int?
        var backup: Backup?
    }

    /// `status` is `warning` when the last good backup is older than a day or failed, when
    /// records are quarantined, the disk has less than 500 MB, or the audit trail dropped reads; `failing` when the database does
    /// not pass its quick check.
    static func addDetailedRoutes(to group: RouterGroup<AppRequestContext>, backups: BackupScheduler?, health: ServerHealth?) {
        group.get("health/detailed") { _, context -> Detailed in
            try requireProbeAccess(context)
            let backup = backups.map { b -> Detailed.Backup in
                let now = b.store.clock.now()
                let s = b.status
                return Detailed.Backup(lastGoodAt: s.lastGood.map { Timestamp.string($0.createdAt) },
                                       lastGoodAgeSeconds: s.lastGood.map { Int(now.timeIntervalSince($0.createdAt)) },
                                       lastGoodFile: s.lastGood.map { ($0.path as NSString).lastPathComponent }, lastError: s.lastError,
                                       stale: s.isStale(now: now), secondFolderMissing: s.secondFolderMissing)
            }
            var detailed = Detailed(status: "ok", version: MedoraVersion.current, backup: backup)
            if let health {
                let check = await health.quickCheck()
                let store = health.store
                detailed.uptimeSeconds = health.uptimeSeconds
                detailed.database = .init(reachable: check != ["unreachable"], quickCheck: check, quarantinedRecords: store.damagedRecords.count,
                                          integrityFindings: store.integrityFindings.count, patientsIndexed: store.indexedPatientCount)
                detailed.statisticsCache = store.statisticsCacheCounters
                detailed.diskFreeBytes = store.freeDiskBytes
                detailed.connections = .init(open: health.connections.openCount, capacity: health.connections.capacity,
                                             evicted: health.connections.evictedCount,
                                             timedOut: health.connections.timedOutCount)
                let queue = await store.hashing.depth
                detailed.passwordQueue = .init(running: queue.running, waiting: queue.waiting)
                detailed.rateLimitTrackedAddresses = health.limits.address.trackedKeys
                let backlog = store.audit.backlog
                detailed.audit = .init(pendingReads: backlog.pending, droppedReads: backlog.dropped)
            }
            let warnings = backup?.stale == true || backup?.lastError != nil || (detailed.database?.quarantinedRecords ?? 0) > 0
                || (detailed.database?.integrityFindings ?? 0) > 0 || (detailed.diskFreeBytes ?? .max) < 500 << 20
                || (detailed.audit?.droppedReads ?? 0) > 0
            detailed.status = detailed.database.map { $0.quickCheck != ["ok"] } == true ? "failing" : warnings ? "warning" : "ok"
            return detailed
        }
        group.get("metrics") { _, context -> Response in
            try requireProbeAccess(context)
            let text = ServerMetrics.render(await health?.samples() ?? [])
            return Response(status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8", .cacheControl: "no-store"],
                            body: .init(byteBuffer: ByteBuffer(string: text)))
        }
    }

    /// An administrator (by bearer token), or, with no token, a client on this machine.
    static func requireProbeAccess(_ context: AppRequestContext) throws {
        if context.identity != nil {
            try context.require(.manageUsers)
        } else if !AllowedHosts.isLoopback(context.remoteIP ?? "") {
            throw BearerAuthMiddleware<SQLiteSessionRepository>.challenge
        }
    }
}
