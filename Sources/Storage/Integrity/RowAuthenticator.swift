import Foundation
import GRDB
import MedoraCrypto

/// Computes and checks the MACs that bind a row's clear columns (owner, deletion mark, timestamps,
/// version, role, status, expiry...) and its ciphertext cells together, under the integrity
/// subkey. The MAC reads the values exactly as SQLite stores them (storage class and bytes), so a
/// changed type is caught as surely as a changed value, before anything is decoded.
struct RowAuthenticator: Sendable {
    let key: SecureBytes

    init(keyring: Keyring) { key = keyring.subkey(.integrity) }

    /// The MAC of `row` (which must hold the table's columns by name).
    func mac(_ table: AuthenticatedTable, _ row: Row) -> Data {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(512)
        Self.append(text: "row", to: &bytes)
        Self.append(text: table.name, to: &bytes)
        for column in table.columns {
            Self.append(text: column, to: &bytes)
            Self.append(row.storedValue(column), to: &bytes)
        }
        return Data(KeyedHash.digest(bytes, key: key))
    }

    /// Whether the row's stored `row_mac` is the MAC of its other columns.
    func verify(_ table: AuthenticatedTable, _ row: Row) -> Bool {
        guard case .blob(let stored) = row.storedValue("row_mac").storage else { return false }
        return KeyedHash.equal(stored, mac(table, row))
    }

    /// The set-digest element of a row with MAC `mac`.
    func element(_ table: AuthenticatedTable, mac: Data) -> SetDigest {
        var bytes: [UInt8] = []
        Self.append(text: "element", to: &bytes)
        Self.append(text: table.name, to: &bytes)
        bytes.append(contentsOf: mac)
        return SetDigest(element: KeyedHash.digest(bytes, key: key, length: SetDigest.byteCount))
    }

    /// The MAC of a table's digest row.
    func digestMAC(table: String, digest: Data, count: Int64) -> Data {
        var bytes: [UInt8] = []
        Self.append(text: "digest", to: &bytes)
        Self.append(text: table, to: &bytes)
        bytes.append(contentsOf: digest)
        Self.append(count.databaseValue, to: &bytes)
        return Data(KeyedHash.digest(bytes, key: key))
    }

    // MARK: Canonical encoding: a tag per storage class, lengths before variable parts.

    static func append(text: String, to out: inout [UInt8]) {
        append(text.databaseValue, to: &out)
    }

    static func append(_ value: DatabaseValue, to out: inout [UInt8]) {
        func length(_ n: Int) { for i in 0..<4 { out.append(UInt8(truncatingIfNeeded: n >> (8 * i))) } }
        switch value.storage {
        case .null:
            out.append(0)
        case .int64(let v):
            out.append(1)
            for i in 0..<8 { out.append(UInt8(truncatingIfNeeded: v >> (8 * Int64(i)))) }
        case .double(let v):
            out.append(2)
            for i in 0..<8 { out.append(UInt8(truncatingIfNeeded: v.bitPattern >> (8 * UInt64(i)))) }
        case .string(let s):
            out.append(3)
            length(s.utf8.count)
            out.append(contentsOf: s.utf8)
        case .blob(let d):
            out.append(4)
            length(d.count)
            out.append(contentsOf: d)
        }
    }
}

extension Row {
    /// The value of `column` as stored, `.null` when absent; never traps.
    func storedValue(_ column: String) -> DatabaseValue {
        (self[column] as (any DatabaseValueConvertible)?)?.databaseValue ?? .null
    }
}
