import Foundation
import GRDB
import MedoraCrypto

/// What `audit verify` found: the entries walked, the head, and the first problem (nil: the
/// chain holds).
public struct AuditVerification: Sendable, Equatable {
    public var entries: Int
    public var head: AuditHead
    public var problem: AuditProblem?
}

/// The first place the chain breaks, by entry number.
public struct AuditProblem: Sendable, Equatable {
    public enum Kind: String, Sendable {
        /// The entry's content or MAC was changed, or the entry was inserted.
        case altered
        /// Entries `seq`...`through` are gone.
        case missing
        /// The entry does not follow the one before it (entries moved or replaced).
        case outOfOrder
        /// The head row does not authenticate.
        case headDamaged
        /// The head names a later entry than the last one: entries were cut off the end.
        case truncated
        /// The file holds no entry `seq`, which the given head (from a backup or an export) names:
        /// it is an older copy than that backup.
        case olderThanHead
        /// The file's entry `seq` differs from the given head's: another history.
        case divergesFromHead
    }

    public var kind: Kind
    public var seq: Int64
    public var through: Int64?
}

extension AuditTrail {
    /// Walks the whole chain, checking every entry's MAC, number and link, then the head row, and
    /// (when given) that the chain contains `against` (a head from a backup or an export).
    public func verify(against: AuditHead? = nil) async throws -> AuditVerification {
        try await database.read { db in try self.verify(db, against: against) }
    }

    func verify(_ db: Database, against: AuditHead?) throws -> AuditVerification {
        var count = 0
        var last: (seq: Int64, mac: Data) = (0, Data(count: 32))
        var problem: AuditProblem?
        var macAtHead: Data?
        let rows = try Row.fetchCursor(db, sql: "SELECT * FROM audit_log ORDER BY seq")
        var tail = last
        while let row = try rows.next() {
            count += 1
            if case .int64(let seq) = row.storedValue("seq").storage, case .blob(let mac) = row.storedValue("mac").storage {
                tail = (seq, mac)
            }
            guard problem == nil else { continue }
            guard case .int64(let seq) = row.storedValue("seq").storage else { continue }
            guard let entry = try? entry(row), entryMACHolds(entry) else {
                problem = AuditProblem(kind: .altered, seq: seq)
                continue
            }
            if seq != last.seq + 1 {
                problem = seq > last.seq + 1 ? AuditProblem(kind: .missing, seq: last.seq + 1, through: seq - 1)
                    : AuditProblem(kind: .outOfOrder, seq: seq)
            } else if entry.previous != last.mac {
                problem = AuditProblem(kind: .outOfOrder, seq: seq)
            }
            if let against, seq == against.seq { macAtHead = entry.mac }
            last = (seq, entry.mac)
        }
        if problem == nil, let stored = try storedHead(db) {
            if !stored.valid {
                problem = AuditProblem(kind: .headDamaged, seq: stored.seq)
            } else if stored.seq > last.seq {
                problem = AuditProblem(kind: .truncated, seq: last.seq + 1, through: stored.seq)
            } else if stored.seq < last.seq || stored.mac != last.mac {
                problem = AuditProblem(kind: .headDamaged, seq: stored.seq)
            }
        } else if problem == nil, last.seq > 0 {
            problem = AuditProblem(kind: .headDamaged, seq: 0)
        }
        if problem == nil, let against, against.seq > 0 {
            if against.seq > last.seq {
                problem = AuditProblem(kind: .olderThanHead, seq: against.seq)
            } else if macAtHead.map({ AuditHead(seq: against.seq, mac: $0) }) != against {
                problem = AuditProblem(kind: .divergesFromHead, seq: against.seq)
            }
        }
        return AuditVerification(entries: count, head: AuditHead(seq: tail.seq, mac: tail.mac), problem: problem)
    }

    /// Decodes a stored entry without trapping on whatever the file holds.
    func entry(_ row: Row) throws -> AuditEntry {
        guard case .int64(let seq) = row.storedValue("seq").storage, case .int64(let at) = row.storedValue("at").storage,
              let origin = AuditActor.Origin(rawValue: try row.value("origin", as: String.self)),
              let action = AuditAction(rawValue: try row.value("action", as: String.self)),
              try row.value("entity", as: String.self) == action.entity,
              case .blob(let previous) = row.storedValue("prev_hash").storage,
              case .blob(let mac) = row.storedValue("mac").storage else { throw RowDamage(column: "audit_log", reason: .type) }
        return AuditEntry(seq: seq, atMillis: at, actor: try row.optionalUUID("actor"),
                          origin: origin, action: action, entityID: try row.optionalUUID("entity_id"),
                          patientID: try row.optionalUUID("patient_id"), address: try row.optionalValue("ip", as: String.self),
                          previous: previous, mac: mac)
    }

    /// The entry's own MAC over its content and the previous MAC it names (the link to the entry
    /// before is checked by the walk).
    func entryMACHolds(_ e: AuditEntry) -> Bool {
        KeyedHash.equal(e.mac, entryMAC(seq: e.seq, at: e.atMillis, actor: e.actor, origin: e.origin.rawValue,
                                        action: e.action.rawValue, entity: e.entity, entityID: e.entityID, patientID: e.patientID,
                                        address: e.address, previous: e.previous))
    }
}
