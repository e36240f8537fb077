import Foundation
import MedoraStorage
import Synchronization

/// What `/health/detailed` and `/metrics` report of the running server: the database (a quick
/// check, at most once a minute), quarantined records, the statistics cache, disk, backups,
/// connections, the password-hashing queue and the rate-limit tables. Never any patient data.
final class ServerHealth: Sendable {
    let store: MedoraStore
    let backups: BackupScheduler?
    let connections: ConnectionRegistry
    let limits: RateLimits
    let started = ContinuousClock.now
    private let lastCheck = Mutex<(at: ContinuousClock.Instant, result: [String])?>(nil)

    init(store: MedoraStore, backups: BackupScheduler?, connections: ConnectionRegistry, limits: RateLimits) {
        self.store = store
        self.backups = backups
        self.connections = connections
        self.limits = limits
    }

    var uptimeSeconds: Int { Int((ContinuousClock.now - started).components.seconds) }

    /// SQLite's quick check, run at most once a minute (a scrape every few seconds costs nothing).
    func quickCheck() async -> [String] {
        if let last = lastCheck.withLock({ $0 }), ContinuousClock.now - last.at < .seconds(60) { return last.result }
        let result = (try? await store.quickCheck()) ?? ["unreachable"]
        lastCheck.withLock { $0 = (ContinuousClock.now, result) }
        return result
    }

    /// The gauges `/metrics` exports, sampled now.
    func samples() async -> [(String, Double)] {
        let cache = store.statisticsCacheCounters
        let queue = await store.hashing.depth
        let waits = store.databaseWaits
        var samples: [(String, Double)] = [
            ("medora_uptime_seconds", Double(uptimeSeconds)),
            ("medora_statistics_cache_entries", Double(cache.entries)),
            ("medora_statistics_cache_hits", Double(cache.hits)),
            ("medora_statistics_cache_misses", Double(cache.misses)),
            ("medora_statistics_cache_invalidations", Double(cache.invalidations)),
            ("medora_password_queue_running", Double(queue.running)),
            ("medora_password_queue_waiting", Double(queue.waiting)),
            ("medora_connections_open", Double(connections.openCount)),
            ("medora_connections_capacity", Double(connections.capacity)),
            ("medora_connections_evicted", Double(connections.evictedCount)),
            ("medora_connections_timed_out", Double(connections.timedOutCount)),
            ("medora_rate_limit_tracked_addresses", Double(limits.address.trackedKeys)),
            ("medora_quarantined_records", Double(store.damagedRecords.count)),
            ("medora_integrity_findings", Double(store.integrityFindings.count)),
            ("medora_patients_indexed", Double(store.indexedPatientCount)),
            ("medora_audit_pending_reads", Double(store.audit.backlog.pending)),
            ("medora_audit_dropped_reads", Double(store.audit.backlog.dropped)),
            ("medora_database_reads", Double(waits.reads)),
            ("medora_database_writes", Double(waits.writes)),
            ("medora_database_read_wait_seconds", waits.readSeconds),
            ("medora_database_write_wait_seconds", waits.writeSeconds),
            ("medora_database_longest_wait_seconds", waits.longest),
        ]
        if let free = store.freeDiskBytes { samples.append(("medora_disk_free_bytes", Double(free))) }
        if let backups, let good = backups.status.lastGood {
            samples.append(("medora_backup_last_good_age_seconds", store.clock.now().timeIntervalSince(good.createdAt)))
        }
        return samples
    }
}
