import Foundation
import GRDB

/// A stored record that is not served because it failed to decode, authenticate or decrypt.
/// Named by `check` and marked (by id, with no content) in lists; the rest of the clinic works on.
public struct DamagedRecord: Error, Sendable, Hashable {
    public enum Reason: String, Sendable {
        /// A column holds the wrong type, NULL where a value is required, or an impossible value.
        case type
        /// The row's MAC fails: a clear column (owner, deletion, timestamps, version, role, status,
        /// expiry) or a cell was changed, or the row came from another file.
        case authentication
        /// The record's data key does not open.
        case key
        /// A cell does not decrypt: damaged ciphertext, or a cell moved from another row or column.
        case ciphertext
    }

    public var table: String
    /// Nil when the id column itself is unreadable; `rowNumber` names the row then.
    public var id: UUID?
    public var rowNumber: Int64
    public var column: String?
    public var reason: Reason
    /// The owner as stored (unauthenticated when the reason is authentication): whose list marks it.
    public var ownerID: UUID?

    /// `patients 1f0c…` or `patients row 12`, with the column and reason: ids only, never content.
    public var label: String {
        let who = id.map { $0.uuidString.lowercased() } ?? "row \(rowNumber)"
        return "\(table) \(who): \(reason.rawValue)" + (column.map { " (\($0))" } ?? "")
    }
}

extension DamagedRecord {
    /// A row (read with `table.selectAll`) whose MAC fails.
    init(unauthenticated row: Row, table: AuthenticatedTable) {
        self.init(table: table.name, id: try? row.uuid("id"), rowNumber: (try? row.value("row_number", as: Int64.self)) ?? 0,
                  column: nil, reason: .authentication, ownerID: try? row.uuid("owner_id"))
    }
}

/// Why a row could not be used, from the step that refused it.
struct RowDamage: Error, Sendable {
    var column: String?
    var reason: DamagedRecord.Reason
}
