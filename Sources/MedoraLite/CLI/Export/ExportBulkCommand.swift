import ArgumentParser
import Foundation
import MedoraStorage

/// `medora-lite export-bulk --out FILE [--doctor LOGIN]`: every patient (or one doctor's) as FHIR
/// Bulk Data NDJSON in one encrypted archive, opened by `decrypt-export FILE --out DIR`.
struct ExportBulkCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export-bulk",
        abstract: "Export the practice (or one doctor's patients) as FHIR Bulk Data NDJSON in one encrypted file.",
        discussion: "The one-time code is printed once. Open the file with `medora-lite decrypt-export FILE --out DIR`.")
    @OptionGroup var data: DataOptions
    @OptionGroup var unlock: UnlockOptions
    @Option(help: "The file to write, e.g. practice.mlfhir.") var out: String
    @Option(help: "Only this doctor's patients (their login).") var doctor: String?

    func run() async throws {
        try await runReportingErrors {
            let lang = Language.cli
            let store = try await unlock.open(data.directory, buildIndex: false)
            defer { try? store.close() }
            var scope = PatientScope.everyone
            if let doctor {
                guard let user = try await store.users.find(login: doctor) else { throw MedoraError(.userNotFound) }
                scope = .owner(user.id)
            }
            let made = try await store.practiceExport(scope: scope)
            try DurableFile.write(made.archive, to: out)
            let s = made.summary
            let summary = ErasureText.practiceSummary.text(lang, ["patients": String(s.patients), "observations": String(s.observations),
                                                                   "reports": String(s.reports)])
            Terminal.say(ErasureText.bulkWritten.text(lang, ["path": out, "summary": summary]))
            Terminal.say(ExportText.codeLine.text(lang, ["code": made.code]))
            Terminal.say(ExportText.codeAdvice.text(lang))
        }
    }
}
