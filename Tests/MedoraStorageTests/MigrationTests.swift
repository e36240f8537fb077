import Foundation
import GRDB
import MedoraCrypto
import XCTest
import MedoraTestSupport
@testable import MedoraStorage

/// A database written by an earlier release opens with this one: later migrations run, the rows
/// stay readable and sealed, and damage done before the upgrade is not laundered by it.
final class MigrationTests: XCTestCase {
    /// An installation as the release with migrations up to v2 left it: an administrator, a doctor
    /// and a patient, unlocked by the returned recovery key.
    func makeVersion2(_ dir: DataDirectory) async throws -> (recoveryKey: String, doctor: UUID, patient: UUID) {
        try dir.createDirectories()
        let keyring = Keyring.generate()
        let recovery = SecureBytes.random(count: 32)
        let slot = try keyring.makeSlot(with: .recoveryKey(recovery))
        let database = try AppDatabase(path: dir.databasePath, create: true)
        let store = try MedoraStore(directory: dir, database: database, keyring: keyring, clock: SystemClock(),
                                    hashing: BlockingWorkLimiter())
        try Migrations.migrator(store.ledger).migrate(database.pool, upTo: "v2-row-integrity")
        let cipher = FieldCipher(key: keyring.subkey(.field))
        let hash = try PasswordHasher.hash("long-enough-pass")
        let ledger = store.ledger
        let ids = ["admin": UUID(), "dr.old": UUID()]
        try await database.write { db in
            try KeySlotStore.insert(slot, at: Date(), db)
            for (login, role) in [("admin", "admin"), ("dr.old", "doctor")] {
                let id = ids[login]!
                try db.execute(sql: """
                    INSERT INTO users (id, role, login, password_hash, display_name_enc, version, status, created_at, updated_at)
                    VALUES (?, ?, ?, ?, ?, 1, 'active', ?, ?)
                    """, arguments: [id, role, login, hash,
                                     EncryptedField.seal("Name of \(login)", cipher: cipher, SQLiteUserRepository.context(id, 1)),
                                     Date(), Date()])
                try ledger.seal(db, V2RowIntegrity.users, id: id)
            }
        }
        // Written as that release wrote it (today's repository also records the change in the audit trail).
        let patient = store.patientRepository.codec.record(for: PatientDraft(firstName: "Gulnora", lastName: "Rahimova"), id: UUID(),
                                                           ownerID: ids["dr.old"]!, now: Date())
        try await database.write { db in
            try patient.insert(db)
            try ledger.seal(db, .patients, id: patient.id)
        }
        try database.close()
        return (RecoveryKeyCode.encode(recovery), ids["dr.old"]!, patient.id)
    }

    func testAVersion2DatabaseUpgradesWithEveryRowSealedAndReadable() async throws {
        let temp = try TempDataDirectory()
        let (key, doctor, patient) = try await makeVersion2(temp.dir)
        let store = try await temp.open(.recoveryKey(key))
        defer { try? store.close() }
        let report = try await store.check()
        XCTAssertTrue(report.isHealthy || report.damaged.isEmpty && report.rowSets.isEmpty, "\(report.damaged) \(report.rowSets)")
        XCTAssertTrue(report.migrations.contains("v3-clinic-accounts"), "\(report.migrations)")
        let signedIn = try await store.users.authenticate(login: "dr.old", password: "long-enough-pass")
        XCTAssertEqual(signedIn?.displayName, "Name of dr.old")
        XCTAssertNil(signedIn?.consentedAt, "asked to accept the terms on first use after the upgrade")
        let found = try await store.patients.find(id: patient, ownerID: doctor)
        XCTAssertEqual(found?.details.lastName, "Rahimova")
        // The new columns are written and sealed like the old ones.
        try await store.users.recordConsent(userID: doctor)
        try await store.users.setLanguage(userID: doctor, language: .uz)
        let after = try await store.users.find(id: doctor)
        XCTAssertEqual(after?.language, .uz)
        XCTAssertNotNil(after?.consentedAt)
        let again = try await store.check()
        XCTAssertTrue(again.damaged.isEmpty && again.rowSets.isEmpty, "\(again.damaged) \(again.rowSets)")
    }

    func testARowEditedBeforeTheUpgradeStaysDamagedAfterIt() async throws {
        let temp = try TempDataDirectory()
        let (key, doctor, _) = try await makeVersion2(temp.dir)
        // Promote the doctor by editing the file (no MAC for the new value), then upgrade.
        let queue = try DatabaseQueue(path: temp.dir.databasePath)
        try await queue.write { db in try db.execute(sql: "UPDATE users SET role = 'admin' WHERE id = ?", arguments: [doctor]) }
        try queue.close()
        let store = try await temp.open(.recoveryKey(key))
        defer { try? store.close() }
        let promoted = try await store.users.authenticate(login: "dr.old", password: "long-enough-pass")
        XCTAssertNil(promoted, "the edited row signs nobody in")
        let report = try await store.check()
        XCTAssertTrue(report.damaged.contains { $0.id == doctor }, "\(report.damaged)")
        let admin = try await store.users.authenticate(login: "admin", password: "long-enough-pass")
        XCTAssertNotNil(admin, "the intact rows work")
    }
}
