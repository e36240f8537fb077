import Foundation
import GRDB
import MedoraCrypto
import Synchronization

/// The audit trail: who read or changed what, when and from where (see `AuditEntry` for the
/// chain). Changes are recorded inside the transaction that makes them, so a change is never
/// committed without its entry nor an entry without its change. Reads are noted in memory and
/// committed in batches by `flush()` (the server flushes at least once a second, and at every
/// stop): a crash can lose the reads of the last second, never a change.
public final class AuditTrail: Sendable {
    let database: AppDatabase
    let key: SecureBytes
    let clock: WallClock
    private let pending = Mutex(Pending())

    /// Reads waiting for the next flush; past `capacity` (a disk that stays full) new ones are
    /// dropped and counted (`/health/detailed` then warns).
    struct Pending: Sendable {
        var events: [Event] = []
        var dropped = 0
    }

    static let capacity = 200_000

    struct Event: Sendable {
        var at: Date
        var actor: AuditActor
        var action: AuditAction
        var entityID: UUID?
        var patientID: UUID?
    }

    init(database: AppDatabase, keyring: Keyring, clock: WallClock) {
        self.database = database
        self.key = keyring.subkey(.audit)
        self.clock = clock
    }

    // MARK: Recording

    /// Records a change inside the caller's write transaction (rolled back with it).
    func record(_ db: Database, _ action: AuditAction, entity: UUID? = nil, patient: UUID? = nil, actor: AuditActor) throws {
        try append(db, [Event(at: clock.now(), actor: actor, action: action, entityID: entity, patientID: patient)])
    }

    /// Notes a read by the current task's actor; committed by the next `flush()`.
    public func noteRead(_ action: AuditAction, entity: UUID? = nil, patient: UUID? = nil, actor: AuditActor = AuditActor.current) {
        let event = Event(at: clock.now(), actor: actor, action: action, entityID: entity, patientID: patient)
        pending.withLock { p in
            guard p.events.count < Self.capacity else {
                p.dropped += 1
                return
            }
            p.events.append(event)
        }
    }

    /// Records an event that changes nothing else (an export, a backup) in a transaction of its own.
    public func recordNow(_ action: AuditAction, entity: UUID? = nil, patient: UUID? = nil) async throws {
        let event = Event(at: clock.now(), actor: AuditActor.current, action: action, entityID: entity, patientID: patient)
        try await database.write { db in try self.append(db, [event]) }
    }

    /// Commits the noted reads; returns how many. On failure they stay noted for the next try.
    @discardableResult
    public func flush() async throws -> Int {
        let batch = take()
        guard !batch.isEmpty else { return 0 }
        do {
            try await database.write { db in try self.append(db, batch) }
        } catch {
            putBack(batch)
            throw error
        }
        return batch.count
    }

    /// The same, blocking: at close.
    func flushNow() throws {
        let batch = take()
        guard !batch.isEmpty else { return }
        do {
            try database.pool.write { db in try self.append(db, batch) }
        } catch {
            putBack(batch)
            throw AppDatabase.mapError(error, path: database.path)
        }
    }

    /// Reads noted and not yet committed, and reads dropped because the file refused them.
    public var backlog: (pending: Int, dropped: Int) { pending.withLock { ($0.events.count, $0.dropped) } }

    private func take() -> [Event] {
        pending.withLock { p in
            defer { p.events = [] }
            return p.events
        }
    }

    private func putBack(_ batch: [Event]) {
        pending.withLock { p in
            let all = batch + p.events
            p.dropped += max(0, all.count - Self.capacity)
            p.events = Array(all.suffix(Self.capacity))
        }
    }

    // MARK: The chain

