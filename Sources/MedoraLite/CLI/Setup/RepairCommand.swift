import ArgumentParser
import Foundation
import MedoraStorage

/// The explicit repair step after `check` named damage: accept the rows as they now are, or
/// remove damaged records for good. Then the whole file is checked again.
struct RepairCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "repair",
        abstract: "After reviewing `check`: accept the current rows, or remove damaged records for good.",
        discussion: """
            Restoring from a backup is the better repair when one exists. --accept-row-sets records the \
            rows as they are now (a rolled-back, deleted or added row stops being reported, so review \
            first); damaged records stay damaged. --remove deletes a damaged record by the id `check` \
            printed.
            """)

    @OptionGroup var data: DataOptions
    @OptionGroup var unlock: UnlockOptions
    @Flag(help: "Record the rows of every table as they now are.") var acceptRowSets = false
    @Option(name: .customLong("remove"), help: "Id of a damaged record to delete (repeatable).") var remove: [String] = []

    func validate() throws {
        guard acceptRowSets || !remove.isEmpty else { throw ValidationError("give --accept-row-sets or --remove ID") }
        for id in remove where UUID(uuidString: id) == nil { throw ValidationError("\(id) is not a record id") }
    }

    func run() async throws {
        try await runReportingErrors {
            let store = try await unlock.open(data.directory, buildIndex: false)
            let plan = RepairPlan(acceptRowSets: acceptRowSets, remove: remove.compactMap(UUID.init(uuidString:)))
            try CheckCommand.show(try await store.repair(plan))
        }
    }
}
