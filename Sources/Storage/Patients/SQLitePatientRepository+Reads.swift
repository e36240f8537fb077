import Foundation
import GRDB
import Synchronization

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
        // Split the table into rowid ranges and let each worker read (on its own reader connection)
        // and check its range: reading, hashing and decrypting all scale with cores. Runs before
        // the server accepts requests, so nothing writes meanwhile.
        let bounds = try database.readSync { db in try Row.fetchOne(db, sql: "SELECT MIN(rowid), MAX(rowid) FROM patients") }
        let low = bounds.flatMap { try? $0.value("MIN(rowid)", as: Int64.self) } ?? 0
        let high = bounds.flatMap { try? $0.value("MAX(rowid)", as: Int64.self) } ?? -1
        let parts = max(1, ProcessInfo.processInfo.activeProcessorCount) * 4
        let span = max(1, (high - low) / Int64(parts) + 1)
        struct Part: Sendable {
            var docs: [SearchDocument] = []
            var damaged: [DamagedRecord] = []
            var digest = IntegrityLedger.Digest(sum: SetDigest(), count: 0)
        }
        let results = Mutex<[Part]>(Array(repeating: Part(), count: parts))
        let failure = Mutex<Error?>(nil)
        let (codec, auth, pool) = (self.codec, ledger.auth, database.pool)
        DispatchQueue.concurrentPerform(iterations: parts) { i in
            let from = low + Int64(i) * span, to = min(high, from + span - 1)
            guard from <= to else { return }
            do {
                let part = try pool.read { db in
                    var part = Part()
                    let rows = try Row.fetchCursor(db, sql: AuthenticatedTable.patients.selectAll + " WHERE rowid BETWEEN ? AND ?",
                                                   arguments: [from, to])
                    while let row = try rows.next() {
                        part.digest.count += 1
                        if case .blob(let mac) = row.storedValue("row_mac").storage {
                            part.digest.sum.add(auth.element(.patients, mac: mac))
                        }
                        switch codec.inspect(row, fields: PatientField.indexed) {
                        case .success(let (record, patient)):
                            if record.deletedAt == nil { part.docs.append(patient.searchDocument) }
                        case .failure(let damage):
                            part.damaged.append(damage)
                        }
                    }
                    return part
                }
                results.withLock { $0[i] = part }
            } catch {
                failure.withLock { $0 = AppDatabase.mapError(error, path: self.database.path) }
            }
        }
        if let error = failure.withLock({ $0 }) { throw error }
        let all = results.withLock { $0 }
        index.replaceAll(all.flatMap(\.docs))
        let damaged = all.flatMap(\.damaged)
        quarantine.replaceAll(table: PatientField.table, with: damaged)
        var digest = IntegrityLedger.Digest(sum: SetDigest(), count: 0)
        for p in all { digest.sum.add(p.digest.sum); digest.count += p.digest.count }
        return Scan(damaged: damaged, digest: digest)
    }

    public func find(id: UUID, ownerID: UUID) async throws -> Patient? {
        let loaded = try await load([id], ownerID: ownerID)
        if loaded.damaged.contains(id) { throw MedoraError(.recordDamaged, ["record": id.uuidString.lowercased()]) }
        return loaded.patients[id]
    }

    public func search(ownerID: UUID, query: String?, limit: Int, offset: Int) async throws -> PatientPage {
        let page = index.search(ownerID: ownerID, query: query, limit: limit, offset: offset)
        let loaded = page.ids.isEmpty ? Loaded() : try await load(page.ids, ownerID: ownerID)
        let damaged = Set(loaded.damaged).union((query ?? "").isEmpty ? quarantine.ids(table: PatientField.table, ownerID: ownerID) : [])
        return PatientPage(total: page.total, limit: limit, offset: offset,
                           items: page.ids.compactMap { loaded.patients[$0] },
                           damaged: damaged.sorted { $0.uuidString < $1.uuidString })
    }

    struct Loaded: Sendable {
        var patients: [UUID: Patient] = [:]
        /// Ids of this owner's records among those asked for that turned out damaged.
        var damaged: [UUID] = []
    }

    /// The owner's live patients among `ids`, checked and decrypted: from the cache where possible,
    /// the rest in one query (then cached). Ids that are absent, deleted or another owner's are
    /// simply missing; a damaged record is quarantined (and taken out of the index) and reported.
    func load(_ ids: [UUID], ownerID: UUID) async throws -> Loaded {
        var loaded = Loaded()
        var missing: [UUID] = []
        for id in ids {
            if let hit = cache.get(id), hit.ownerID == ownerID { loaded.patients[id] = hit } else { missing.append(id) }
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
                guard record.ownerID == ownerID, record.deletedAt == nil else { continue }
                opened.append(patient)
            case .failure(let damage):
                quarantine.add(damage)
                if let id = damage.id { index.remove(id: id) }
                if damage.ownerID == ownerID, let id = damage.id { loaded.damaged.append(id) }
            }
        }
        cache.put(opened, readAt: generation)
        for p in opened { loaded.patients[p.id] = p }
        return loaded
    }
}
