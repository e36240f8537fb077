import Foundation
import GRDB
import MedoraCrypto

/// A patient in the trash: deleted (out of every list and search), restorable until erased.
public struct TrashedPatient: Sendable, Equatable {
    public var patient: Patient
    public var deletedAt: Date
}

extension SQLitePatientRepository {
    /// How long a deleted patient stays in the trash before being erased for good.
    public static let trashDays = 30

    /// Erases a patient for good, whether live, in the trash or damaged: the row (and with it the
    /// wrapped data key) and the analyses are deleted with `secure_delete` on, the id goes into
    /// the erasure ledger, the WAL is checkpointed and truncated so no copy of the key stays in
    /// the live files. Ciphertext of this patient left anywhere (an old page, a backup) no longer
    /// opens with this installation's keys, and no restore brings the patient back.
    public func erase(id: UUID, scope: PatientScope) async throws -> Bool {
        let (ledger, audit, actor, erasures, at) = (self.ledger, self.audit, AuditActor.current, self.erasures, AuditEntry.millis(clock.now()))
        let erased = try await commitReturning { db -> Bool in
            guard let row = try Row.fetchOne(db, sql: "SELECT owner_id FROM patients WHERE id = ?", arguments: [id]),
                  scope.includes(try? row.uuid("owner_id")) else { return false }
            try Self.erase(db, id, at: at, ledger: ledger, erasures: erasures, audit: audit, actor: actor)
            return true
        } then: { erased in
            self.forget(erased ? [id] : [])
            if erased { self.addToLedgerFile([ErasureLedger.Entry(patientID: id, at: at)]) }
        }
        if erased { await checkpointAfterErasure() }
        return erased
    }

    /// The patients in the trash in `scope`, most recently deleted first (damaged ones left out).
    public func trash(scope: PatientScope) async throws -> [TrashedPatient] {
        let (filter, arguments) = scope.condition(inTrash: true)
        let codec = self.codec
        return try await database.read { db in
            try Row.fetchAll(db, sql: AuthenticatedTable.patients.selectAll + " WHERE \(filter) ORDER BY deleted_at DESC LIMIT 1000",
                             arguments: arguments).compactMap { row -> TrashedPatient? in
                guard case .success(let (record, patient)) = codec.inspect(row), let deleted = record.deletedAt,
                      scope.includes(record.ownerID) else { return nil }
                return TrashedPatient(patient: patient, deletedAt: deleted)
            }
        }
    }

    /// Takes a patient out of the trash; nil when there is no such patient in the trash in `scope`.
    public func restoreFromTrash(id: UUID, scope: PatientScope) async throws -> Patient? {
        let now = clock.now()
        let (codec, ledger, audit, actor) = (self.codec, self.ledger, self.audit, AuditActor.current)
        return try await commitReturning { db -> Patient? in
            guard let row = try Row.fetchOne(db, sql: AuthenticatedTable.patients.selectAll + " WHERE id = ?", arguments: [id]),
                  case .success(let (record, patient)) = codec.inspect(row), record.deletedAt != nil,
                  scope.includes(record.ownerID) else { return nil }
            try db.execute(sql: "UPDATE patients SET deleted_at = NULL, updated_at = ? WHERE id = ?", arguments: [now, id])
            let stored = try ledger.seal(db, .patients, id: id)
            try audit.record(db, .patientRestore, entity: id, patient: id, actor: actor)
            var restored = record
            restored.deletedAt = nil
            return try Self.patient(restored, details: patient.details, stored: stored)
        } then: { patient in
            self.cache.invalidate(id)
            self.statisticsCache.clear()
            if let patient { self.index.upsert(patient.searchDocument) }
        }
    }

    /// Erases every patient deleted before `before` (the trash's 30 days); returns how many.
    @discardableResult
    public func purgeTrash(deletedBefore before: Date) async throws -> Int {
        let (ledger, audit, actor, erasures, at) = (self.ledger, self.audit, AuditActor.current, self.erasures, AuditEntry.millis(clock.now()))
        let ids = try await commitReturning { db -> [UUID] in
            let ids = try UUID.fetchAll(db, sql: "SELECT id FROM patients WHERE deleted_at IS NOT NULL AND deleted_at < ? LIMIT 10000",
                                        arguments: [before])
            for id in ids {
                try Self.erase(db, id, at: at, ledger: ledger, erasures: erasures, audit: audit, actor: actor)
            }
            return ids
        } then: { ids in
            self.forget(ids)
            self.addToLedgerFile(Set(ids.map { ErasureLedger.Entry(patientID: $0, at: at) }))
        }
        if !ids.isEmpty || checkpointPending.withLock({ $0 }) { await checkpointAfterErasure() }
        return ids.count
    }

