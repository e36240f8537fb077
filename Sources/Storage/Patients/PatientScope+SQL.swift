import GRDB

extension PatientScope {
    /// The SQL condition selecting this scope's patients rows, live ones (or, with `inTrash`, the
    /// deleted ones), and its arguments; `alias` names the patients table in a join (`p.`).
    func condition(inTrash: Bool = false, alias: String = "") -> (sql: String, arguments: StatementArguments) {
        let deleted = "\(alias)deleted_at IS \(inTrash ? "NOT NULL" : "NULL")"
        return switch self {
        case .everyone: (deleted, [])
        case .owner(let owner): ("\(deleted) AND \(alias)owner_id = ?", [owner])
        case .nobody: ("0", [])
        }
    }
}
