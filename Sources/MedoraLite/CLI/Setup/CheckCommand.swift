import ArgumentParser
import Foundation
import MedoraCrypto
import MedoraStorage

struct CheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Verify the database: SQLite integrity, key slots, record counts, every patient decrypts.")

    @OptionGroup var data: DataOptions
    @OptionGroup var unlock: UnlockOptions

    func run() async throws {
        try await runReportingErrors {
            let lang = Language.cli
            let store = try await unlock.open(data.directory, buildIndex: false)
            let r = try await store.check()
            func line(_ key: L10n.Key, _ value: String) {
                let label = L10n.text(key, lang) + ":"
                Terminal.say(label.padding(toLength: max(label.count + 1, 28), withPad: " ", startingAt: 0) + value)
            }
            line(.chkIntegrity, r.sqliteIntegrity.joined(separator: "; "))
            line(.chkForeignKeys, r.foreignKeyViolations == 0 ? "ok"
                 : L10n.text(.chkViolations, lang, ["count": String(r.foreignKeyViolations)]))
            for s in r.slots {
                let params = s.kind == "passphrase" ? " (Argon2id ops=\(s.opsLimit) mem=\(s.memLimit >> 20) MiB)" : ""
                line(.chkSlot, "\(s.kind)\(params) \(s.acceptable ? "ok" : L10n.text(.chkWeak, lang))")
            }
            line(.chkMigrations, r.migrations.joined(separator: ", "))
            line(.chkUsers, String(r.users))
            line(.chkPatients, "\(r.patients) (+\(r.deletedPatients))")
            line(.chkSessions, String(r.sessions))
            line(.chkUndecryptable, String(r.undecryptablePatients))
            guard r.isHealthy else {
                throw CLIFailure.message(L10n.text(.cliCheckUnhealthy, lang), code: 1)
            }
            Terminal.say(L10n.text(.cliCheckHealthy, lang))
        }
    }
}
