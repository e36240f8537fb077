import Foundation
import GRDB

extension SQLitePatientRepository {
    /// What unlock found in the patients table.
    struct Scan: Sendable {
        var damaged: [DamagedRecord]
        var digest: IntegrityLedger.Digest
    }

    /// Reads every patient row, checks it in full and decrypts the live ones' names and phone into
    /// the index; the rest is quarantined. Also sums the table's set digest in the same pass.
    /// Spread across cores: at 100,000 patients this is about half a million AEAD opens.
    @discardableResult
    func buildIndex() throws -> Scan {
        // Runs before the server accepts requests, so nothing writes meanwhile.
        struct Part: Sendable {
            var docs: [SearchDocument] = []
            var damaged: [DamagedRecord] = []
            var digest = IntegrityLedger.Digest(sum: SetDigest(), count: 0)
        }
        let (codec, auth) = (self.codec, ledger.auth)
        let table = AuthenticatedTable.patients
        let all = try database.scanInParallel(table: table.name, select: table.selectAll, empty: { Part() }) { part, row in
            part.digest.count += 1
            if case .blob(let mac) = table.storedMAC(row) { part.digest.sum.add(auth.element(table, mac: mac)) }
            switch codec.inspect(row, fields: PatientField.indexed) {
            case .success(let (record, patient)):
                if record.deletedAt == nil { part.docs.append(patient.searchDocument) }
            case .failure(let damage):
                part.damaged.append(damage)
            }
        }
        index.replaceAll(all.flatMap(\.docs))
        let damaged = all.flatMap(\.damaged)
        quarantine.replaceAll(table: PatientField.table, with: damaged)
        var digest = IntegrityLedger.Digest(sum: SetDigest(), count: 0)
        for p in all { digest.sum.add(p.digest.sum); digest.count += p.digest.count }
        return Scan(damaged: damaged, digest: digest)
    }

    public func find(id: UUID, scope: PatientScope) async throws -> Patient? {
        let patient = try await open(id: id, scope: scope)
        if patient != nil { audit.noteRead(.patientRead, entity: id, patient: id) }
        return patient
    }

    /// `find` without an audit entry: for work on the patient that records its own (an analysis
    /// added reads the patient's sex and age for its reading).
    func open(id: UUID, scope: PatientScope) async throws -> Patient? {
        let loaded = try await load([id], scope: scope)
        if loaded.damaged.contains(id) { throw MedoraError(.recordDamaged, ["record": id.uuidString.lowercased()]) }
        return loaded.patients[id]
    }

    public func search(scope: PatientScope, query: String?, limit: Int, offset: Int) async throws -> PatientPage {
        let page: SearchPage = switch scope {
        case .owner(let owner): index.search(ownerID: owner, query: query, limit: limit, offset: offset)
        case .everyone: index.searchAll(query: query, limit: limit, offset: offset)
        case .nobody: SearchPage(total: 0, ids: [])
        }
        let loaded = page.ids.isEmpty ? Loaded() : try await load(page.ids, scope: scope)
        audit.noteRead(.patientList)
        let damaged = Set(loaded.damaged).union((query ?? "").isEmpty ? quarantine.ids(table: PatientField.table, scope: scope) : [])
        return PatientPage(total: page.total, limit: limit, offset: offset,
                           items: page.ids.compactMap { loaded.patients[$0] },
                           damaged: damaged.sorted { $0.uuidString < $1.uuidString })
    }

    struct Loaded: Sendable {
        var patients: [UUID: Patient] = [:]
        /// Ids of the scope's records among those asked for that turned out damaged.
        var damaged: [UUID] = []
    }

    /// The scope's live patients among `ids`, checked and decrypted: from the cache where possible,
    /// the rest in one query (then cached). Ids that are absent, deleted or outside the scope are
    /// simply missing; a damaged record is quarantined (and taken out of the index) and reported.
    func load(_ ids: [UUID], scope: PatientScope) async throws -> Loaded {
        var loaded = Loaded()
        var missing: [UUID] = []
        for id in ids {
            if let hit = cache.get(id), scope.includes(hit.ownerID) { loaded.patients[id] = hit } else { missing.append(id) }
        }
        guard !missing.isEmpty else { return loaded }
        let generation = cache.generation
        let toFetch = missing
        let codec = self.codec
        let results = try await database.read { db in
            try Row.fetchAll(db, sql: AuthenticatedTable.patients.selectAll + """
                 WHERE id IN (\(databaseQuestionMarks(count: toFetch.count)))
                """, arguments: StatementArguments(toFetch)).map { codec.inspect($0) }
        }
        var opened: [Patient] = []
        for result in results {
            switch result {
            case .success(let (record, patient)):
                guard scope.includes(record.ownerID), record.deletedAt == nil else { continue }
                opened.append(patient)
            case .failure(let damage):
                quarantine.add(damage)
                if let id = damage.id { index.remove(id: id) }
                if scope.includes(damage.ownerID), let id = damage.id { loaded.damaged.append(id) }
            }
        }
        cache.put(opened, readAt: generation)
        for p in opened { loaded.patients[p.id] = p }
        return loaded
    }

    public func statistics(scope: PatientScope, since: Date, recent: Int) async throws -> PatientStatistics {
        if let hit = statisticsCache.get(scope, since: since, recent: recent) { return hit }
        let generation = statisticsCache.generation
        let (filter, arguments) = scope.condition()
        let (counts, recentIDs) = try await database.read { db in
            let row = try Row.fetchOne(db, sql: """
                SELECT COUNT(*) AS n, COALESCE(SUM(created_at >= ?), 0) AS created, COALESCE(SUM(updated_at >= ?), 0) AS changed
                FROM patients WHERE \(filter)
                """, arguments: [since, since] + arguments)
            let ids = try UUID.fetchAll(db, sql: "SELECT id FROM patients WHERE \(filter) ORDER BY updated_at DESC LIMIT ?",
                                        arguments: arguments + [recent])
            let n: Int = row?["n"] ?? 0, created: Int = row?["created"] ?? 0, changed: Int = row?["changed"] ?? 0
            let analyses = try Int.fetchOne(db, sql: """
                SELECT COUNT(*) FROM analyses WHERE patient_id IN (SELECT id FROM patients WHERE \(filter))
                """, arguments: arguments) ?? 0
            return ((n, created, changed, analyses), ids)
        }
        let loaded = try await load(recentIDs, scope: scope)
        let stats = PatientStatistics(patients: counts.0, createdSince: counts.1, changedSince: counts.2, analyses: counts.3,
                                      recent: recentIDs.compactMap { loaded.patients[$0] })
        statisticsCache.put(stats, scope: scope, since: since, recent: recent, readAt: generation)
        return stats
    }
}
