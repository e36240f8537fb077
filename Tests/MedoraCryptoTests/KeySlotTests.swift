import Foundation
import XCTest
@testable import MedoraCrypto

final class KeySlotTests: XCTestCase {
    let mdk = Keyring.generateMasterKey()

    func testPassphraseSlotOpensWithRightPassphraseOnly() throws {
        let slot = try KeySlot.create(wrapping: mdk, with: .passphrase("correct horse"), parameters: .interactive)
        XCTAssertTrue(try slot.unlock(with: .passphrase("correct horse")).constantTimeEquals(mdk))
        XCTAssertThrowsError(try slot.unlock(with: .passphrase("correct hors"))) { error in
            XCTAssertEqual(error as? CryptoError, .authenticationFailed)
        }
    }

    func testEmptyPassphraseIsHandledNotCrashed() throws {
        let slot = try KeySlot.create(wrapping: mdk, with: .passphrase("something"), parameters: .interactive)
        XCTAssertThrowsError(try slot.unlock(with: .passphrase("")))
    }

    func testDowngradedKDFParametersAreRefusedBeforeDerivation() throws {
        var slot = try KeySlot.create(wrapping: mdk, with: .passphrase("pw-123456"), parameters: .interactive)
        slot.parameters = KDFParameters(opsLimit: 1, memLimit: 8192)
        XCTAssertThrowsError(try slot.unlock(with: .passphrase("pw-123456"))) { error in
            XCTAssertEqual(error as? CryptoError, .weakKDFParameters)
        }
    }

    func testParametersAreAuthenticated() throws {
        var slot = try KeySlot.create(wrapping: mdk, with: .passphrase("pw-123456"), parameters: .interactive)
        slot.parameters.opsLimit += 1 // still acceptable, but not what was sealed
        XCTAssertThrowsError(try slot.unlock(with: .passphrase("pw-123456"))) { error in
            XCTAssertEqual(error as? CryptoError, .authenticationFailed)
        }
    }

    func testTamperedSaltOrKindOrCiphertextIsRejected() throws {
        let good = try KeySlot.create(wrapping: mdk, with: .passphrase("pw-123456"), parameters: .interactive)
        var salt = good; salt.salt[0] ^= 1
        var wrapped = good; wrapped.wrappedKey[30] ^= 1
        var id = good; id.id = UUID()
        for slot in [salt, wrapped, id] {
            XCTAssertThrowsError(try slot.unlock(with: .passphrase("pw-123456")))
        }
        var kind = good; kind.kind = .keyfile
        XCTAssertThrowsError(try kind.unlock(with: .passphrase("pw-123456")))
    }

    func testKeyfileAndRecoverySlotsOpenWithTheirSecret() throws {
        let keyfile = SecureBytes.random(count: 32), recovery = SecureBytes.random(count: 32)
        let k = try KeySlot.create(wrapping: mdk, with: .keyfile(keyfile))
        let r = try KeySlot.create(wrapping: mdk, with: .recoveryKey(recovery))
        XCTAssertTrue(try k.unlock(with: .keyfile(keyfile)).constantTimeEquals(mdk))
        XCTAssertTrue(try r.unlock(with: .recoveryKey(recovery)).constantTimeEquals(mdk))
        XCTAssertThrowsError(try k.unlock(with: .keyfile(recovery)))
        XCTAssertThrowsError(try r.unlock(with: .keyfile(recovery)), "a recovery slot is not a keyfile slot")
    }

    func testRecoveryKeyCodeRoundTripsAndRejectsTypos() throws {
        let key = SecureBytes.random(count: 32)
        let text = RecoveryKeyCode.encode(key)
        XCTAssertEqual(text.split(separator: "-").count, 13)
        XCTAssertTrue(try XCTUnwrap(RecoveryKeyCode.decode(text.lowercased())).constantTimeEquals(key))
        XCTAssertTrue(try XCTUnwrap(RecoveryKeyCode.decode(text.replacingOccurrences(of: "-", with: " "))).constantTimeEquals(key))
        XCTAssertNil(RecoveryKeyCode.decode(String(text.dropLast(5))))
        XCTAssertNil(RecoveryKeyCode.decode("1" + text.dropFirst()), "1 is not a base32 letter")
        XCTAssertNil(RecoveryKeyCode.decode("not a key"))
    }

    func testSubkeysDifferPerPurposeAndAreStable() {
        let a = Keyring(masterKey: mdk), b = Keyring(masterKey: mdk)
        for p in KeyPurpose.allCases {
            XCTAssertTrue(a.subkey(p).constantTimeEquals(b.subkey(p)))
            for q in KeyPurpose.allCases where q != p {
                XCTAssertFalse(a.subkey(p).constantTimeEquals(a.subkey(q)))
            }
            XCTAssertFalse(a.subkey(p).constantTimeEquals(mdk))
        }
    }

    func testPasswordHashVerifiesOnlyTheRightPassword() throws {
        let hash = try PasswordHasher.hash("doctor-password")
        XCTAssertTrue(hash.hasPrefix("$argon2id$"))
        XCTAssertTrue(PasswordHasher.verify("doctor-password", against: hash))
        XCTAssertFalse(PasswordHasher.verify("doctor-passwort", against: hash))
        XCTAssertFalse(PasswordHasher.verify("doctor-password", against: "garbage"))
    }
}
