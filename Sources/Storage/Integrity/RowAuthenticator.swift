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

    /// The MAC of `row`. Rows read with `table.selectAll` are read by position (the hot path: every
    /// row at unlock); any other row by column name.
    func mac(_ table: AuthenticatedTable, _ row: Row) -> Data {
        var bytes = table.macHeader
        bytes.reserveCapacity(bytes.count + 512)
        let positional = table.matchesSelectAll(row)
        for (i, column) in table.columns.enumerated() {
            Self.append(positional ? row[i + 1] as DatabaseValue : row.storedValue(column), to: &bytes)
        }
        return Data(KeyedHash.digest(bytes, key: key))
    }

    /// Whether the row's stored `row_mac` is the MAC of its other columns.
    func verify(_ table: AuthenticatedTable, _ row: Row) -> Bool {
        guard case .blob(let stored) = table.storedMAC(row) else { return false }
        return KeyedHash.equal(stored, mac(table, row))
    }

    /// The set-digest element of a row with MAC `mac`.
    func element(_ table: AuthenticatedTable, mac: Data) -> SetDigest {
        var bytes = table.elementHeader
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
