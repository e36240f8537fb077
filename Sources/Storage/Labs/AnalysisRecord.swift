import Foundation
import GRDB
import MedoraCrypto

/// A row of `analyses` as stored: ids, version and timestamps in clear (bound by the row MAC),
/// every field sealed under the patient's data key and bound to `analyses:<column>:<id>:<version>`.
struct AnalysisRecord: PersistableRecord, Sendable {
    static let databaseTableName = AnalysisField.table

    var id: UUID
    var patientID: UUID
    var fields: SealedCells<AnalysisField>
    var version: Int
    var createdAt: Date
    var updatedAt: Date

    init(decoding row: Row) throws(RowDamage) {
        id = try row.uuid("id")
        patientID = try row.uuid("patient_id")
        fields = try SealedCells(decoding: row)
        version = try row.version()
        createdAt = try row.value("created_at")
        updatedAt = try row.value("updated_at")
    }

    init(id: UUID, patientID: UUID, fields: SealedCells<AnalysisField>, version: Int, createdAt: Date, updatedAt: Date) {
        self.id = id
        self.patientID = patientID
        self.fields = fields
        self.version = version
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }

    func encode(to container: inout PersistenceContainer) throws {
        container["id"] = id
        container["patient_id"] = patientID
        fields.encode(to: &container)
        container["version"] = version
        container["created_at"] = createdAt
        container["updated_at"] = updatedAt
    }

    /// The sealed values of a draft and its reading.
    static func values(_ d: AnalysisDraft, reading: [ReadingFinding]) -> [AnalysisField: String] {
        var v: [AnalysisField: String] = [.takenOn: d.takenOn, .pregnant: d.pregnant ? "true" : "false",
                                          .results: json(d.results), .reading: json(reading)]
        if let lab = d.lab { v[.lab] = lab }
        if let comment = d.comment { v[.comment] = comment }
        return v
    }

    static func json<T: Encodable>(_ value: T) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return (try? encoder.encode(value)).map { String(decoding: $0, as: UTF8.self) } ?? "[]"
    }

    /// The draft and reading back from opened values; a value that does not parse is damage.
    static func draft(_ v: [AnalysisField: String]) throws(RowDamage) -> (AnalysisDraft, [ReadingFinding]) {
        guard let takenOn = v[.takenOn],
              let results = v[.results].flatMap({ try? JSONDecoder().decode([LabResult].self, from: Data($0.utf8)) }),
              let reading = v[.reading].flatMap({ try? JSONDecoder().decode([ReadingFinding].self, from: Data($0.utf8)) }) else {
            throw RowDamage(column: AnalysisField.results.storageColumn, reason: .ciphertext)
        }
        return (AnalysisDraft(takenOn: takenOn, lab: v[.lab], comment: v[.comment], pregnant: v[.pregnant] == "true",
                              results: results), reading)
    }
}
