import Foundation
import GRDB
import MedoraCrypto
import Synchronization

/// `PatientRepository` on the SQLite file, with the in-memory search index kept in step. Every
/// write seals the row (MAC and set digest) in its own transaction; every read checks the row in
/// full before any of it is served.
public final class SQLitePatientRepository: PatientRepository {
    let database: AppDatabase
    let codec: PatientCodec
    let ledger: IntegrityLedger
    let quarantine: QuarantineRegistry
    let index: PatientSearchIndex
    let cache: PatientCache
    let clock: WallClock
    let statisticsCache: StatisticsCache
    let audit: AuditTrail
    let erasures: ErasureLedger
    /// Where the erasure ledger's file is kept (nil for a database checked outside its directory).
    let erasureDirectory: DataDirectory?
    /// An erasure whose WAL checkpoint could not finish yet (the trash purge retries it).
    let checkpointPending = Mutex(false)

    init(database: AppDatabase, keyring: Keyring, ledger: IntegrityLedger, quarantine: QuarantineRegistry, clock: WallClock,
         audit: AuditTrail, directory: DataDirectory?) {
        self.audit = audit
        self.erasures = ErasureLedger(keyring: keyring)
        self.erasureDirectory = directory
        self.database = database
        self.codec = PatientCodec(fieldKey: keyring.subkey(.field), auth: ledger.auth)
        self.ledger = ledger
        self.quarantine = quarantine
        self.index = PatientSearchIndex()
        self.cache = PatientCache()
        self.clock = clock
        self.statisticsCache = StatisticsCache(clock: clock)
    }

    public func create(_ draft: PatientDraft, ownerID: UUID) async throws -> Patient {
        let now = clock.now()
        let details = try PatientValidation.validated(draft, today: now)
        let record = codec.record(for: details, id: UUID.random(), ownerID: ownerID, now: now)
        let (ledger, audit, actor) = (self.ledger, self.audit, AuditActor.current)
        return try await commitReturning { db -> Patient in
            try record.insert(db)
            let stored = try ledger.seal(db, .patients, id: record.id)
            try audit.record(db, .patientCreate, entity: record.id, patient: record.id, actor: actor)
            return try Self.patient(record, details: details, stored: stored)
        } then: { patient in
            self.statisticsCache.clear()
            self.index.upsert(patient.searchDocument)
        }
    }

    public func update(id: UUID, scope: PatientScope, details draft: PatientDraft, expectedVersion: Int?) async throws -> Patient? {
        let now = clock.now()
        let details = try PatientValidation.validated(draft, today: now)
        let (codec, ledger, quarantine, audit, actor) = (self.codec, self.ledger, self.quarantine, self.audit, AuditActor.current)
        let updated: Patient? = try await commitReturning { db -> Patient? in
            guard let current = try Self.checked(db, id: id, scope: scope, codec: codec, quarantine: quarantine) else {
                return nil
            }
            if let expectedVersion, expectedVersion != current.version {
                throw MedoraError(.versionConflict, ["version": String(current.version)])
            }
            let dek = try codec.unwrapDEK(current.wrappedDEK, id: id)
            let version = current.version + 1
            let record = PatientRecord(id: id, ownerID: current.ownerID, wrappedDEK: current.wrappedDEK,
                                       fields: codec.seal(details, id: id, version: version, dek: dek),
                                       version: version, createdAt: current.createdAt, updatedAt: now)
            try record.update(db)
            let stored = try ledger.seal(db, .patients, id: id)
            try audit.record(db, .patientUpdate, entity: id, patient: id, actor: actor)
            return try Self.patient(record, details: details, stored: stored)
        } then: { patient in
            self.cache.invalidate(id)
            self.statisticsCache.clear()
            if let patient { self.index.upsert(patient.searchDocument) }
        }
        return updated
    }

