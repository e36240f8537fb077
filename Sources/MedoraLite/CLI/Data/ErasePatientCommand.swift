import ArgumentParser
import Foundation
import MedoraStorage

/// `medora-lite erase-patient ID --yes`: a patient erased for good from the command line (the
/// patient asked to be forgotten and the server is not at hand).
struct ErasePatientCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "erase-patient",
        abstract: "Erase a patient for good: their data key is destroyed, their rows deleted, and no restore brings them back.")
    @OptionGroup var data: DataOptions
    @OptionGroup var unlock: UnlockOptions
    @Argument(help: "The patient's id.") var id: String
    @Flag(help: "Confirm: erasing cannot be undone.") var yes = false

    func run() async throws {
        try await runReportingErrors {
            let lang = Language.cli
            guard let patient = UUID(uuidString: id) else { throw MedoraError(.invalidID) }
            guard yes else {
                Terminal.error(ErasureText.eraseCommandConfirm.text(lang, ["id": patient.uuidString.lowercased()]))
                throw ExitCode(1)
            }
            let store = try await unlock.open(data.directory, buildIndex: false)
            defer { try? store.close() }
            guard try await store.patients.erase(id: patient, scope: .everyone) else {
                Terminal.error(ErasureText.eraseCommandNotFound.text(lang, ["id": patient.uuidString.lowercased()]))
                throw ExitCode(1)
            }
            Terminal.say(ErasureText.eraseCommandDone.text(lang, ["id": patient.uuidString.lowercased()]))
        }
    }
}
