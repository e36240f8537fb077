import Foundation
import GRDB
import MedoraCrypto
import Synchronization

/// Patients of one doctor, decrypted at the boundary. HTTP handlers and commands see only this
/// protocol, so a server edition can put PostgreSQL behind it with the same field encryption.
public protocol PatientRepository: Sendable {
    /// Validates and stores a new patient owned by `ownerID`.
    func create(_ draft: PatientDraft, ownerID: UUID) async throws -> Patient
    /// The patient if it exists, is not deleted and belongs to `ownerID`; otherwise nil.
    func find(id: UUID, ownerID: UUID) async throws -> Patient?
    /// Replaces the details. `expectedVersion` (when given) must match the stored version.
    func update(id: UUID, ownerID: UUID, details: PatientDraft, expectedVersion: Int?) async throws -> Patient?
    /// Soft-deletes; returns false if there was no such patient for this owner.
    func delete(id: UUID, ownerID: UUID) async throws -> Bool
    /// Lists (empty query) or searches the owner's patients, ordered and paginated.
    func search(ownerID: UUID, query: String?, limit: Int, offset: Int) async throws -> PatientPage
    /// Stores many validated patients in one transaction (imports, demo and benchmark data).
    func importMany(_ drafts: [PatientDraft], ownerID: UUID) async throws -> Int
}

/// `PatientRepository` on the SQLite file, with the in-memory search index kept in step.
public final class SQLitePatientRepository: PatientRepository {
    let database: AppDatabase
    let codec: PatientCodec
    let index: PatientSearchIndex
    let cache: PatientCache
    let clock: WallClock

    init(database: AppDatabase, keyring: Keyring, clock: WallClock) {
        self.database = database
        self.codec = PatientCodec(fieldKey: keyring.subkey(.field))
        self.index = PatientSearchIndex()
        self.cache = PatientCache()
        self.clock = clock
    }

    /// Decrypts every live patient's names and phone into the index. Spread across cores: at
    /// 100,000 patients this is about half a million AEAD opens.
    public func buildIndex() throws {
        // Split the table into rowid ranges and let each worker read (on its own reader connection)
        // and decrypt its range: reading and decrypting both scale with cores. Only the columns the
        // index needs are read. Runs before the server accepts requests, so nothing writes meanwhile.
        let bounds = try database.readSync { db in
            try Row.fetchOne(db, sql: "SELECT MIN(rowid), MAX(rowid) FROM patients")
        }
        guard let low: Int64 = bounds?[0], let high: Int64 = bounds?[1] else {
            index.replaceAll([])
            return
        }
        let parts = max(1, ProcessInfo.processInfo.activeProcessorCount) * 4
        let span = (high - low) / Int64(parts) + 1
        let results = Mutex<[[SearchDocument]]>(Array(repeating: [], count: parts))
        let failure = Mutex<Error?>(nil)
        let codec = self.codec
        let pool = database.pool
        DispatchQueue.concurrentPerform(iterations: parts) { part in
            let from = low + Int64(part) * span, to = min(high, from + span - 1)
            do {
                let docs = try pool.read { db in
                    var docs: [SearchDocument] = []
                    let rows = try Row.fetchCursor(db, sql: PatientIndexRow.sql + """
                         WHERE rowid BETWEEN ? AND ? AND deleted_at IS NULL
                        """, arguments: [from, to])
                    while let row = try rows.next() {
                        docs.append(try codec.searchDocument(PatientIndexRow(row: row)))
                    }
                    return docs
                }
                results.withLock { $0[part] = docs }
            } catch {
                failure.withLock { $0 = AppDatabase.mapError(error, path: self.database.path) }
            }
        }
        if let error = failure.withLock({ $0 }) { throw error }
        index.replaceAll(results.withLock { $0.flatMap { $0 } })
    }

    public func create(_ draft: PatientDraft, ownerID: UUID) async throws -> Patient {
        let now = clock.now()
        let details = try PatientValidation.validated(draft, today: now)
        let record = codec.record(for: details, id: UUID(), ownerID: ownerID, now: now)
        return try await commitReturning { db -> Patient in
            try record.insert(db)
            let stored = try Self.storedTimestamps(db, id: record.id)
            return Patient(id: record.id, ownerID: ownerID, details: details, version: 1,
                           createdAt: stored.created, updatedAt: stored.updated)
        } then: { patient in self.index.upsert(patient.searchDocument) }
    }

    public func find(id: UUID, ownerID: UUID) async throws -> Patient? {
        try await load([id], ownerID: ownerID)[id]
    }