    public func delete(id: UUID, scope: PatientScope) async throws -> Bool {
        let now = clock.now()
        let (codec, ledger, quarantine, audit, actor) = (self.codec, self.ledger, self.quarantine, self.audit, AuditActor.current)
        return try await commitReturning { db -> Bool in
            guard try Self.checked(db, id: id, scope: scope, codec: codec, quarantine: quarantine) != nil else {
                return false
            }
            try db.execute(sql: "UPDATE patients SET deleted_at = ?, updated_at = ? WHERE id = ?", arguments: [now, now, id])
            try ledger.seal(db, .patients, id: id)
            try audit.record(db, .patientDelete, entity: id, patient: id, actor: actor)
            return true
        } then: { deleted in
            self.cache.invalidate(id)
            self.statisticsCache.clear()
            if deleted { self.index.remove(id: id) }
        }
    }

    @discardableResult
    public func importMany(_ drafts: [PatientDraft], ownerID: UUID) async throws -> [UUID] {
        let now = clock.now()
        let validated = try drafts.map { try PatientValidation.validated($0, today: now) }
        let records = validated.map { codec.record(for: $0, id: UUID.random(), ownerID: ownerID, now: now) }
        let docs = zip(records, validated).map { r, d in SearchDocument(id: r.id, ownerID: ownerID, d.values) }
        let (ledger, audit, actor) = (self.ledger, self.audit, AuditActor.current)
        try await commitReturning { db in
            for r in records { try r.insert(db) }
            try ledger.seal(db, .patients, ids: records.map(\.id))
            try audit.append(db, records.map { AuditTrail.Event(at: now, actor: actor, action: .patientCreate, entityID: $0.id, patientID: $0.id) })
        } then: { _ in
            self.statisticsCache.clear()
            for d in docs { self.index.upsert(d) }
        }
        return records.map(\.id)
    }

    // MARK: Helpers

    /// The live record `id` in `scope`, checked in full (nil if absent, deleted or outside the
    /// scope). A damaged one is quarantined and refused: a write never overwrites it.
    static func checked(_ db: Database, id: UUID, scope: PatientScope, codec: PatientCodec,
                        quarantine: QuarantineRegistry) throws -> PatientRecord? {
        guard let row = try Row.fetchOne(db, sql: AuthenticatedTable.patients.selectAll + " WHERE id = ?", arguments: [id]) else {
            return nil
        }
        switch codec.inspect(row, fields: []) {
        case .success(let (record, _)):
            return scope.includes(record.ownerID) && record.deletedAt == nil ? record : nil
        case .failure(let damage):
            quarantine.add(damage)
            guard scope.includes(damage.ownerID) else { return nil }
            throw MedoraError(.recordDamaged, ["record": id.uuidString.lowercased()])
        }
    }

    /// The patient just written, with the timestamps as the database holds them (millisecond
    /// precision), so what a write returns equals what a later read returns.
    static func patient(_ r: PatientRecord, details: PatientDraft, stored: Row?) throws -> Patient {
        guard let stored, let created: Date = try? stored.value("created_at"), let updated: Date = try? stored.value("updated_at") else {
            throw MedoraError(.recordDamaged, ["record": r.id.uuidString.lowercased()])
        }
        return Patient(id: r.id, ownerID: r.ownerID, details: details, version: r.version, createdAt: created, updatedAt: updated)
    }

    /// Runs `body` in one transaction and, once it has committed, `after` while still holding the
    /// writer, so the index sees changes in commit order and never sees a rolled-back one.
    func commitReturning<T: Sendable>(_ body: @Sendable @escaping (Database) throws -> T,
                                      then after: @Sendable @escaping (T) -> Void) async throws -> T {
        let db = database
        do {
            return try await db.pool.writeWithoutTransaction { conn in
                var result: T?
                try conn.inTransaction {
                    result = try body(conn)
                    return .commit
                }
                guard let result else { throw MedoraError(.internalError) }
                after(result)
                return result
            }
        } catch {
            throw AppDatabase.mapError(error, path: db.path)
        }
    }
}
