import Foundation
import GRDB
import MedoraCrypto

extension MedoraStore {
    /// Re-wraps the master key under a new passphrase. Only the slot changes, never the data.
    public func changePassphrase(to passphrase: String, kdf: KDFParameters = .moderate) async throws {
        if passphrase.count < 8 { throw MedoraError.invalid([.init("passphrase", .tooShort)]) }
        let slot = try keyring.makeSlot(with: .passphrase(passphrase), parameters: kdf)
        let now = clock.now()
        try await database.write { db in try KeySlotStore.replace(kind: .passphrase, with: slot, at: now, db) }
    }
}
