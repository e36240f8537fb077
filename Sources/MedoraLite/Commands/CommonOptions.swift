import ArgumentParser
import Foundation
import MedoraCrypto
import MedoraStorage

struct DataOptions: ParsableArguments {
    @Option(name: .customLong("data"), help: "Data directory (default: $MEDORA_HOME, else ./medora-data).")
    var path: String?

    var directory: DataDirectory { DataDirectory.resolve(path) }
}

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
            guard Terminal.isInteractive, let k = Terminal.readSecret(prompt: "Recovery key: ") else {
                throw CLIFailure.message(L10n.text(.cliNoSecret, Language.cli), code: 2)
            }
            return .recoveryKey(k)
        }
        if FileManager.default.fileExists(atPath: dir.keyfilePath) { return .keyfile(path: dir.keyfilePath) }
        if let p = env["MEDORA_PASSPHRASE"] { return .passphrase(p) }
        guard Terminal.isInteractive, let p = Terminal.readSecret(prompt: L10n.text(.cliPassphrasePrompt, Language.cli)) else {
            throw CLIFailure.message(L10n.text(.cliNoSecret, Language.cli), code: 2)
        }
        return .passphrase(p)
    }

    func open(_ dir: DataDirectory, buildIndex: Bool = true) async throws -> MedoraStore {
        if !dir.isInitialized { throw StorageError.notInitialized(path: dir.url.path) }
        return try await MedoraStore.open(dir, secret: try secret(for: dir), buildIndex: buildIndex)
    }
}

/// A failure already phrased for the user, with its exit code.
enum CLIFailure: Error {
    case message(String, code: Int32)
}

/// Runs a command body and turns every failure into one clear line on stderr and an exit code:
/// 2 for a wrong secret or a refused key slot, 1 for everything else. Never a stack trace.
func runReportingErrors(_ body: () async throws -> Void) async throws {
    do {
        try await body()
    } catch let e as CLIFailure {
        guard case .message(let text, let code) = e else { throw e }
        Terminal.error(text)
        throw ExitCode(code)
    } catch let e as StorageError {
        let (text, code) = describe(e, Language.cli)
        Terminal.error(text)
        throw ExitCode(code)
    } catch let e as CryptoError {
        Terminal.error(e.description)
        throw ExitCode(1)
    } catch let e as ExitCode {
        throw e
    } catch let e as CleanExit {
        throw e
    } catch let e as ValidationError {
        throw e
    } catch {
        Terminal.error(String(describing: error))
        throw ExitCode(1)
    }
}

func describe(_ e: StorageError, _ lang: Language) -> (String, Int32) {
    switch e {
    case .wrongSecret: (L10n.text(.cliWrongPassphrase, lang), 2)
    case .tamperedKeySlot: (L10n.text(.cliTampered, lang), 2)
    case .notInitialized(let p):
        (L10n.text(.cliNotInitialized, lang, ["path": (p as NSString).lastPathComponent == "medora.db" ? (p as NSString).deletingLastPathComponent : p]), 1)
    case .alreadyInitialized(let p): (L10n.text(.cliAlreadyInitialized, lang, ["path": p]), 1)
    case .corruptDatabase(let p, let d): (L10n.text(.cliCorrupt, lang, ["path": p, "detail": d]), 1)
    case .locked(let d): (L10n.text(.cliLocked, lang, ["detail": d]), 1)
    case .notAccessible(let p, let d): (L10n.text(.cliNotAccessible, lang, ["path": p, "detail": d]), 1)
    case .diskFull: (L10n.text(.cliDiskFull, lang), 1)
    case .unsafeConnection(let s, let a): (L10n.text(.cliUnsafe, lang, ["detail": "\(s)=\(a)"]), 1)
    case .invalid(let issues):
        (issues.map { L10n.text(.cliInvalidInput, lang, ["field": $0.field, "reason": L10n.text($0.code.messageKey, lang)]) }
            .joined(separator: "; "), 1)
    case .duplicateLogin: (L10n.text(.errDuplicateLogin, lang), 1)
    case .busy: (L10n.text(.cliBusy, lang), 1)
    case .undecryptable, .versionConflict: (e.description, 1)
    }
}
