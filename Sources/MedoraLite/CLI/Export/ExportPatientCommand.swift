import ArgumentParser
import Foundation
import MedoraStorage

extension Language: ExpressibleByArgument {}

/// `medora-lite export-patient ID --out FILE`: one self-opening HTML file with the patient's record
/// and FHIR data, sealed under a one-time code printed once.
struct ExportPatientCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export-patient",
        abstract: "Write a patient's record and FHIR data into one encrypted HTML file that opens in any browser with a one-time code.",
        discussion: """
            The code is printed once: give it to the patient separately from the file (in person or by phone). \
            Open the file with the code in a browser, or with `medora-lite decrypt-export FILE`.
            """)
    @OptionGroup var data: DataOptions
    @OptionGroup var unlock: UnlockOptions
    @Argument(help: "The patient's id (a UUID, as on the patient's page).") var id: String
    @Option(help: "The file to write, e.g. record.html.") var out: String
    @Option(help: "The language of the record: en, uz or ru (default: the clinic's).") var language: Language?

    func run() async throws {
        try await runReportingErrors {
            guard let patientID = UUID(uuidString: id.trimmingCharacters(in: .whitespaces)) else { throw MedoraError(.invalidID) }
            let store = try await unlock.open(data.directory, buildIndex: false)
            defer { try? store.close() }
            let settings = store.settings.current
            guard var content = try await store.analyses.exportContent(
                patientID: patientID, scope: .everyone, language: language ?? settings.defaultLanguage,
                clinicName: settings.clinicName, now: store.clock.now()) else { throw MedoraError(.patientNotFound) }
            let trail = try await store.audit.exportTrail(patient: patientID, users: store.users, language: content.language)
            content.accessLog = trail.log
            content.auditHead = trail.head.description
            let (html, code) = try PatientExportFile.make(content)
            try DurableFile.write(html, to: out)
            let lang = Language.cli
            Terminal.say(ExportText.exportWritten.text(lang, ["path": out]))
            Terminal.say(ExportText.codeLine.text(lang, ["code": code]))
            Terminal.say(ExportText.codeAdvice.text(lang))
            Terminal.say(AuditText.exportHead.text(lang, ["head": trail.head.description]))
        }
    }
}

/// `medora-lite decrypt-export FILE`: opens an export with its code; writes the FHIR Bundle (and
/// the readable record) into --out DIR, or prints the Bundle. A wrong code writes nothing.
struct DecryptExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "decrypt-export",
        abstract: "Open an export with its one-time code: a patient export prints its FHIR Bundle (or writes it and the readable record into --out DIR); a practice export writes its NDJSON files into --out DIR.")
    @Argument(help: "The export file (.html, or .mlfhir for a practice export).") var file: String
    @Option(help: "The one-time code (default: asked for on the terminal, else read from standard input).") var code: String?
    @Option(help: "Write the FHIR Bundle (JSON) and the record (HTML) into this folder instead of printing the Bundle.") var out: String?

    func run() async throws {
        try await runReportingErrors {
            let lang = Language.cli
            guard let html = FileManager.default.contents(atPath: file) else {
                throw MedoraError(.notAccessible, ["path": file, "detail": "no such file or not readable"])
            }
            let typed = code ?? (Terminal.isInteractive ? Terminal.readSecret(prompt: ExportText.codePrompt.text(lang)) : readLine()) ?? ""
            if PracticeExport.isArchive(html) {
                // A practice export: its NDJSON files and manifest go into --out.
                let files = try PracticeExport.open(html, code: typed)
                guard let out else { throw ValidationError("a practice export needs --out DIR") }
                try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
                let paths = try files.files.map { f -> String in
                    let path = (out as NSString).appendingPathComponent(f.name)
                    try DurableFile.write(f.contents, to: path)
                    return path
                }
                Terminal.say(ExportText.decryptWrote.text(lang, ["files": paths.joined(separator: ", ")]))
                return
            }
            let payload = try PatientExportFile.open(html: html, code: typed)
            guard let out else {
                FileHandle.standardOutput.write(Data(payload.fhir.utf8))
                return
            }
            try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
            let fhirPath = (out as NSString).appendingPathComponent(payload.fhirFileName.replacingOccurrences(of: "/", with: "_"))
            let recordPath = (out as NSString).appendingPathComponent("medical-record.html")
            try DurableFile.write(Data(payload.fhir.utf8), to: fhirPath)
            try DurableFile.write(Data(PatientExportFile.readableDocument(payload).utf8), to: recordPath)
            Terminal.say(ExportText.decryptWrote.text(lang, ["files": "\(fhirPath), \(recordPath)"]))
        }
    }
}
