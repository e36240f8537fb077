import Foundation
import GRDB

/// Which entries the audit page shows.
public struct AuditFilter: Sendable, Equatable {
    public var userID: UUID?
    public var action: AuditAction?
    public var patientID: UUID?
    /// From this instant (inclusive) to that one (exclusive).
    public var from: Date?
    public var to: Date?

    public init(userID: UUID? = nil, action: AuditAction? = nil, patientID: UUID? = nil, from: Date? = nil, to: Date? = nil) {
        self.userID = userID
        self.action = action
        self.patientID = patientID
        self.from = from
        self.to = to
    }
}

/// An entry as the pages show it, with whether its own MAC holds (the full chain is `verify`'s job).
public struct AuditLine: Sendable, Equatable {
    public var entry: AuditEntry
    public var authentic: Bool
}

/// One page of entries, newest first, and the number to ask for the next (older) page with.
public struct AuditPage: Sendable, Equatable {
    public var lines: [AuditLine]
    public var olderThan: Int64?
}

extension AuditTrail {
    /// The newest entries about one patient (their record, analyses, export, erasure), reads
    /// noted so far included.
    public func entries(patient: UUID, limit: Int) async throws -> [AuditLine] {
        try await page(AuditFilter(patientID: patient), limit: limit, olderThan: nil).lines
    }

    /// Entries matching `filter`, newest first, `limit` at most, older than entry `olderThan`.
    /// Noted reads are committed first, so the page is up to date.
    public func page(_ filter: AuditFilter, limit: Int, olderThan: Int64?) async throws -> AuditPage {
        try? await flush()
        var conditions: [String] = []
        var arguments: StatementArguments = []
        if let u = filter.userID { conditions.append("actor = ?"); arguments += [u] }
        if let a = filter.action { conditions.append("action = ?"); arguments += [a.rawValue] }
        if let p = filter.patientID { conditions.append("patient_id = ?"); arguments += [p] }
        if let f = filter.from { conditions.append("at >= ?"); arguments += [AuditEntry.millis(f)] }
        if let t = filter.to { conditions.append("at < ?"); arguments += [AuditEntry.millis(t)] }
        if let o = olderThan { conditions.append("seq < ?"); arguments += [o] }
        let whereClause = conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND ")
        let n = max(1, min(limit, 500))
        let bound = arguments + [n + 1]
        let (lines, more) = try await database.read { db -> ([AuditLine], Bool) in
            let rows = try Row.fetchAll(db, sql: "SELECT * FROM audit_log\(whereClause) ORDER BY seq DESC LIMIT ?", arguments: bound)
            let lines = rows.prefix(n).compactMap { row -> AuditLine? in
                guard let e = try? self.entry(row) else { return nil }
                return AuditLine(entry: e, authentic: self.entryMACHolds(e))
            }
            return (lines, rows.count > n)
        }
        return AuditPage(lines: lines, olderThan: more ? lines.last?.entry.seq : nil)
    }
}
