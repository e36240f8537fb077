import ArgumentParser
import Foundation
import MedoraStorage

/// What adding a user takes; shared by `user add` and its older spelling `add-user`.
struct UserAddArguments: ParsableArguments {
    @OptionGroup var data: DataOptions
    @OptionGroup var unlock: UnlockOptions
    @Argument(help: "Login (3-64 letters, digits, . _ - @).") var login: String
    @Option(help: "Role.") var role: User.Role = .doctor
    @Option(help: "Display name.") var name: String?
    @Option(help: "For an assistant: the login of the doctor they work for.") var doctor: String?

    func run() async throws {
        try await runReportingErrors {
            let store = try await unlock.open(data.directory, buildIndex: false)
            let password = try InitCommand.password(for: login, env: "MEDORA_USER_PASSWORD")
            let doctorID = try await UserRoleCommand.doctorID(doctor, in: store.users)
            let user = try await store.users.create(login: login, password: password, displayName: name ?? login, role: role,
                                                    doctorID: doctorID)
            Terminal.say(CLIText.userAdded.text(Language.cli, ["role": user.role.rawValue, "login": user.login]))
        }
    }
}

struct UserAddCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add", abstract: "Add a user (password from MEDORA_USER_PASSWORD or asked).")
    @OptionGroup var arguments: UserAddArguments
    func run() async throws { try await arguments.run() }
}

/// `add-user`: the first spelling of `user add`, kept so that scripts written for it still run.
struct AddUserCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add-user", abstract: "Same as `user add`.", shouldDisplay: false)
    @OptionGroup var arguments: UserAddArguments
    func run() async throws { try await arguments.run() }
}
