import Foundation
import XCTest
@testable import MedoraCrypto

final class SecretStreamTests: XCTestCase {
    func push(_ w: SecretStream.Writer, _ text: String, ad: [UInt8] = [], final: Bool = false) -> [UInt8] {
        Array(text.utf8).withUnsafeBytes { w.push($0, additionalData: ad, final: final) }
    }

    func testChunksOpenInOrderAndNothingElseDoes() throws {
        let key = SecureBytes.random(count: SecretStream.keyBytes)
        let w = SecretStream.Writer(key: key)
        let a = push(w, "first", ad: [1, 2]), b = push(w, "second"), c = push(w, "last", final: true)
        let r = try SecretStream.Reader(key: key, header: w.header)
        XCTAssertEqual(String(decoding: try r.pull(a, additionalData: [1, 2]), as: UTF8.self), "first")
        XCTAssertEqual(String(decoding: try r.pull(b), as: UTF8.self), "second")
        XCTAssertFalse(r.finished)
        XCTAssertEqual(String(decoding: try r.pull(c), as: UTF8.self), "last")
        XCTAssertTrue(r.finished)
        XCTAssertThrowsError(try r.pull(c), "nothing after the final chunk")

        // Reordered, altered, other associated data, other key: refused.
        let r2 = try SecretStream.Reader(key: key, header: w.header)
        XCTAssertThrowsError(try r2.pull(b), "out of order")
        let r3 = try SecretStream.Reader(key: key, header: w.header)
        XCTAssertThrowsError(try r3.pull(a, additionalData: [1, 3]), "other associated data")
        var altered = a
        altered[altered.count / 2] ^= 1
        let r4 = try SecretStream.Reader(key: key, header: w.header)
        XCTAssertThrowsError(try r4.pull(altered, additionalData: [1, 2]))
        let r5 = try SecretStream.Reader(key: SecureBytes.random(count: SecretStream.keyBytes), header: w.header)
        XCTAssertThrowsError(try r5.pull(a, additionalData: [1, 2]))
        XCTAssertThrowsError(try SecretStream.Reader(key: key, header: [1, 2, 3]))
    }
}
