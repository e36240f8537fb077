import ArgumentParser
import Foundation
import MedoraCrypto
import MedoraStorage

struct InitCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create a data directory: database, keys and the first administrator. Prints the recovery key once.")

    @OptionGroup var data: DataOptions

    @Flag(help: "Also write a random keyfile (<data>/keyfile, mode 0600) so the server can start unattended.")
    var keyfile = false

    @Flag(help: "Use only the keyfile (no passphrase slot). Implies --keyfile.")
    var noPassphrase = false

    @Option(help: "Login of the first administrator.")
    var admin = "admin"

    @Option(help: "Display name of the first administrator.")
    var adminName = "Administrator"

    func run() async throws {
        try await runReportingErrors {
            let lang = Language.cli
            let dir = data.directory
            if dir.isInitialized { throw MedoraError(.alreadyInitialized, ["path": dir.url.path]) }
            let passphrase = noPassphrase ? nil
                : try Terminal.newSecret(env: "MEDORA_PASSPHRASE", prompt: CLIText.passphrasePrompt.text(lang))
            let adminPassword = try Self.password(for: admin, env: "MEDORA_ADMIN_PASSWORD")
            let recovery = try await MedoraStore.initialize(dir, options: InitOptions(
                passphrase: passphrase, createKeyfile: keyfile || noPassphrase,
                adminLogin: admin, adminPassword: adminPassword, adminDisplayName: adminName))
            Terminal.say(CLIText.initDone.text(lang, ["path": dir.url.path, "login": admin]))
            if keyfile || noPassphrase { Terminal.say(CLIText.keyfileWritten.text(lang, ["path": dir.keyfilePath])) }
            Terminal.say("")
            Terminal.say(CLIText.recoveryKeyNotice.text(lang))
            Terminal.say("  " + recovery)
        }
    }

    /// A password from the environment variable `env`, or asked twice on the terminal.
    static func password(for login: String, env name: String) throws -> String {
        try Terminal.newSecret(env: name, prompt: CLIText.passwordPrompt.text(Language.cli, ["login": login]))
    }
}
