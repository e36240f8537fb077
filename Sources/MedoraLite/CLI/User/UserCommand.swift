import ArgumentParser
import MedoraStorage

/// `medora-lite user add|passwd|role|disable|enable|delete`: the clinic's accounts.
struct UserCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user", abstract: "Manage the people who sign in.",
        subcommands: [UserAddCommand.self, UserPasswdCommand.self, UserRoleCommand.self, UserDisableCommand.self, UserEnableCommand.self,
                      UserDeleteCommand.self])
}

/// Roles on the command line are a closed choice, listed in `--help`.
extension User.Role: ExpressibleByArgument {}
