import Foundation
import GRDB
import MedoraCrypto

/// `AnalysisRepository` on the SQLite file. Cells are sealed under the patient's data key; each
/// write seals the row (MAC and set digest) in its own transaction, after checking the patient
/// row in full and in scope; each read checks every row before any of it is served.
public final class SQLiteAnalysisRepository: AnalysisRepository {
    let database: AppDatabase
    let patients: SQLitePatientRepository
    let ledger: IntegrityLedger
    let quarantine: QuarantineRegistry
    let clock: WallClock

    init(database: AppDatabase, patients: SQLitePatientRepository, ledger: IntegrityLedger, quarantine: QuarantineRegistry,
         clock: WallClock) {
        self.database = database
        self.patients = patients
        self.ledger = ledger
        self.quarantine = quarantine
        self.clock = clock
    }

    /// The patient's data key, from the patient row checked in scope (nil: not in scope).
    static func patientKey(_ db: Database, patientID: UUID, scope: PatientScope, codec: PatientCodec,
                           quarantine: QuarantineRegistry) throws -> FieldCipher? {
        guard let record = try SQLitePatientRepository.checked(db, id: patientID, scope: scope, codec: codec, quarantine: quarantine)
        else { return nil }
        return FieldCipher(key: try codec.unwrapDEK(record.wrappedDEK, id: patientID))
    }

    /// A row read from the file, checked in full: decoded, its cells opened under the patient's
    /// key, its MAC verified.
    func inspect(_ row: Row, cipher: FieldCipher, patientID: UUID) -> Result<Analysis, DamagedRecord> {
        do throws(RowDamage) {
            let r = try AnalysisRecord(decoding: row)
            guard r.patientID == patientID else { throw RowDamage(column: "patient_id", reason: .authentication) }
            let values = try r.fields.open(id: r.id, version: r.version, cipher: cipher)
            let (draft, reading) = try AnalysisRecord.draft(values)
            guard ledger.auth.verify(.analyses, row) else { throw RowDamage(column: nil, reason: .authentication) }
            return .success(Analysis(id: r.id, patientID: r.patientID, details: draft, reading: reading, version: r.version,
                                     createdAt: r.createdAt, updatedAt: r.updatedAt))
        } catch {
            return .failure(DamagedRecord(table: AnalysisField.table, id: try? row.uuid("id"),
                                          rowNumber: (try? row.value("row_number", as: Int64.self)) ?? 0,
                                          column: error.column, reason: error.reason, ownerID: nil))
        }
    }

    public func list(patientID: UUID, scope: PatientScope) async throws -> AnalysisList? {
        guard let patient = try await patients.find(id: patientID, scope: scope) else { return nil }
        let (codec, quarantine) = (patients.codec, self.quarantine)
        let results = try await database.read { db -> [Result<Analysis, DamagedRecord>]? in
            guard let cipher = try Self.patientKey(db, patientID: patientID, scope: scope, codec: codec, quarantine: quarantine) else {
                return nil
            }
            return try Row.fetchAll(db, sql: AuthenticatedTable.analyses.selectAll + " WHERE patient_id = ?", arguments: [patientID])
                .map { self.inspect($0, cipher: cipher, patientID: patientID) }
        }
        guard let results else { return nil }
        var list = AnalysisList(patient: patient, items: [], damaged: [])
        for r in results {
            switch r {
            case .success(let a): list.items.append(a)
            case .failure(let damage):
                quarantine.add(damage)
                if let id = damage.id { list.damaged.append(id) }
            }
        }
        list.items.sort { ($0.details.takenOn, $0.createdAt) > ($1.details.takenOn, $1.createdAt) }
        return list
    }

    public func find(id: UUID, patientID: UUID, scope: PatientScope) async throws -> Analysis? {
        guard let list = try await list(patientID: patientID, scope: scope) else { return nil }
        if list.damaged.contains(id) { throw MedoraError(.recordDamaged, ["record": id.uuidString.lowercased()]) }
        let found = list.items.first { $0.id == id }
        if found != nil { patients.audit.noteRead(.analysisRead, entity: id, patient: patientID) }
        return found
    }

