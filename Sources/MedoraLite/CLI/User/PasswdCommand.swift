import ArgumentParser
import Foundation
import MedoraCrypto
import MedoraStorage

struct PasswdCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "passwd",
        abstract: "Change a user's password (ends their sessions), or with --passphrase the database passphrase.",
        discussion: """
            User password: from MEDORA_USER_PASSWORD or asked. Database passphrase: unlock with the current \
            passphrase, the keyfile or --recovery-key (a forgotten passphrase is reset this way); the new one \
            comes from MEDORA_NEW_PASSPHRASE or is asked. Only the key slot is rewritten, never the data.
            """)

    @OptionGroup var data: DataOptions
    @OptionGroup var unlock: UnlockOptions
    @Flag(help: "Change the database passphrase instead of a user's password.") var passphrase = false
    @Argument(help: "Login of the user.") var login: String?

    func validate() throws {
        if passphrase == (login != nil) { throw ValidationError("give a login, or --passphrase (not both)") }
    }

    func run() async throws {
        try await runReportingErrors {
            let lang = Language.cli
            let store = try await unlock.open(data.directory, buildIndex: false)
            if passphrase {
                try await store.changePassphrase(to: try Self.newPassphrase())
                Terminal.say(CLIText.passphraseChanged.text(lang))
                return
            }
            guard let login else { return }
            guard let user = try await store.users.find(login: login) else {
                throw MedoraError(.userNotFound, ["login": login])
            }
            let password = try InitCommand.password(for: login, env: "MEDORA_USER_PASSWORD")
            try await store.users.setPassword(userID: user.id, password: password)
            Terminal.say(CLIText.passwordChanged.text(lang, ["login": user.login]))
        }
    }

    static func newPassphrase() throws -> String {
        try Terminal.newSecret(env: "MEDORA_NEW_PASSPHRASE", prompt: CLIText.newPassphrasePrompt.text(Language.cli))
    }
}
