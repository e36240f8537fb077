import ArgumentParser
import Foundation
import MedoraStorage

/// What changing a user's password takes; shared by `user passwd` and `passwd LOGIN`.
struct UserPasswdArguments: ParsableArguments {
    @OptionGroup var data: DataOptions
    @OptionGroup var unlock: UnlockOptions
    @Argument(help: "Login of the user.") var login: String

    func run() async throws { try await Self.change(login: login, data: data, unlock: unlock) }

    static func change(login: String, data: DataOptions, unlock: UnlockOptions) async throws {
        try await runReportingErrors {
            let store = try await unlock.open(data.directory, buildIndex: false)
            guard let user = try await store.users.find(login: login) else {
                throw MedoraError(.userNotFound, ["login": login])
            }
            let password = try InitCommand.password(for: login, env: "MEDORA_USER_PASSWORD")
            try await store.users.setPassword(userID: user.id, password: password)
            Terminal.say(CLIText.passwordChanged.text(Language.cli, ["login": user.login]))
        }
    }
}

struct UserPasswdCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "passwd",
        abstract: "Change a user's password (from MEDORA_USER_PASSWORD or asked); ends their sessions.")
    @OptionGroup var arguments: UserPasswdArguments
    func run() async throws { try await arguments.run() }
}
