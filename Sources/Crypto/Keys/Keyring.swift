import CSodium
import Foundation

/// What a subkey is for. Each purpose has its own libsodium KDF context, so a key derived for one
/// purpose is useless for another.
public enum KeyPurpose: String, CaseIterable, Sendable {
    case field, audit, backup, session, export, integrity

    var context: String {
        switch self {
        case .field: "mdrfield"
        case .audit: "mdraudit"
        case .backup: "mdrbckup"
        case .session: "mdrsessn"
        case .export: "mdrexprt"
        case .integrity: "mdrintgr"
        }
    }
}

/// The unlocked master data key and the purpose subkeys derived from it.
/// Lives only in memory; dropping the last reference zeroes every buffer.
public final class Keyring: Sendable {
    /// Never leaves this module: callers get subkeys, or a new key slot through `makeSlot`.
    let masterKey: SecureBytes
    private let subkeys: [KeyPurpose: SecureBytes]

    public init(masterKey: SecureBytes) {
        precondition(masterKey.count == Int(crypto_kdf_KEYBYTES))
        self.masterKey = masterKey
        var keys: [KeyPurpose: SecureBytes] = [:]
        for purpose in KeyPurpose.allCases {
            keys[purpose] = SecureBytes.make(count: AEAD.keyBytes) { out in
                let ctx = Array(purpose.context.utf8).map { CChar(bitPattern: $0) }
                _ = crypto_kdf_derive_from_key(out, AEAD.keyBytes, 1, ctx, masterKey.bytePointer)
            }
        }
        self.subkeys = keys
    }

    /// A new random master data key (done once, at `init`).
    public static func generateMasterKey() -> SecureBytes {
        _ = Sodium.ready
        return SecureBytes.random(count: Int(crypto_kdf_KEYBYTES))
    }

    /// A keyring around a new random master data key.
    public static func generate() -> Keyring { Keyring(masterKey: generateMasterKey()) }

    /// A new key slot holding this keyring's master key under `secret`.
    public func makeSlot(with secret: KeySlot.Secret, parameters: KDFParameters = .moderate) throws -> KeySlot {
        try KeySlot.create(wrapping: masterKey, with: secret, parameters: parameters)
    }

    public func subkey(_ purpose: KeyPurpose) -> SecureBytes { subkeys[purpose]! }
}