    public func create(patientID: UUID, scope: PatientScope, draft: AnalysisDraft) async throws -> Analysis? {
        guard let patient = try await patients.open(id: patientID, scope: scope) else { return nil }
        let now = clock.now()
        let valid = try AnalysisValidation.validated(draft, birthDate: patient.details[.birthDate], today: now)
        let reading = patient.interpret(valid).findings
        let id = UUID.random()
        let (codec, quarantine, ledger, audit, actor) = (patients.codec, self.quarantine, self.ledger, patients.audit, AuditActor.current)
        return try await write { db -> Analysis? in
            guard let cipher = try Self.patientKey(db, patientID: patientID, scope: scope, codec: codec, quarantine: quarantine) else {
                return nil
            }
            let record = AnalysisRecord(id: id, patientID: patientID,
                                        fields: SealedCells(sealing: AnalysisRecord.values(valid, reading: reading), id: id, version: 1,
                                                            cipher: cipher),
                                        version: 1, createdAt: now, updatedAt: now)
            try record.insert(db)
            let stored = try ledger.seal(db, .analyses, id: id)
            try audit.record(db, .analysisCreate, entity: id, patient: patientID, actor: actor)
            return try Self.stored(record, valid, reading, stored)
        }
    }

    public func update(id: UUID, patientID: UUID, scope: PatientScope, draft: AnalysisDraft, expectedVersion: Int?) async throws -> Analysis? {
        guard let patient = try await patients.open(id: patientID, scope: scope) else { return nil }
        let valid = try AnalysisValidation.validated(draft, birthDate: patient.details[.birthDate], today: clock.now())
        let reading = patient.interpret(valid).findings
        return try await rewrite(id: id, patientID: patientID, scope: scope, expectedVersion: expectedVersion) { _ in (valid, reading) }
    }

    public func attachAIReading(id: UUID, patientID: UUID, scope: PatientScope, text: String, model: String) async throws -> Analysis? {
        let finding = ReadingFinding(.aiReading, values: ["text": String(text.prefix(8000)), "model": String(model.prefix(100))])
        return try await rewrite(id: id, patientID: patientID, scope: scope, expectedVersion: nil) { current in
            (current.details, current.reading.filter { $0.rule != .aiReading } + [finding])
        }
    }

    /// Replaces an analysis's sealed cells with what `change` makes of the checked current one.
    func rewrite(id: UUID, patientID: UUID, scope: PatientScope, expectedVersion: Int?,
                 _ change: @Sendable @escaping (Analysis) -> (AnalysisDraft, [ReadingFinding])) async throws -> Analysis? {
        let now = clock.now()
        let (codec, quarantine, ledger, audit, actor) = (patients.codec, self.quarantine, self.ledger, patients.audit, AuditActor.current)
        return try await write { db -> Analysis? in
            guard let cipher = try Self.patientKey(db, patientID: patientID, scope: scope, codec: codec, quarantine: quarantine),
                  let row = try Row.fetchOne(db, sql: AuthenticatedTable.analyses.selectAll + " WHERE id = ?", arguments: [id]) else {
                return nil
            }
            let current: Analysis
            switch self.inspect(row, cipher: cipher, patientID: patientID) {
            case .success(let a): current = a
            case .failure(let damage):
                quarantine.add(damage)
                // Another patient's analysis (or a moved row) is simply not this patient's.
                guard (try? row.uuid("patient_id")) == patientID else { return nil }
                throw MedoraError(.recordDamaged, ["record": id.uuidString.lowercased()])
            }
            if let expectedVersion, expectedVersion != current.version {
                throw MedoraError(.versionConflict, ["version": String(current.version)])
            }
            let version = current.version + 1
            let (valid, reading) = change(current)
            let record = AnalysisRecord(id: id, patientID: patientID,
                                        fields: SealedCells(sealing: AnalysisRecord.values(valid, reading: reading), id: id,
                                                            version: version, cipher: cipher),
                                        version: version, createdAt: current.createdAt, updatedAt: now)
            try record.update(db)
            let stored = try ledger.seal(db, .analyses, id: id)
            try audit.record(db, .analysisUpdate, entity: id, patient: patientID, actor: actor)
            return try Self.stored(record, valid, reading, stored)
        }
    }

