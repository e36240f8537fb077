import CSodium
import Foundation

/// Where an encrypted value lives: `table:column:row-uuid:row-version`, used as AEAD associated data.
public struct FieldContext: Sendable, Hashable {
    public var table: String
    public var column: String
    public var rowID: UUID
    public var rowVersion: Int

    public init(table: String, column: String, rowID: UUID, rowVersion: Int) {
        self.table = table
        self.column = column
        self.rowID = rowID
        self.rowVersion = rowVersion
    }

    /// `table:column:row-uuid:row-version` as bytes (the UUID in lowercase hex). Built by hand:
    /// it is computed for every field of every record read, and `uuidString` is comparatively slow.
    public var associatedData: [UInt8] { associatedData(withVersion: true) }

    /// `table:column:row-uuid`, with `:row-version` when `withVersion` (a wrapped row key is bound
    /// to its row, not to a version).
    public func associatedData(withVersion: Bool) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(table.utf8.count + column.utf8.count + 36 + 24)
        out.append(contentsOf: table.utf8)
        out.append(UInt8(ascii: ":"))
        out.append(contentsOf: column.utf8)
        out.append(UInt8(ascii: ":"))
        let hex: [UInt8] = Array("0123456789abcdef".utf8)
        withUnsafeBytes(of: rowID.uuid) { bytes in
            for (i, b) in bytes.enumerated() {
                if i == 4 || i == 6 || i == 8 || i == 10 { out.append(UInt8(ascii: "-")) }
                out.append(hex[Int(b >> 4)])
                out.append(hex[Int(b & 0x0f)])
            }
        }
        if withVersion {
            out.append(UInt8(ascii: ":"))
            out.append(contentsOf: String(rowVersion).utf8)
        }
        return out
    }
}