    /// Appends entries after the current head and moves the head.
    func append(_ db: Database, _ events: [Event]) throws {
        var head = try chainEnd(db)
        let insert = try db.cachedStatement(sql: """
            INSERT INTO audit_log (seq, at, actor, origin, action, entity, entity_id, patient_id, ip, prev_hash, mac)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        for e in events {
            let seq = head.seq + 1, at = AuditEntry.millis(e.at)
            let mac = entryMAC(seq: seq, at: at, actor: e.actor.userID, origin: e.actor.origin.rawValue, action: e.action.rawValue,
                               entity: e.action.entity, entityID: e.entityID, patientID: e.patientID, address: e.actor.address,
                               previous: head.mac)
            try insert.execute(arguments: [seq, at, e.actor.userID, e.actor.origin.rawValue, e.action.rawValue, e.action.entity,
                                           e.entityID, e.patientID, e.actor.address, head.mac, mac])
            head = (seq, mac)
        }
        // The head lives in `integrity_digests` (a page every write dirties anyway): seq as the
        // count, the last MAC as the digest, under its own MAC.
        try db.execute(sql: """
            INSERT INTO integrity_digests (table_name, digest, row_count, mac) VALUES ('\(Self.headRow)', ?, ?, ?)
            ON CONFLICT(table_name) DO UPDATE SET digest = excluded.digest, row_count = excluded.row_count, mac = excluded.mac
            """, arguments: [head.mac, head.seq, headMAC(seq: head.seq, mac: head.mac)])
    }

    static let headRow = "audit_log"

    /// What the next entry builds on: the stored head when it authenticates, so entries cut off the
    /// end leave a gap the next entry makes visible. With no valid head over a non-empty trail (the
    /// head row deleted or forged, the end perhaps cut off), the next entry follows the last one
    /// left but links to no MAC, so `verify` names it for good instead of the chain healing over.
    private func chainEnd(_ db: Database) throws -> (seq: Int64, mac: Data) {
        if let stored = try storedHead(db), stored.valid { return (stored.seq, stored.mac) }
        if let row = try Row.fetchOne(db, sql: "SELECT seq FROM audit_log ORDER BY seq DESC LIMIT 1"),
           case .int64(let seq) = row.storedValue("seq").storage {
            return (seq, Data(repeating: 0xFF, count: 32))
        }
        return (0, Data(count: 32))
    }

    /// The head row and whether its MAC holds; nil when there is none.
    func storedHead(_ db: Database) throws -> (seq: Int64, mac: Data, valid: Bool)? {
        guard let row = try Row.fetchOne(db, sql: "SELECT digest, row_count, mac FROM integrity_digests WHERE table_name = ?",
                                         arguments: [Self.headRow]) else { return nil }
        guard case .int64(let seq) = row.storedValue("row_count").storage, case .blob(let mac) = row.storedValue("digest").storage,
              case .blob(let tag) = row.storedValue("mac").storage else { return (0, Data(), false) }
        return (seq, mac, KeyedHash.equal(tag, headMAC(seq: seq, mac: mac)))
    }

    func entryMAC(seq: Int64, at: Int64, actor: UUID?, origin: String, action: String, entity: String, entityID: UUID?,
                  patientID: UUID?, address: String?, previous: Data) -> Data {
        Data(KeyedHash.digest(AuditEntry.macInput(seq: seq, at: at, actor: actor, origin: origin, action: action, entity: entity,
                                                  entityID: entityID, patientID: patientID, address: address, previous: previous),
                              key: key))
    }

    func headMAC(seq: Int64, mac: Data) -> Data {
        var input = Array("medora-audit-head-1".utf8)
        withUnsafeBytes(of: seq.bigEndian) { input += $0 }
        input += mac
        return Data(KeyedHash.digest(input, key: key))
    }

    /// The head as it stands (noted reads not included).
    public func head() async throws -> AuditHead {
        try await database.read { db in try Self.head(db) }
    }

    /// The head of the chain in `db` as stored in its head row (the empty head when none).
    static func head(_ db: Database) throws -> AuditHead {
        guard let row = try Row.fetchOne(db, sql: "SELECT digest, row_count FROM integrity_digests WHERE table_name = ?",
                                         arguments: [headRow]),
              case .int64(let seq) = row.storedValue("row_count").storage, case .blob(let mac) = row.storedValue("digest").storage else {
            return .empty
        }
        return AuditHead(seq: seq, mac: mac)
    }
}