    public func delete(id: UUID, patientID: UUID, scope: PatientScope) async throws -> Bool {
        let (codec, quarantine, ledger, audit, actor) = (patients.codec, self.quarantine, self.ledger, patients.audit, AuditActor.current)
        return try await write { db -> Bool in
            guard try Self.patientKey(db, patientID: patientID, scope: scope, codec: codec, quarantine: quarantine) != nil else {
                return false
            }
            guard try ledger.delete(db, .analyses, where: "id = ? AND patient_id = ?", arguments: [id, patientID]) > 0 else { return false }
            try audit.record(db, .analysisDelete, entity: id, patient: patientID, actor: actor)
            return true
        }
    }

    public func createMany(patientID: UUID, scope: PatientScope, drafts: [AnalysisDraft]) async throws -> [Analysis]? {
        guard let patient = try await patients.open(id: patientID, scope: scope) else { return nil }
        let now = clock.now()
        var building: [(UUID, AnalysisDraft, [ReadingFinding])] = []
        for d in drafts {
            let valid = try AnalysisValidation.validated(d, birthDate: patient.details[.birthDate], today: now)
            building.append((UUID.random(), valid, patient.interpret(valid).findings))
        }
        let (codec, quarantine, ledger, prepared) = (patients.codec, self.quarantine, self.ledger, building)
        let (audit, actor) = (patients.audit, AuditActor.current)
        return try await write { db -> [Analysis]? in
            guard let cipher = try Self.patientKey(db, patientID: patientID, scope: scope, codec: codec, quarantine: quarantine) else {
                return nil
            }
            var records: [AnalysisRecord] = []
            for (id, valid, reading) in prepared {
                let record = AnalysisRecord(id: id, patientID: patientID,
                                            fields: SealedCells(sealing: AnalysisRecord.values(valid, reading: reading), id: id, version: 1,
                                                                cipher: cipher),
                                            version: 1, createdAt: now, updatedAt: now)
                try record.insert(db)
                records.append(record)
            }
            let stored = try ledger.seal(db, .analyses, ids: prepared.map(\.0))
            try audit.append(db, prepared.map { AuditTrail.Event(at: now, actor: actor, action: .analysisCreate, entityID: $0.0,
                                                                 patientID: patientID) })
            return try zip(records, zip(prepared, stored)).map { record, pair in
                try Self.stored(record, pair.0.1, pair.0.2, pair.1)
            }
        }
    }

    public func count(scope: PatientScope) async throws -> Int {
        let (filter, arguments) = scope.condition(alias: "p.")
        return try await database.read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM analyses a JOIN patients p ON p.id = a.patient_id WHERE \(filter)",
                             arguments: arguments) ?? 0
        }
    }

    // MARK: Helpers

    /// The analysis just written, with the timestamps as stored.
    static func stored(_ r: AnalysisRecord, _ d: AnalysisDraft, _ reading: [ReadingFinding], _ row: Row?) throws -> Analysis {
        guard let row, let created: Date = try? row.value("created_at"), let updated: Date = try? row.value("updated_at") else {
            throw MedoraError(.recordDamaged, ["record": r.id.uuidString.lowercased()])
        }
        return Analysis(id: r.id, patientID: r.patientID, details: d, reading: reading, version: r.version, createdAt: created,
                        updatedAt: updated)
    }

    func write<T: Sendable>(_ body: @Sendable @escaping (Database) throws -> T) async throws -> T {
        let result = try await database.write(body)
        patients.statisticsCache.clear()
        return result
    }
}
