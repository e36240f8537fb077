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
            if dir.isInitialized { throw StorageError.alreadyInitialized(path: dir.url.path) }
            let passphrase = noPassphrase ? nil
                : try Terminal.newSecret(env: "MEDORA_PASSPHRASE", prompt: L10n.text(.cliPassphrasePrompt, lang))
            let adminPassword = try Self.password(for: admin, env: "MEDORA_ADMIN_PASSWORD")
            let recovery = try await MedoraStore.initialize(dir, options: InitOptions(
                passphrase: passphrase, createKeyfile: keyfile || noPassphrase,
                adminLogin: admin, adminPassword: adminPassword, adminDisplayName: adminName))
            Terminal.say(L10n.text(.cliInitDone, lang, ["path": dir.url.path, "login": admin]))
            if keyfile || noPassphrase { Terminal.say(L10n.text(.cliKeyfileWritten, lang, ["path": dir.keyfilePath])) }
            Terminal.say("")
            Terminal.say(L10n.text(.cliRecoveryKeyNotice, lang))
            Terminal.say("  " + recovery)
        }
    }

    /// A password from the environment variable `env`, or asked twice on the terminal.
    static func password(for login: String, env name: String) throws -> String {
        try Terminal.newSecret(env: name, prompt: L10n.text(.cliPasswordPrompt, Language.cli, ["login": login]))
    }
}

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

struct AddUserCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add-user", abstract: "Add a user (password from MEDORA_USER_PASSWORD or asked).")

    @OptionGroup var data: DataOptions
    @OptionGroup var unlock: UnlockOptions
    @Argument(help: "Login (3-64 letters, digits, . _ - @).") var login: String
    @Option(help: "Role: admin, doctor or assistant.") var role: String = "doctor"
    @Option(help: "Display name.") var name: String?

    func validate() throws {
        guard User.Role(rawValue: role) != nil else { throw ValidationError("role must be admin, doctor or assistant") }
    }

    func run() async throws {
        try await runReportingErrors {
            let store = try await unlock.open(data.directory, buildIndex: false)
            let password = try InitCommand.password(for: login, env: "MEDORA_USER_PASSWORD")
            let user = try await store.users.create(login: login, password: password, displayName: name ?? login,
                                                    role: User.Role(rawValue: role)!)
            Terminal.say(L10n.text(.cliUserAdded, Language.cli, ["role": user.role.rawValue, "login": user.login]))
        }
    }
}

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
                Terminal.say(L10n.text(.cliPassphraseChanged, lang))
                return
            }
            guard let login, let user = try await store.users.find(login: login) else {
                throw CLIFailure.message(L10n.text(.cliInvalidInput, lang,
                                                   ["field": "login", "reason": L10n.text(.errNotFound, lang)]), code: 1)
            }
            let password = try InitCommand.password(for: login, env: "MEDORA_USER_PASSWORD")
            try await store.users.setPassword(userID: user.id, password: password)
            Terminal.say(L10n.text(.cliPasswordChanged, lang, ["login": user.login]))
        }
    }

    static func newPassphrase() throws -> String {
        try Terminal.newSecret(env: "MEDORA_NEW_PASSPHRASE", prompt: L10n.text(.cliNewPassphrasePrompt, Language.cli))
    }
}