    public func update(id: UUID, ownerID: UUID, details draft: PatientDraft, expectedVersion: Int?) async throws -> Patient? {
        let now = clock.now()
        let details = try PatientValidation.validated(draft, today: now)
        let codec = self.codec
        let updated: Patient? = try await commitReturning { db -> Patient? in
            guard var record = try PatientRecord.fetchOne(db, sql: """
                SELECT * FROM patients WHERE id = ? AND +owner_id = ? AND deleted_at IS NULL
                """, arguments: [id, ownerID]) else { return nil }
            if let expectedVersion, expectedVersion != record.version {
                throw MedoraError(.versionConflict, ["version": String(record.version)])
            }
            let dek = try codec.unwrapDEK(record.wrappedDEK, id: id)
            let version = record.version + 1
            let f = codec.seal(details, id: id, version: version, dek: dek)
            record = PatientRecord(id: id, ownerID: ownerID, wrappedDEK: record.wrappedDEK, fields: f,
                                   version: version, createdAt: record.createdAt, updatedAt: now)
            try record.update(db)
            let stored = try Self.storedTimestamps(db, id: id)
            return Patient(id: id, ownerID: ownerID, details: details, version: version,
                           createdAt: stored.created, updatedAt: stored.updated)
        } then: { patient in
            self.cache.invalidate(id)
            if let patient { self.index.upsert(patient.searchDocument) }
        }
        return updated
    }

    public func delete(id: UUID, ownerID: UUID) async throws -> Bool {
        let now = clock.now()
        return try await commitReturning { db -> Bool in
            try db.execute(sql: """
                UPDATE patients SET deleted_at = ?, updated_at = ?
                WHERE id = ? AND owner_id = ? AND deleted_at IS NULL
                """, arguments: [now, now, id, ownerID])
            return db.changesCount > 0
        } then: { deleted in
            self.cache.invalidate(id)
            if deleted { self.index.remove(id: id) }
        }
    }

    public func search(ownerID: UUID, query: String?, limit: Int, offset: Int) async throws -> PatientPage {
        let page = index.search(ownerID: ownerID, query: query, limit: limit, offset: offset)
        guard !page.ids.isEmpty else {
            return PatientPage(total: page.total, limit: limit, offset: offset, items: [])
        }
        let byID = try await load(page.ids, ownerID: ownerID)
        return PatientPage(total: page.total, limit: limit, offset: offset, items: page.ids.compactMap { byID[$0] })
    }

    /// The owner's live patients among `ids`, decrypted: from the cache where possible, the rest in
    /// one query (then cached). Ids that are absent, deleted or another owner's are simply missing.
    private func load(_ ids: [UUID], ownerID: UUID) async throws -> [UUID: Patient] {
        var byID: [UUID: Patient] = [:]
        var missing: [UUID] = []
        for id in ids {
            if let hit = cache.get(id), hit.ownerID == ownerID { byID[id] = hit } else { missing.append(id) }
        }
        guard !missing.isEmpty else { return byID }
        let generation = cache.generation
        let toFetch = missing
        // `+owner_id` keeps SQLite off the (owner_id, created_at) index, which for a one-doctor
        // clinic matches every row; the primary-key lookups are the selective part.
        let records = try await database.read { db in
            try PatientRecord.fetchAll(db, sql: """
                SELECT * FROM patients WHERE +owner_id = ? AND deleted_at IS NULL
                AND id IN (\(databaseQuestionMarks(count: toFetch.count)))
                """, arguments: StatementArguments([ownerID] + toFetch))
        }
        let opened = try records.map(codec.open)
        cache.put(opened, readAt: generation)
        for p in opened { byID[p.id] = p }
        return byID
    }

    public func importMany(_ drafts: [PatientDraft], ownerID: UUID) async throws -> Int {
        let now = clock.now()
        let validated = try drafts.map { try PatientValidation.validated($0, today: now) }
        let records = validated.map { codec.record(for: $0, id: UUID(), ownerID: ownerID, now: now) }
        let docs = zip(records, validated).map { r, d in
SearchDocument(id: r.id, ownerID: ownerID, d.values)
        }
        try await commit { db in
            for r in records { try r.insert(db) }
        } then: {
            for d in docs { self.index.upsert(d) }
        }
        return records.count
    }

    /// Timestamps as the database holds them (millisecond precision), so what a write returns equals
    /// what a later read returns.
    static func storedTimestamps(_ db: Database, id: UUID) throws -> (created: Date, updated: Date) {
        let row = try Row.fetchOne(db, sql: "SELECT created_at, updated_at FROM patients WHERE id = ?", arguments: [id])!
        return (row[0], row[1])
    }

    /// Runs `body` in one transaction and, once it has committed, `after` while still holding the
    /// writer, so the index sees changes in commit order and never sees a rolled-back one.
    private func commitReturning<T: Sendable>(_ body: @Sendable @escaping (Database) throws -> T,
                                              then after: @Sendable @escaping (T) -> Void) async throws -> T {
        let db = database
        do {
            return try await db.pool.writeWithoutTransaction { conn in
                var result: T?
                try conn.inTransaction {
                    result = try body(conn)
                    return .commit
                }
                after(result!)
                return result!
            }
        } catch {
            throw AppDatabase.mapError(error, path: db.path)
        }
    }

    private func commit(_ body: @Sendable @escaping (Database) throws -> Void,
                        then after: @Sendable @escaping () -> Void) async throws {
        try await commitReturning(body, then: { _ in after() })
    }
}
