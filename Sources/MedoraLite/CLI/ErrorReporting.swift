import ArgumentParser
import Foundation
import MedoraCrypto
import MedoraStorage

/// Runs a command body and turns every failure into one clear line on stderr and the exit code
/// its `ErrorKind` row gives (2 for a wrong or missing secret, 1 for the rest). Never a stack trace.
func runReportingErrors(_ body: () async throws -> Void) async throws {
    do {
        try await body()
    } catch let e as MedoraError {
        Terminal.error(e.commandLineMessage(Language.cli))
        throw ExitCode(e.kind.row.exitCode)
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

extension MedoraError {
    /// The kind's message, or for a validation failure one "invalid field: reason" per field.
    func commandLineMessage(_ lang: Language) -> String {
        guard !issues.isEmpty else { return message(lang) }
        return issues.map { CLIText.invalidInput.text(lang, ["field": $0.field, "reason": $0.message(lang)]) }
            .joined(separator: "; ")
    }
}
