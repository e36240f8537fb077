import Foundation
import MedoraStorage
import XCTest

/// The export's cryptography against published vectors, and the seal round trip: the code typed
/// back in any form opens it, anything else opens nothing.
final class ExportSealerTests: XCTestCase {
    static func hex(_ s: String) -> Data {
        let clean = s.filter { !$0.isWhitespace }
        var out = Data()
        var i = clean.startIndex
        while i < clean.endIndex {
            let j = clean.index(i, offsetBy: 2)
            out.append(UInt8(clean[i..<j], radix: 16) ?? 0)
            i = j
        }
        return out
    }

    func testPBKDF2HMACSHA256MatchesPublishedVectors() throws {
        // The widely published PBKDF2-HMAC-SHA256 vectors for "password"/"salt" (32 bytes) ...
        let vectors: [(Int, String)] = [
            (1, "120fb6cffcf8b32c43e7225256c4f837a86548c92ccc35480805987cb70be17b"),
            (2, "ae4d0c95af6b46d32d0adff928f06dd02a303f8ef3c251dfd6e2d85a95474c43"),
            (4096, "c5e478d59288c841aa530db6845c4c8d962893a001ce4e11a4963873aa98134a"),
        ]
        for (rounds, expected) in vectors {
            let key = try ExportSealer.pbkdf2SHA256(password: Data("password".utf8), salt: Data("salt".utf8), rounds: rounds, length: 32)
            XCTAssertEqual(key, Self.hex(expected), "c=\(rounds)")
        }
        // ... and RFC 7914 section 11: P = "passwd", S = "salt", c = 1, dkLen = 64.
        let rfc = try ExportSealer.pbkdf2SHA256(password: Data("passwd".utf8), salt: Data("salt".utf8), rounds: 1, length: 64)
        XCTAssertEqual(rfc, Self.hex("""
            55 ac 04 6e 56 e3 08 9f ec 16 91 c2 25 44 b6 05 f9 41 85 21 6d de 04 65 e6 8b 9d 57 c2 0d ac bc
            49 ca 9c cc f1 79 b6 45 99 16 64 b3 9d 77 ef 31 7c 71 b8 45 b1 e3 0b d5 09 11 20 41 d3 a1 97 83
            """))
    }

    func testAESGCMMatchesTheGCMSpecificationVectors() throws {
        // McGrew & Viega, "The Galois/Counter Mode of Operation", test cases 13 and 14 (AES-256).
        let key = Data(repeating: 0, count: 32), nonce = Data(repeating: 0, count: 12)
        let empty = try ExportSealer.aesGCMSeal(Data(), key: key, nonce: nonce, associatedData: Data())
        XCTAssertEqual(empty, Self.hex("530f8afbc74536b9a963b4f1c4cb738b"))
        let block = try ExportSealer.aesGCMSeal(Data(repeating: 0, count: 16), key: key, nonce: nonce, associatedData: Data())
        XCTAssertEqual(block, Self.hex("cea7403d4d606b6e074ec5d3baf39d18" + "d0d1c8a799996bf0265b98b5d48ab919"))
    }

    func testOneTimeCodesAreGroupedUnambiguousAndStrongEnough() {
        XCTAssertGreaterThanOrEqual(OneTimeCode.entropyBits, 60)
        for ambiguous in "01OIL" { XCTAssertFalse(OneTimeCode.alphabet.contains(ambiguous), String(ambiguous)) }
        var seen = Set<String>()
        for _ in 0..<200 {
            let code = OneTimeCode.generate()
            XCTAssertNotNil(code.range(of: #"^[2-9A-HJKMNP-Z]{4}(-[2-9A-HJKMNP-Z]{4}){3}$"#, options: .regularExpression), code)
            seen.insert(code)
        }
        XCTAssertEqual(seen.count, 200)
        XCTAssertEqual(OneTimeCode.normalize(" 7kmr x4pq-9twd  3hne "), "7KMRX4PQ9TWD3HNE")
        XCTAssertNil(OneTimeCode.normalize("7KMR-X4PQ-9TWD"), "too short")
        XCTAssertNil(OneTimeCode.normalize("7KMR-X4PQ-9TWD-3HN0"), "0 is not in the alphabet")
    }

    func testSealedPayloadOpensWithTheCodeInAnyFormAndWithNothingElse() throws {
        let code = OneTimeCode.generate()
        let plain = Data("the record".utf8)
        let sealed = try ExportSealer.seal(plain, code: code)
        XCTAssertEqual(sealed.iterations, 600_000)
        XCTAssertEqual(sealed.salt.count, 16)
        XCTAssertEqual(sealed.nonce.count, 12)
        XCTAssertEqual(sealed.ciphertext.count, plain.count + 16)
        XCTAssertNil(sealed.ciphertext.range(of: plain))
        XCTAssertEqual(try ExportSealer.open(sealed, code: code.lowercased().replacingOccurrences(of: "-", with: " ")), plain)

        var other = OneTimeCode.generate()
        while other == code { other = OneTimeCode.generate() }
        XCTAssertThrowsError(try ExportSealer.open(sealed, code: other)) { XCTAssertEqual(($0 as? MedoraError)?.kind, .exportWrongCode) }
        var tampered = sealed
        tampered.ciphertext[tampered.ciphertext.startIndex] ^= 1
        XCTAssertThrowsError(try ExportSealer.open(tampered, code: code)) { XCTAssertEqual(($0 as? MedoraError)?.kind, .exportWrongCode) }
        var weakened = sealed
        weakened.iterations = 1000
        XCTAssertThrowsError(try ExportSealer.open(weakened, code: code)) { XCTAssertEqual(($0 as? MedoraError)?.kind, .exportInvalid) }
        // Two seals of the same thing share neither salt nor nonce.
        let again = try ExportSealer.seal(plain, code: code)
        XCTAssertNotEqual(again.salt, sealed.salt)
        XCTAssertNotEqual(again.nonce, sealed.nonce)
    }
}
