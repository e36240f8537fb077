import Foundation
import GRDBSQLite

/// The SQLite the binary runs on (linked in by `make release`, the system's in a debug build):
/// its version and compile options, and the check that it can do what the design relies on.
public enum SQLiteLibrary {
    /// `RETURNING` (used when rows are deleted with their MACs) came in 3.35.
    public static let minimumVersion = 3_035_000

    public static var version: String { String(cString: sqlite3_libversion()) }
    public static var versionNumber: Int { Int(sqlite3_libversion_number()) }

    /// The options it was compiled with (`THREADSAFE=1`, `ENABLE_FTS5`, …).
    public static var compileOptions: [String] {
        var options: [String] = []
        var i: Int32 = 0
        while let option = sqlite3_compileoption_get(i) {
            options.append(String(cString: option))
            i += 1
        }
        return options
    }

    /// Why this SQLite cannot hold the clinic's records, or nil: too old for the statements
    /// used, built without threads (the connection pool reads while it writes), or without WAL,
    /// the pager pragmas, the progress handler (the 30 s limit), foreign keys or triggers.
    /// (`secure_delete` and the other pragmas are checked on every connection as it opens.)
    public static var unsuitability: String? {
        if versionNumber < minimumVersion { return "SQLite \(version) is older than 3.35" }
        if sqlite3_threadsafe() == 0 { return "SQLite was built without thread safety (THREADSAFE=0)" }
        let omitted = [String](arrayLiteral: "OMIT_WAL", "OMIT_PAGER_PRAGMAS", "OMIT_PROGRESS_CALLBACK", "OMIT_FOREIGN_KEY", "OMIT_TRIGGER")
            .filter { sqlite3_compileoption_used($0) != 0 }
        if !omitted.isEmpty { return "SQLite was built with " + omitted.joined(separator: ", ") }
        return nil
    }

    /// Refuses to open a database on an unsuitable SQLite.
    static func check() throws {
        if let reason = unsuitability { throw MedoraError(.unsafeConnection, ["detail": reason]) }
    }
}
