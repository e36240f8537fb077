import Foundation
import XCTest
@testable import MedoraCrypto

final class FieldCipherTests: XCTestCase {
    let key = SecureBytes.random(count: AEAD.keyBytes)
    let row = UUID()

    func ctx(_ column: String = "first_name", table: String = "patients", row: UUID? = nil, version: Int = 1) -> FieldContext {
        FieldContext(table: table, column: column, rowID: row ?? self.row, rowVersion: version)
    }

    func testRoundTripKeepsUnicodeText() throws {
        let cipher = FieldCipher(key: key)
        for value in ["Шохрух", "Oʻgʻiloy", "", String(repeating: "x", count: 10_000)] {
            let sealed = cipher.seal(value, ctx())
            XCTAssertEqual(try cipher.open(sealed, ctx()), value)
            XCTAssertEqual(sealed.count, value.utf8.count + AEAD.overhead)
            XCTAssertEqual(sealed[0], AEAD.version)
        }
    }

    func testEqualPlaintextsGiveDifferentCiphertexts() {
        let cipher = FieldCipher(key: key)
        let a = cipher.seal("Karimov", ctx()), b = cipher.seal("Karimov", ctx())
        XCTAssertNotEqual(a, b)
        XCTAssertNotEqual(Array(a[1...24]), Array(b[1...24]), "nonces must differ")
    }

    func testCiphertextDoesNotContainPlaintext() {
        let sealed = FieldCipher(key: key).seal("Distinctive Surname", ctx())
        XCTAssertNil(String(decoding: sealed, as: UTF8.self).range(of: "Distinctive"))
    }

    func testFlippedByteFailsToOpen() {
        let cipher = FieldCipher(key: key)
        let sealed = cipher.seal("Shoxrux", ctx())
        for i in 1..<sealed.count {
            var tampered = sealed
            tampered[i] ^= 0x01
            XCTAssertThrowsError(try cipher.open(tampered, ctx()), "byte \(i)") { error in
                XCTAssertEqual(error as? CryptoError, .authenticationFailed)
            }
        }
    }

    func testCellMovedToAnotherRowColumnOrTableFailsToOpen() {
        let cipher = FieldCipher(key: key)
        let sealed = cipher.seal("Shoxrux", ctx())
        XCTAssertThrowsError(try cipher.open(sealed, ctx(row: UUID())))
        XCTAssertThrowsError(try cipher.open(sealed, ctx("last_name")))
        XCTAssertThrowsError(try cipher.open(sealed, ctx(table: "users")))
        XCTAssertNoThrow(try cipher.open(sealed, ctx()))
    }

    func testOlderCiphertextOfSameCellFailsAfterUpdate() {
        let cipher = FieldCipher(key: key)
        let v1 = cipher.seal("+998901234567", ctx("phone", version: 1))
        _ = cipher.seal("+998907654321", ctx("phone", version: 2))
        XCTAssertThrowsError(try cipher.open(v1, ctx("phone", version: 2)), "rolled-back cell must not open")
    }

    func testWrongKeyFailsToOpen() {
        let sealed = FieldCipher(key: key).seal("Shoxrux", ctx())
        let other = FieldCipher(key: SecureBytes.random(count: AEAD.keyBytes))
        XCTAssertThrowsError(try other.open(sealed, ctx()))
    }

    func testTruncatedOrUnknownVersionIsMalformed() {
        let cipher = FieldCipher(key: key)
        XCTAssertThrowsError(try cipher.open([UInt8](repeating: 1, count: 10), ctx())) { error in
            guard case .malformed? = error as? CryptoError else { return XCTFail("\(error)") }
        }
        var sealed = cipher.seal("x", ctx())
        sealed[0] = 9
        XCTAssertThrowsError(try cipher.open(sealed, ctx())) { error in
            guard case .malformed? = error as? CryptoError else { return XCTFail("\(error)") }
        }
    }

    func testWrappedKeyUnwrapsOnlyWithItsContext() throws {
        let dek = SecureBytes.random(count: 32)
        let wrapped = AEAD.wrap(dek, with: key, aad: Array("patients:dek:a".utf8))
        XCTAssertTrue(try AEAD.unwrap(wrapped, with: key, aad: Array("patients:dek:a".utf8)).constantTimeEquals(dek))
        XCTAssertThrowsError(try AEAD.unwrap(wrapped, with: key, aad: Array("patients:dek:b".utf8)))
    }
}

extension FieldCipherTests {
    func testAssociatedDataIsTableColumnLowercaseUUIDAndVersion() {
        let id = UUID(uuidString: "0A1B2C3D-4E5F-6071-8293-A4B5C6D7E8F9")!
        let ctx = FieldContext(table: "patients", column: "last_name", rowID: id, rowVersion: 12)
        XCTAssertEqual(String(decoding: ctx.associatedData, as: UTF8.self),
                       "patients:last_name:0a1b2c3d-4e5f-6071-8293-a4b5c6d7e8f9:12")
    }
}
