import ArgumentParser
import Foundation
import MedoraCrypto
import MedoraStorage

struct UnlockOptions: ParsableArguments {
    @Option(help: "Unlock with this keyfile instead of the passphrase (default: <data>/keyfile if present).")
    var keyfile: String?

    @Flag(help: "Unlock with the recovery key (asked for, or read from MEDORA_RECOVERY_KEY).")
    var recoveryKey = false

    /// Keyfile beats recovery key beats passphrase; the passphrase comes from MEDORA_PASSPHRASE or a prompt.
    func secret(for dir: DataDirectory) throws -> UnlockSecret {
        let env = ProcessInfo.processInfo.environment
        if let keyfile { return .keyfile(path: keyfile) }
        if recoveryKey {
            if let k = env["MEDORA_RECOVERY_KEY"] { return .recoveryKey(k) }
            guard Terminal.isInteractive, let k = Terminal.readSecret(prompt: CLIText.recoveryKeyPrompt.text(Language.cli)) else {
                throw MedoraError(.noSecret, ["variable": "MEDORA_RECOVERY_KEY"])
            }
            return .recoveryKey(k)
        }
        if FileManager.default.fileExists(atPath: dir.keyfilePath) { return .keyfile(path: dir.keyfilePath) }
        if let p = env["MEDORA_PASSPHRASE"] { return .passphrase(p) }
        guard Terminal.isInteractive, let p = Terminal.readSecret(prompt: CLIText.passphrasePrompt.text(Language.cli)) else {
            throw MedoraError(.noSecret, ["variable": "MEDORA_PASSPHRASE"])
        }
        return .passphrase(p)
    }

    func open(_ dir: DataDirectory, buildIndex: Bool = true) async throws -> MedoraStore {
        if !dir.isInitialized { throw MedoraError(.notInitialized, ["path": dir.url.path]) }
        return try await MedoraStore.open(dir, secret: try secret(for: dir), buildIndex: buildIndex)
    }
}
