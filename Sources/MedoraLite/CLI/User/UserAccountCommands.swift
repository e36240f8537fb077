import ArgumentParser
import Foundation
import MedoraStorage

/// The account a `user role|disable|enable|delete` acts on.
struct UserLoginArguments: ParsableArguments {
    @OptionGroup var data: DataOptions
    @OptionGroup var unlock: UnlockOptions
    @Argument(help: "Login of the user.") var login: String

    /// Unlocks, finds the user and runs `action`, then says `done` about them.
    func run(_ done: CLIText, _ action: @escaping (any UserRepository, User) async throws -> Void) async throws {
        try await runReportingErrors {
            let store = try await unlock.open(data.directory, buildIndex: false)
            guard let user = try await store.users.find(login: login) else { throw MedoraError(.userNotFound, ["login": login]) }
            try await action(store.users, user)
            Terminal.say(done.text(Language.cli, ["login": user.login]))
        }
    }
}

struct UserDisableCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "disable", abstract: "Disable a user: they cannot sign in, and their sessions end at once.")
    @OptionGroup var user: UserLoginArguments
    func run() async throws { try await user.run(.userDisabled) { try await $0.setStatus(userID: $1.id, status: .disabled) } }
}

struct UserEnableCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "enable", abstract: "Enable a disabled user.")
    @OptionGroup var user: UserLoginArguments
    func run() async throws { try await user.run(.userEnabled) { try await $0.setStatus(userID: $1.id, status: .active) } }
}

struct UserDeleteCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "delete", abstract: "Delete a user who has no patients (disable one who has).")
    @OptionGroup var user: UserLoginArguments
    func run() async throws { try await user.run(.userDeleted) { try await $0.delete(userID: $1.id) } }
}

struct UserRoleCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "role", abstract: "Change a user's role (an assistant works for --doctor); their sessions end at once.")
    @OptionGroup var user: UserLoginArguments
    @Option(help: "The new role.") var role: User.Role
    @Option(help: "For an assistant: the login of the doctor they work for.") var doctor: String?

    func run() async throws {
        try await user.run(.userRoleChanged) { users, u in
            try await users.setRole(userID: u.id, role: role, doctorID: try await Self.doctorID(doctor, in: users))
        }
    }

    /// The id of the doctor named by login, if one was named.
    static func doctorID(_ login: String?, in users: any UserRepository) async throws -> UUID? {
        guard let login else { return nil }
        guard let doctor = try await users.find(login: login) else { throw MedoraError(.userNotFound, ["login": login]) }
        return doctor.id
    }
}
