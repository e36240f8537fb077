import Foundation
import GRDB

/// A table whose rows carry a MAC (`row_mac`) over every other column, and whose whole set of
/// rows is summed into one keyed digest (`integrity_digests`). Declared once per table: the MAC,
/// the digest, `check` and the mutation tests all read the column list from here.
struct AuthenticatedTable: Sendable, Hashable {
    let name: String
    /// Every column but `row_mac`, in the order the MAC reads them.
    let columns: [String]
    /// What every MAC of this table starts with: the table and its column names (so a value
    /// cannot be read as another column's), encoded once.
    let macHeader: [UInt8]
    /// What every set-digest element of this table starts with.
    let elementHeader: [UInt8]

    init(name: String, columns: [String]) {
        self.name = name
        self.columns = columns
        var header: [UInt8] = []
        for part in ["row", name] + columns { RowAuthenticator.append(text: part, to: &header) }
        macHeader = header
        var element: [UInt8] = []
        for part in ["element", name] { RowAuthenticator.append(text: part, to: &element) }
        elementHeader = element
    }

    // The live definitions: those of the latest migration that changed each table.
    static let patients = V2RowIntegrity.patients
    static let users = V3ClinicAccounts.users
    static let sessions = V2RowIntegrity.sessions
    static let settings = V3ClinicAccounts.settings
    static let analyses = V4Analyses.analyses

    static let all = [users, patients, sessions, settings, analyses]

    static func named(_ name: String) -> AuthenticatedTable? { all.first { $0.name == name } }

    /// Every column, the MAC and the rowid (which names a row whose id is unreadable), in this order.
    var selectAll: String { "SELECT rowid AS row_number, \(columns.joined(separator: ", ")), row_mac FROM \(name)" }

    /// Whether `row` has the layout of `selectAll`, so its columns can be read by position.
    func matchesSelectAll(_ row: Row) -> Bool {
        row.count == columns.count + 2 && row.columnNames.first == "row_number"
    }

    /// The stored `row_mac` storage of a row.
    func storedMAC(_ row: Row) -> DatabaseValue.Storage {
        (matchesSelectAll(row) ? row[columns.count + 1] as DatabaseValue : row.storedValue("row_mac")).storage
    }
}
