import Foundation
import GRDB

/// Reads columns from a row fetched from the file without ever trapping: a wrong storage class,
/// NULL where a value is required, an out-of-range number or a wrong length becomes a
/// `RowDamage` naming the column. (GRDB's non-optional subscripts trap on such values.)
extension Row {
    func value<T: DatabaseValueConvertible>(_ column: String, as type: T.Type = T.self) throws(RowDamage) -> T {
        guard let v = T.fromDatabaseValue(storedValue(column)) else { throw RowDamage(column: column, reason: .type) }
        return v
    }

    /// NULL is nil; any other value must convert.
    func optionalValue<T: DatabaseValueConvertible>(_ column: String, as type: T.Type = T.self) throws(RowDamage) -> T? {
        let stored = storedValue(column)
        if stored.isNull { return nil }
        guard let v = T.fromDatabaseValue(stored) else { throw RowDamage(column: column, reason: .type) }
        return v
    }

    /// A UUID stored as 16 bytes (never text or another length).
    func uuid(_ column: String) throws(RowDamage) -> UUID {
        guard case .blob(let d) = storedValue(column).storage, d.count == 16 else {
            throw RowDamage(column: column, reason: .type)
        }
        return d.withUnsafeBytes { UUID(uuid: $0.loadUnaligned(as: uuid_t.self)) }
    }

    /// NULL is nil; anything else must be a UUID of 16 bytes.
    func optionalUUID(_ column: String) throws(RowDamage) -> UUID? {
        storedValue(column).isNull ? nil : try uuid(column)
    }

    /// A row version: a positive integer.
    func version(_ column: String = "version") throws(RowDamage) -> Int {
        guard case .int64(let v) = storedValue(column).storage, v > 0, v < Int64(Int32.max) else {
            throw RowDamage(column: column, reason: .type)
        }
        return Int(v)
    }
}
