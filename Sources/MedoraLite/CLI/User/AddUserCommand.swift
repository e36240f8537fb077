import ArgumentParser
import Foundation
import MedoraCrypto
import MedoraStorage

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
            Terminal.say(CLIText.userAdded.text(Language.cli, ["role": user.role.rawValue, "login": user.login]))
        }
    }
}
