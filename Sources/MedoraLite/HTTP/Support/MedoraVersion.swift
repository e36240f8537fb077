import Foundation
import MedoraCrypto
import MedoraStorage

enum MedoraVersion {
    static let current = "0.1.0"

    /// What `--version` prints: the app's version, then the SQLite and libsodium the binary runs
    /// on (linked in by `make release`), with SQLite's compile options.
    static var full: String {
        """
        medora-lite \(current)
        SQLite \(SQLiteLibrary.version) (\(SQLiteLibrary.compileOptions.joined(separator: " ")))
        libsodium \(Sodium.version)
        """
    }
}
