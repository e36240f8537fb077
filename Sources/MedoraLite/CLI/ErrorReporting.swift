import ArgumentParser
import Foundation
import MedoraCrypto
import MedoraStorage

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
