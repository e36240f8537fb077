import ArgumentParser
import Foundation
import MedoraStorage

struct GenerateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Make N synthetic patients: as JSON (--out) or straight into a database for one user (--owner).")

    @Option(help: "How many patients.") var count: Int
    @Option(help: "Seed: the same seed gives the same patients on every machine.") var seed: UInt64 = DemoCommand.sampleSeed
    @Flag(help: "Include lab analyses (JSON output only for now).") var analyses = false
    @Option(help: "Write a JSON array to this file.") var out: String?
    @Option(help: "Insert into the database in --data, owned by this login.") var owner: String?
    @OptionGroup var data: DataOptions
    @OptionGroup var unlock: UnlockOptions

    func validate() throws {
        guard (1...1_000_000).contains(count) else { throw ValidationError("--count must be 1-1000000") }
        guard (out == nil) != (owner == nil) else { throw ValidationError("give exactly one of --out FILE or --owner LOGIN") }
    }

    func run() async throws {
        try await runReportingErrors {
            var generator = SyntheticData(seed: seed)
            if let out {
                let patients = generator.patients(count: count, withAnalyses: analyses)
                try DurableFile.write(try SyntheticData.encode(patients), to: out, permissions: 0o644)
            } else if let owner {
                let store = try await unlock.open(data.directory, buildIndex: false)
                guard let user = try await store.users.find(login: owner) else {
                    throw MedoraError(.userNotFound, ["login": owner])
                }
                var done = 0
                while done < count {
                    let batch = min(10_000, count - done)
                    let drafts = generator.patients(count: batch, withAnalyses: false).map(\.details)
                    done += try await store.patients.importMany(drafts, ownerID: user.id).count
                    Terminal.progress(done, of: count)
                }
            }
            Terminal.say(CLIText.generated.text(Language.cli, ["count": String(count)]))
        }
    }
}
