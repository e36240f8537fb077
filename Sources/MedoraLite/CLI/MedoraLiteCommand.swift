import ArgumentParser
import Foundation

@main
struct MedoraLiteCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "medora-lite",
        abstract: "Medical records for the small clinic: one binary, one encrypted SQLite file.",
        version: MedoraVersion.full,
        subcommands: [InitCommand.self, ServeCommand.self, DemoCommand.self, CheckCommand.self,
                      RepairCommand.self, BackupCommand.self, RestoreCommand.self, UserCommand.self, PasswdCommand.self,
                      GenerateCommand.self, AddUserCommand.self, ExportPatientCommand.self, DecryptExportCommand.self])
}
