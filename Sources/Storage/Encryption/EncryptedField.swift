import Foundation
import GRDB
import MedoraCrypto

/// Ciphertext of one cell as stored (`version || nonce || ciphertext || tag`). A distinct type, not
/// `String` or `Data`, so that plaintext cannot be assigned to an encrypted column by mistake:
/// the only way to make one is `FieldCipher`-backed `seal`.
public struct EncryptedField: Sendable, Equatable, DatabaseValueConvertible {
    public let sealed: Data

    init(sealed: Data) { self.sealed = sealed }

    static func seal(_ value: String, cipher: FieldCipher, _ context: FieldContext) -> EncryptedField {
        EncryptedField(sealed: Data(cipher.seal(value, context)))
    }

    static func sealOptional(_ value: String?, cipher: FieldCipher, _ context: FieldContext) -> EncryptedField? {
        value.map { seal($0, cipher: cipher, context) }
    }

    func open(cipher: FieldCipher, _ context: FieldContext) throws -> String {
        do { return try cipher.open(sealed, context) } catch { throw MedoraError(.recordDamaged, ["entity": context.table]) }
    }

    public var databaseValue: DatabaseValue { sealed.databaseValue }

    public static func fromDatabaseValue(_ dbValue: DatabaseValue) -> EncryptedField? {
        Data.fromDatabaseValue(dbValue).map(EncryptedField.init(sealed:))
    }
}

extension Optional where Wrapped == EncryptedField {
    func open(cipher: FieldCipher, _ context: FieldContext) throws -> String? {
        try self.map { try $0.open(cipher: cipher, context) }
    }
}
