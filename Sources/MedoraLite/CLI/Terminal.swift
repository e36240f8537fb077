import Foundation
import MedoraStorage

/// Talking to the person at the terminal: no-echo prompts and messages on stderr.
enum Terminal {
    static var isInteractive: Bool { isatty(STDIN_FILENO) == 1 }

    /// Reads a line with echo off (passphrases, passwords). Nil at end of input.
    static func readSecret(prompt: String) -> String? {
        FileHandle.standardError.write(Data(prompt.utf8))
        var old = termios()
        let haveTTY = tcgetattr(STDIN_FILENO, &old) == 0
        if haveTTY {
            var silent = old
            silent.c_lflag &= ~tcflag_t(ECHO)
            tcsetattr(STDIN_FILENO, TCSAFLUSH, &silent)
        }
        defer {
            if haveTTY {
                tcsetattr(STDIN_FILENO, TCSAFLUSH, &old)
                FileHandle.standardError.write(Data("\n".utf8))
            }
        }
        return readLine(strippingNewline: true)
    }

    /// A new secret (passphrase or password): from the environment variable `env` if set, else asked
    /// twice with echo off. No terminal and no variable → exit 2 naming the variable.
    static func newSecret(env name: String, prompt: String) throws -> String {
        let lang = Language.cli
        if let value = ProcessInfo.processInfo.environment[name] { return value }
        guard isInteractive else {
            throw MedoraError(.noSecret, ["variable": name])
        }
        let first = readSecret(prompt: prompt) ?? ""
        let second = readSecret(prompt: CLIText.passphraseConfirm.text(lang)) ?? ""
        guard first == second else { throw MedoraError(.secretMismatch) }
        return first
    }

    /// A one-line progress bar on stderr, only when stderr is a terminal (never in logs or pipes).
    static func progress(_ done: Int, of total: Int) {
        guard isatty(STDERR_FILENO) == 1, total > 0 else { return }
        let width = 30
        let filled = min(width, done * width / total)
        let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
        let end = done >= total ? "\n" : ""
        FileHandle.standardError.write(Data("\r[\(bar)] \(done)/\(total)\(end)".utf8))
    }

    static func error(_ message: String) {
        FileHandle.standardError.write(Data(("medora-lite: " + message + "\n").utf8))
    }

    static func say(_ message: String) {
        // Unbuffered, so a parent process reading our stdout sees each line at once.
        FileHandle.standardOutput.write(Data((message + "\n").utf8))
    }
}
