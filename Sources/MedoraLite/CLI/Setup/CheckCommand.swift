import ArgumentParser
import Foundation
import MedoraCrypto
import MedoraStorage

struct CheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Verify the database: SQLite integrity, key slots, counts, every record and every table's set of rows.")

    @OptionGroup var data: DataOptions
    @OptionGroup var unlock: UnlockOptions

    func run() async throws {
        try await runReportingErrors {
            let store = try await unlock.open(data.directory, buildIndex: false)
            try Self.show(try await store.check())
        }
    }

    /// Prints the report line by line; an unhealthy one ends with `checkFailed` (exit 1).
    static func show(_ r: IntegrityReport) throws {
        let lang = Language.cli
        func line(_ key: CheckText, _ value: String) {
            let label = key.text(lang) + ":"
            Terminal.say(label.padding(toLength: max(label.count + 1, 28), withPad: " ", startingAt: 0) + value)
        }
        line(.integrity, r.sqliteIntegrity.joined(separator: "; "))
        line(.foreignKeys, r.foreignKeyViolations == 0 ? "ok"
             : CheckText.violations.text(lang, ["count": String(r.foreignKeyViolations)]))
        for s in r.slots {
            let params = s.kind == "passphrase" ? " (Argon2id ops=\(s.opsLimit) mem=\(s.memLimit >> 20) MiB)" : ""
            line(.slot, "\(s.kind)\(params) \(s.acceptable ? "ok" : CheckText.weak.text(lang))")
        }
        line(.migrations, r.migrations.joined(separator: ", "))
        line(.users, String(r.users))
        line(.patients, "\(r.patients) (+\(r.deletedPatients))")
        line(.sessions, String(r.sessions))
        line(.damaged, String(r.damaged.count))
        for d in r.damaged { Terminal.say("  " + d.label) }
        line(.rowSets, r.rowSets.isEmpty ? "ok" : String(r.rowSets.count))
        for f in r.rowSets { Terminal.say("  " + f.label) }
        if let audit = r.audit {
            line(.audit, audit.problem.map { AuditVerifyCommand.describe($0, lang) } ?? "ok (\(audit.entries))")
        }
        guard r.isHealthy else {
            throw MedoraError(.checkFailed)
        }
        Terminal.say(CheckText.passed.text(lang))
    }
}
