import Foundation
import GRDB
import MedoraCrypto

/// How the master data key is unlocked.
public enum UnlockSecret: Sendable {
    case passphrase(String)
    case keyfile(path: String)
    case recoveryKey(String)
}

extension MedoraStore {
    static func resolve(_ secret: UnlockSecret) throws -> KeySlot.Secret {
        switch secret {
        case .passphrase(let p):
            return .passphrase(p)
        case .recoveryKey(let text):
            guard let key = RecoveryKeyCode.decode(text) else { throw MedoraError(.wrongSecret) }
            return .recoveryKey(key)
        case .keyfile(let path):
            return .keyfile(try readKeyfile(path))
        }
    }

    /// A keyfile is 32 random bytes in base64. It must be readable by its owner only.
    static func readKeyfile(_ path: String) throws -> SecureBytes {
        var st = stat()
        guard stat(path, &st) == 0 else {
            throw MedoraError(.notAccessible, ["path": path, "detail": "keyfile not found"])
        }
        guard st.st_mode & 0o077 == 0 else {
            throw MedoraError(.notAccessible, ["path": path, "detail": "keyfile is readable by others; run chmod 600"])
        }
        guard let data = FileManager.default.contents(atPath: path),
              let text = String(data: data, encoding: .utf8),
              var raw = Data(base64Encoded: text.trimmingCharacters(in: .whitespacesAndNewlines)).map({ [UInt8]($0) }),
              raw.count == 32 else {
            throw MedoraError(.notAccessible, ["path": path, "detail": "not a Medora keyfile"])
        }
        defer { raw.wipe() }
        return SecureBytes(copying: raw)
    }
}
