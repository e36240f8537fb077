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
    /// Whether every row has a value.
    var isRequired: Bool { get }
    /// The field's position in `allCases` (0, 1, 2...), for array storage.
    var ordinal: Int { get }
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

/// The sealed cells of one row, by field (in `allCases` order). Absent fields are NULL columns.
struct SealedCells<Field: SealedFieldSet>: Sendable {
    private var cells: [EncryptedField?] = Array(repeating: nil, count: Field.allCases.count)

    subscript(_ field: Field) -> EncryptedField? {
        get { cells.indices.contains(field.ordinal) ? cells[field.ordinal] : nil }
        set { if cells.indices.contains(field.ordinal) { cells[field.ordinal] = newValue } }
    }

    /// Reads the fields' ciphertext columns from a row read from the file: a cell is NULL or a
    /// blob; anything else is damage of that column.
    init(decoding row: Row) throws(RowDamage) {
        for field in Field.allCases {
            switch row.storedValue(field.storageColumn).storage {
            case .null where !field.isRequired: continue
            case .blob(let d): self[field] = EncryptedField(sealed: d)
            default: throw RowDamage(column: field.storageColumn, reason: .type)
            }
        }
    }

    /// Seals each present value under `cipher`, bound to its cell.
    init(sealing values: [Field: String], id: UUID, version: Int, cipher: FieldCipher) {
        for (field, value) in values {
            self[field] = .seal(value, cipher: cipher, field.context(id, version))
        }
    }

    func encode(to container: inout PersistenceContainer) {
        for (field, cell) in zip(Field.allCases, cells) { container[field.storageColumn] = cell }
    }

    /// Opens `fields` (all by default); a cell that fails to open fails the whole row, naming the
    /// cell's column.
    func open(id: UUID, version: Int, cipher: FieldCipher, fields: [Field] = Field.allCases) throws(RowDamage) -> [Field: String] {
        var values: [Field: String] = [:]
        for field in fields {
            guard let cell = self[field] else { continue }
            guard let value = try? cell.open(cipher: cipher, field.context(id, version)) else {
                throw RowDamage(column: field.storageColumn, reason: .ciphertext)
            }
            values[field] = value
        }
        return values
    }
}
