import ArgumentParser
import Foundation
import MedoraStorage

@main
struct MedoraLiteCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "medora-lite",
        abstract: "Medical records for the small clinic: one binary, one encrypted SQLite file.",
        version: MedoraVersion.full,
        subcommands: [InitCommand.self, ServeCommand.self, DemoCommand.self, CheckCommand.self,
                      RepairCommand.self, BackupCommand.self, RestoreCommand.self, UserCommand.self, PasswdCommand.self,
                      GenerateCommand.self, AddUserCommand.self, AuditCommand.self, ErasePatientCommand.self,
                      ExportPatientCommand.self, DecryptExportCommand.self, ExportBulkCommand.self])

    /// Every command's work is the command line's in the audit trail (the server sets its own).
    static func main() async {
        await AuditActor.$current.withValue(AuditActor(userID: nil, address: nil, origin: .cli)) { await main(nil) }
    }
}
