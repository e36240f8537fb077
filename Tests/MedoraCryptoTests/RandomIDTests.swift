import Foundation
import XCTest
import MedoraCrypto

/// Record and key-slot ids come from libsodium's generator, as version 4 UUIDs.
final class RandomIDTests: XCTestCase {
    func testIDsAreVersion4AndDistinct() {
        let ids = (0..<10_000).map { _ in UUID.random() }
        XCTAssertEqual(Set(ids).count, ids.count)
        for id in ids.prefix(100) {
            let text = id.uuidString
            XCTAssertEqual(Array(text)[14], "4", text)
            XCTAssertTrue("89AB".contains(Array(text)[19]), text)
        }
        // Every bit outside the version and variant varies.
        let ored = ids.reduce(into: [UInt8](repeating: 0, count: 16)) { acc, id in
            withUnsafeBytes(of: id.uuid) { for (i, b) in $0.enumerated() { acc[i] |= b } }
        }
        XCTAssertEqual(ored, [255, 255, 255, 255, 255, 255, 0x4F, 255, 0xBF, 255, 255, 255, 255, 255, 255, 255])
    }
}