    /// Applies the erasure ledger (the file beside the database, and `extra` entries): patients
    /// it names that this database still holds are erased, and the ledger's entries are added to
    /// the table. Then the file is brought up to date with the table. Returns how many were erased.
    @discardableResult
    func applyErasures(from dir: DataDirectory, extra: Set<ErasureLedger.Entry> = [], writeFile: Bool = true) async throws -> Int {
        let erasures = self.erasures
        let onFile = erasures.read(dir)
        let wanted = onFile.union(extra)
        let (ledger, audit, actor) = (self.ledger, self.audit, AuditActor.current)
        let (erased, all) = try await commitReturning { db -> ([UUID], Set<ErasureLedger.Entry>) in
            let known = try erasures.stored(db)
            var erased: [UUID] = []
            for e in wanted.subtracting(known) {
                if try Row.fetchOne(db, sql: "SELECT 1 FROM patients WHERE id = ?", arguments: [e.patientID]) != nil {
                    try Self.erase(db, e.patientID, at: e.at, ledger: ledger, erasures: erasures, audit: audit, actor: actor)
                    erased.append(e.patientID)
                } else {
                    try erasures.record(db, e)
                }
            }
            return (erased, known.union(wanted))
        } then: { result in
            self.forget(result.0)
        }
        if !erased.isEmpty { await checkpointAfterErasure() }
        if writeFile, all != onFile { try erasures.write(all, to: dir) }
        return erased.count
    }

    /// The ids of the live (not deleted) patients in `scope`, oldest first: what a practice export
    /// and a doctor's retirement work through.
    func liveIDs(scope: PatientScope) async throws -> [UUID] {
        let (filter, arguments) = scope.condition()
        return try await database.read { db in
            try UUID.fetchAll(db, sql: "SELECT id FROM patients WHERE \(filter) ORDER BY created_at, id", arguments: arguments)
        }
    }

    /// Every patient a user owns, live or in the trash (what deleting their account erases).
    public func ownedIDs(_ owner: UUID) async throws -> [UUID] {
        try await database.read { db in try UUID.fetchAll(db, sql: "SELECT id FROM patients WHERE owner_id = ?", arguments: [owner]) }
    }

    /// One erasure inside a write: the rows go (with the wrapped key), the ledger and the audit
    /// trail each gain their entry.
    static func erase(_ db: Database, _ id: UUID, at: Int64, ledger: IntegrityLedger, erasures: ErasureLedger, audit: AuditTrail,
                      actor: AuditActor) throws {
        try ledger.delete(db, .analyses, where: "patient_id = ?", arguments: [id])
        try ledger.delete(db, .patients, where: "id = ?", arguments: [id])
        try erasures.record(db, ErasureLedger.Entry(patientID: id, at: at))
        try audit.record(db, .patientErase, entity: id, patient: id, actor: actor)
    }

    private func forget(_ ids: [UUID]) {
        statisticsCache.clear()
        for id in ids {
            cache.invalidate(id)
            index.remove(id: id)
        }
    }

    /// Called while the writer is held (erasures one at a time): the file beside the database
    /// gains the new entries. A failure here loses nothing: the next open copies the table to it.
    private func addToLedgerFile(_ entries: Set<ErasureLedger.Entry>) {
        guard !entries.isEmpty, let dir = erasureDirectory else { return }
        try? erasures.add(entries, folder: dir.url.path)
    }

    /// The WAL is copied into the file and truncated to nothing (with `secure_delete` the freed
    /// cells are zeroed in the copied pages), so no frame holding the wrapped key stays in
    /// `-wal`. While a reader holds the WAL this cannot finish: it is retried a few times, then
    /// by the trash purge (every minute) until it does.
    func checkpointAfterErasure() async {
        let db = database
        var done = false
        for attempt in 0..<3 {
            done = (try? await db.pool.writeWithoutTransaction { conn in
                let r = try conn.checkpoint(.truncate)
                return r.walFrameCount == 0 || r.walFrameCount == r.checkpointedFrameCount
            }) ?? false
            if done { break }
            if attempt < 2 { try? await Task.sleep(for: .milliseconds(50)) }
        }
        checkpointPending.withLock { $0 = !done }
    }
}
