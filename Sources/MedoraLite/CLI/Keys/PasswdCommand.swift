import ArgumentParser
import Foundation
import MedoraStorage

/// `passwd --passphrase`: a new database passphrase (only its key slot is rewritten). `passwd LOGIN`
/// is the first spelling of `user passwd` and still works.
struct PasswdCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "passwd",
        abstract: "Change the database passphrase (--passphrase), or a user's password (same as `user passwd`).",
        discussion: """
            Unlock with the current passphrase, the keyfile or --recovery-key (a forgotten passphrase is reset \
            this way); the new one comes from MEDORA_NEW_PASSPHRASE or is asked. Only the key slot is \
            rewritten, never the data.
            """)

    @OptionGroup var data: DataOptions
    @OptionGroup var unlock: UnlockOptions
    @Flag(help: "Change the database passphrase.") var passphrase = false
    @Argument(help: "Login of a user whose password to change instead.") var login: String?

    func validate() throws {
        if passphrase == (login != nil) { throw ValidationError("give a login, or --passphrase (not both)") }
    }

    func run() async throws {
        if let login { return try await UserPasswdArguments.change(login: login, data: data, unlock: unlock) }
        try await runReportingErrors {
            let store = try await unlock.open(data.directory, buildIndex: false)
            try await store.changePassphrase(to: try Terminal.newSecret(
                env: "MEDORA_NEW_PASSPHRASE", prompt: CLIText.newPassphrasePrompt.text(Language.cli)))
            Terminal.say(CLIText.passphraseChanged.text(Language.cli))
        }
    }
}
