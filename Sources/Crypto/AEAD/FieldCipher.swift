import CSodium
import Foundation

/// Encrypts and decrypts single cells under one key with `FieldContext` binding.
public struct FieldCipher: Sendable {
    public let key: SecureBytes

    public init(key: SecureBytes) { self.key = key }

    public func seal(_ value: String, _ context: FieldContext) -> [UInt8] {
        AEAD.seal(Array(value.utf8), key: key, aad: context.associatedData)
    }

    public func open<S: ContiguousBytes>(_ sealed: S, _ context: FieldContext) throws -> String {
        var plain = try AEAD.open(sealed, key: key, aad: context.associatedData)
        defer { plain.wipe() }
        guard let s = String(validating: plain, as: UTF8.self) else {
            throw CryptoError.malformed("field is not UTF-8")
        }
        return s
    }
}
