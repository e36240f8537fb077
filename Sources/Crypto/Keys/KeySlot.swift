import Foundation

/// One way to unlock the master data key: the MDK sealed under a key-encryption key.
///
/// Everything that decides how the KEK is derived (slot id, kind, salt, Argon2id limits) is part of
/// the associated data, so editing any of it in the database makes the slot fail to open, and
/// limits below `KDFParameters.minimum` are refused before any work is done.
public struct KeySlot: Sendable, Equatable, Codable {
    public enum Kind: String, Sendable, Codable, CaseIterable {
        case passphrase, keyfile, recovery
    }

    public var id: UUID
    public var kind: Kind
    public var salt: [UInt8]
    public var parameters: KDFParameters
    /// `AEAD` sealed MDK (version, nonce, ciphertext, tag).
    public var wrappedKey: [UInt8]

    public init(id: UUID, kind: Kind, salt: [UInt8], parameters: KDFParameters, wrappedKey: [UInt8]) {
        self.id = id
        self.kind = kind
        self.salt = salt
        self.parameters = parameters
        self.wrappedKey = wrappedKey
    }

    /// The secret a user presents to open a slot.
    public enum Secret: Sendable {
        case passphrase(String)
        case keyfile(SecureBytes)
        case recoveryKey(SecureBytes)

        var kind: Kind {
            switch self {
            case .passphrase: .passphrase
            case .keyfile: .keyfile
            case .recoveryKey: .recovery
            }
        }
    }

    /// High-entropy slots (keyfile, recovery) do not use Argon2id; their parameters are recorded as zero.
    static let noKDF = KDFParameters(opsLimit: 0, memLimit: 0)

    public static func create(wrapping masterKey: SecureBytes, with secret: Secret,
                              parameters: KDFParameters = .moderate) throws -> KeySlot {
        let kind = secret.kind
        var slot = KeySlot(id: UUID.random(), kind: kind, salt: PasswordKDF.newSalt(),
                           parameters: kind == .passphrase ? parameters : noKDF, wrappedKey: [])
        let kek = try slot.keyEncryptionKey(for: secret)
        slot.wrappedKey = AEAD.wrap(masterKey, with: kek, aad: slot.associatedData)
        return slot
    }

    /// Opens the slot. Throws `authenticationFailed` for a wrong secret or a tampered slot.
    public func unlock(with secret: Secret) throws -> SecureBytes {
        guard secret.kind == kind else { throw CryptoError.authenticationFailed }
        let kek = try keyEncryptionKey(for: secret)
        return try AEAD.unwrap(wrappedKey, with: kek, aad: associatedData)
    }

    var associatedData: [UInt8] {
        let saltHex = Hex.encode(salt)
        return Array("medora:key-slot:v1:\(id.uuidString.lowercased()):\(kind.rawValue):\(parameters.opsLimit):\(parameters.memLimit):\(saltHex)".utf8)
    }

    private func keyEncryptionKey(for secret: Secret) throws -> SecureBytes {
        switch secret {
        case .passphrase(let p):
            return try PasswordKDF.deriveKey(passphrase: p, salt: salt, parameters: parameters)
        case .keyfile(let s), .recoveryKey(let s):
            guard parameters == Self.noKDF else { throw CryptoError.authenticationFailed }
            return try PasswordKDF.deriveKey(secret: s, salt: salt)
        }
    }
}
