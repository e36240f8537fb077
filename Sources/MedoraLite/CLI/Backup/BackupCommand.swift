import ArgumentParser
import Foundation
import MedoraStorage

/// `medora-lite backup [create] | list | verify FILE`: encrypted snapshots of the database.
struct BackupCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup", abstract: "Make an encrypted backup (the default), list backups, or verify one.",
        subcommands: [BackupCreateCommand.self, BackupListCommand.self, BackupVerifyCommand.self],
        defaultSubcommand: BackupCreateCommand.self)
}

struct BackupCreateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "create",
        abstract: "Snapshot the database (a server may keep running), encrypt it into <data>/backups or --to DIR, and verify it.")
    @OptionGroup var data: DataOptions
    @OptionGroup var unlock: UnlockOptions
    @Option(help: "Write the backup into this folder (a USB stick, a synced folder) instead of <data>/backups.") var to: String?
    @Flag(help: "Do not verify the new backup (for measurements; verify it later with `backup verify`).") var skipVerify = false

    func run() async throws {
        try await runReportingErrors {
            let store = try await unlock.open(data.directory, buildIndex: false)
            defer { try? store.close() }
            let info = try await store.backup(to: to, appVersion: MedoraVersion.current) { done, total in
                Terminal.progress(Int(done >> 10), of: Int(total >> 10))
            }
            if skipVerify {
                Terminal.say(CLIText.backupWrittenUnverified.text(Language.cli, ["path": info.path, "size": BackupListCommand.size(info.fileBytes)]))
                return
            }
            let verified = try await store.verifyBackup(at: info.path)
            guard verified.isGood else { throw MedoraError(.backupInvalid, ["path": info.path, "detail": "verification failed"]) }
            Terminal.say(CLIText.backupWritten.text(Language.cli, ["path": info.path, "size": BackupListCommand.size(info.fileBytes),
                                                                   "patients": String(verified.patients)]))
        }
    }
}

struct BackupListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the backups in <data>/backups or --in DIR, newest first.")
    @OptionGroup var data: DataOptions
    @Option(name: .customLong("in"), help: "List this folder instead.") var folder: String?

    func run() async throws {
        try await runReportingErrors {
            let list = MedoraStore.listBackups(in: folder ?? data.directory.backupsPath)
            if list.isEmpty { Terminal.say(CLIText.noBackups.text(Language.cli)) }
            let formatter = ISO8601DateFormatter()
            for b in list {
                Terminal.say("\(formatter.string(from: b.createdAt))  \(Self.size(b.fileBytes).padding(toLength: 10, withPad: " ", startingAt: 0))  \(b.path)")
            }
        }
    }

    /// Bytes for people: `812 KB`, `14.2 MB`.
    static func size(_ bytes: Int64) -> String { ByteSize.text(bytes, Language.cli) }
}

struct BackupVerifyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Decrypt a backup in full with the passphrase, keyfile or recovery key and check every record (nothing is changed).")
    @OptionGroup var data: DataOptions
    @OptionGroup var unlock: UnlockOptions
    @Argument(help: "The .mlbak file.") var file: String

    func run() async throws {
        try await runReportingErrors {
            // Decrypted for the check inside the data folder when there is one (the same disk as
            // the database), else in the system's temporary folder; never beside the backup.
            let dir = data.directory
            let staging = FileManager.default.fileExists(atPath: dir.url.path) ? dir.backupsPath : nil
            let result = try await MedoraStore.verifyBackup(at: file, secret: try unlock.secret(for: dir), stagingIn: staging)
            guard result.isGood else { throw MedoraError(.backupInvalid, ["path": file, "detail": "the database inside does not check out"]) }
            Terminal.say(CLIText.backupVerified.text(Language.cli, ["path": file, "patients": String(result.patients),
                                                                    "users": String(result.users)]))
        }
    }
}

/// `medora-lite restore FILE`: verify the whole backup, then swap it in, keeping the old database.
struct RestoreCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restore",
        abstract: "Restore a backup into a data folder (verified first). Replacing a database needs --force and a stopped server.",
        discussion: """
            Unlock with the passphrase, keyfile or --recovery-key the backup was made with; a new data folder works too. \
            Over an existing database, --force swaps the backup in and keeps the old database beside as \
            medora.db.before-restore-<time>; a running server is never overridden.
            """)
    @OptionGroup var data: DataOptions
    @OptionGroup var unlock: UnlockOptions
    @Flag(help: "Replace the database that is there (kept beside as medora.db.before-restore-<time>). The server must be stopped.")
    var force = false
    @Argument(help: "The .mlbak file.") var file: String

    func run() async throws {
        try await runReportingErrors {
            let dir = data.directory
            let kept = try await MedoraStore.restore(from: file, secret: try unlock.secret(for: dir), into: dir, replacing: force)
            Terminal.say(kept.map { CLIText.restored.text(Language.cli, ["path": dir.databasePath, "kept": $0]) }
                         ?? CLIText.restoredNew.text(Language.cli, ["path": dir.databasePath]))
        }
    }
}
