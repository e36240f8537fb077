import Foundation
import GRDB
import MedoraCrypto

/// Reads and writes `key_slots`. The slots are the only place the master data key exists at rest,
/// always wrapped.
enum KeySlotStore {
    static func fetchAll(_ db: Database) throws -> [KeySlot] {
        guard try db.tableExists("key_slots") else { return [] }
        // Any column of the wrong type or range is a tampered slot (exit 2), never a trap.
        return try Row.fetchAll(db, sql: "SELECT * FROM key_slots ORDER BY rowid").map { row in
            do throws(RowDamage) {
                guard let kind = KeySlot.Kind(rawValue: try row.value("kind")) else { throw RowDamage(column: "kind", reason: .type) }
                let ops: Int64 = try row.value("ops_limit"), mem: Int64 = try row.value("mem_limit")
                guard case .int64 = row.storedValue("ops_limit").storage, case .int64 = row.storedValue("mem_limit").storage,
                      ops >= 0, mem >= 0 else { throw RowDamage(column: "ops_limit", reason: .type) }
                let salt: Data = try row.value("salt"), wrapped: Data = try row.value("wrapped_key")
                return KeySlot(id: try row.uuid("id"), kind: kind, salt: [UInt8](salt),
                               parameters: KDFParameters(opsLimit: UInt64(ops), memLimit: UInt64(mem)),
                               wrappedKey: [UInt8](wrapped))
            } catch {
                throw MedoraError(.tamperedKeySlot)
            }
        }
    }

    static func insert(_ slot: KeySlot, at date: Date, _ db: Database) throws {
        try db.execute(sql: """
            INSERT INTO key_slots (id, kind, salt, ops_limit, mem_limit, wrapped_key, created_at)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            """, arguments: [slot.id, slot.kind.rawValue, Data(slot.salt), Int64(slot.parameters.opsLimit),
                             Int64(slot.parameters.memLimit), Data(slot.wrappedKey), date])
    }

    /// Replaces every slot of `kind` with `slot` in one transaction (passphrase change).
    static func replace(kind: KeySlot.Kind, with slot: KeySlot, at date: Date, _ db: Database) throws {
        try db.execute(sql: "DELETE FROM key_slots WHERE kind = ?", arguments: [kind.rawValue])
        try insert(slot, at: date, db)
    }

    /// Tries each slot that fits the secret. Wrong secret → `wrongSecret`; a slot with parameters
    /// out of bounds or a malformed salt → `tamperedKeySlot` (unless another slot opens).
    static func unlock(_ slots: [KeySlot], with secret: KeySlot.Secret) throws -> SecureBytes {
        var sawWeak = false
        for slot in slots {
            do {
                return try slot.unlock(with: secret)
            } catch CryptoError.weakKDFParameters, CryptoError.malformed {
                sawWeak = true
            } catch CryptoError.authenticationFailed {
                continue
            }
        }
        throw sawWeak ? MedoraError(.tamperedKeySlot) : MedoraError(.wrongSecret)
    }
}
