import Foundation
import GRDB
import MedoraCrypto

/// The template for a table whose personal data is sealed one value per column: an enum of its
/// fields, each naming its column stem (also the associated-data name), its JSON name and its
/// validation rule. Records, sealing, opening, request decoding, validation messages and responses
/// derive from the enum, so a field is declared once. Patients are the first; analyses,
/// attachments and audit entries follow the same pattern.
public protocol SealedFieldSet: CaseIterable, Hashable, Sendable where AllCases == [Self] {
    /// The table, first part of every cell's associated data.
    static var table: String { get }
    /// Column stem and associated-data name, e.g. `first_name` (stored in `first_name_enc`).
    var column: String { get }
    /// The key in API bodies and exports, e.g. `firstName`.
    var jsonName: String { get }
    /// What a value must look like before it is sealed.
    var rule: FieldRule { get }
}

extension SealedFieldSet {
    /// The column holding the ciphertext.
    public var storageColumn: String { column + "_enc" }

    /// Where a cell lives: `<table>:<column>:<row id>:<row version>`.
    func context(_ id: UUID, _ version: Int) -> FieldContext {
        FieldContext(table: Self.table, column: column, rowID: id, rowVersion: version)
    }

    public static func field(jsonName: String) -> Self? { allCases.first { $0.jsonName == jsonName } }
}

/// The sealed cells of one row, by field. Absent fields are NULL columns.
struct SealedCells<Field: SealedFieldSet>: Sendable {
    private(set) var cells: [Field: EncryptedField] = [:]

    /// Reads the fields' ciphertext columns from a row fetched with `SELECT *` (or with at least
    /// those columns).
    init(row: Row, fields: [Field] = Field.allCases) {
        for field in fields {
            if let cell: EncryptedField = row[field.storageColumn] { cells[field] = cell }
        }
    }

    /// Reads `fields` from consecutive columns starting at `firstIndex` (a SELECT that lists them in
    /// that order): positional access, for scans over every row.
    init(row: Row, fields: [Field], firstIndex: Int) {
        for (i, field) in fields.enumerated() {
            if let cell: EncryptedField = row[firstIndex + i] { cells[field] = cell }
        }
    }

    /// Seals each present value under `cipher`, bound to its cell.
    init(sealing values: [Field: String], id: UUID, version: Int, cipher: FieldCipher) {
        for (field, value) in values {
            cells[field] = .seal(value, cipher: cipher, field.context(id, version))
        }
    }

    func encode(to container: inout PersistenceContainer) {
        for field in Field.allCases { container[field.storageColumn] = cells[field] }
    }

    /// Opens `fields` (all by default); a cell that fails to open fails the whole row.
    func open(id: UUID, version: Int, cipher: FieldCipher, fields: [Field] = Field.allCases) throws -> [Field: String] {
        var values: [Field: String] = [:]
        for field in fields {
            if let cell = cells[field] { values[field] = try cell.open(cipher: cipher, field.context(id, version)) }
        }
        return values
    }
}
