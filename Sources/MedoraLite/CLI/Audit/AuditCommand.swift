import ArgumentParser
import Foundation
import MedoraStorage

/// `medora-lite audit verify [--against BACKUP | --head N:HEX]`: the audit trail's chain checked.
struct AuditCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit", abstract: "Check the audit trail.", subcommands: [AuditVerifyCommand.self],
        defaultSubcommand: AuditVerifyCommand.self)
}

struct AuditVerifyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Walk the audit trail and name the first entry that was altered, inserted, deleted or moved (exit 1).",
        discussion: """
            With --against, also check that this database is not an older copy than the given backup \
            (its header carries the chain's head); --head does the same with a head printed on an export.
            """)
    @OptionGroup var data: DataOptions
    @OptionGroup var unlock: UnlockOptions
    @Option(help: "A backup file: the database must contain the audit head written in it.") var against: String?
    @Option(help: "A head as printed by a backup or an export (NUMBER:HEX).") var head: String?

    func validate() throws {
        if against != nil && head != nil { throw ValidationError("give --against or --head, not both") }
    }

    func run() async throws {
        try await runReportingErrors {
            let lang = Language.cli
            var expected: AuditHead?
            if let head {
                guard let parsed = AuditHead(head) else { throw ValidationError(AuditText.badHead.text(lang)) }
                expected = parsed
            }
            let store = try await unlock.open(data.directory, buildIndex: false)
            defer { try? store.close() }
            if let against {
                guard let fromBackup = try await store.auditHead(ofBackup: against) else {
                    throw ValidationError(AuditText.noHeadInBackup.text(lang, ["path": against]))
                }
                expected = fromBackup
            }
            let result = try await store.audit.verify(against: expected)
            Terminal.say("\(AuditText.entries.text(lang)): \(result.entries)")
            Terminal.say("\(AuditText.head.text(lang)): \(result.head)")
            if let expected { Terminal.say(AuditText.againstHead.text(lang, ["head": expected.description])) }
            if let problem = result.problem {
                throw MedoraError(.auditBroken, ["detail": Self.describe(problem, lang)])
            }
            Terminal.say(AuditText.verified.text(lang))
        }
    }

    static func describe(_ p: AuditProblem, _ lang: Language) -> String {
        let args = ["seq": String(p.seq), "through": String(p.through ?? p.seq)]
        let key: AuditText = switch p.kind {
        case .altered: .problemAltered
        case .missing: .problemMissing
        case .outOfOrder: .problemOutOfOrder
        case .headDamaged: .problemHeadDamaged
        case .truncated: .problemTruncated
        case .olderThanHead: .problemOlderThanHead
        case .divergesFromHead: .problemDivergesFromHead
        }
        return key.text(lang, args)
    }
}
