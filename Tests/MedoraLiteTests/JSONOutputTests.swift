import Foundation
import Hummingbird
import MedoraStorage
import NIOCore
import XCTest
@testable import MedoraLite

/// The hand-written JSON of patient answers: valid JSON whatever a field holds, the same values,
/// keys in sorted order, and byte for byte what `JSONEncoder` with sorted keys gives.
final class JSONOutputTests: XCTestCase {
    static let awkward = ["plain", "Shoxrux", "Шохрух", "O\u{2018}g\u{2018}iloy", "quote \" and \\ backslash", "a/b </script>",
                          "line\nbreak\r\ttab", "\u{0}\u{1}\u{1F}\u{7F}", "\u{8}\u{C}", "emoji 🩸 and \u{2028}", ""]

    func testAnyTextComesBackExactlyAndKeysAreSorted() throws {
        var rng = SystemRandomNumberGenerator()
        for round in 0..<300 {
            var values: [PatientField: String] = [:]
            for field in PatientField.allCases where Bool.random(using: &rng) || field == .firstName {
                values[field] = Self.awkward.randomElement(using: &rng)! + String(round)
            }
            let patient = Patient(id: UUID(), ownerID: UUID(), details: PatientDraft(values), version: round + 1,
                                  createdAt: Date(timeIntervalSince1970: Double(round) * 86_399.5),
                                  updatedAt: Date(timeIntervalSince1970: 1_800_000_000 + Double(round)))
            var out = JSONOutput()
            PatientListResponse(items: [PatientResponse(patient), PatientResponse(patient)], total: round, limit: 20, offset: 0,
                                damaged: round % 2 == 0 ? [] : ["x\"y"]).write(to: &out)
            let bytes = Data(out.bytes)
            let parsed = try XCTUnwrap(try JSONSerialization.jsonObject(with: bytes) as? [String: Any], "valid JSON")
            XCTAssertEqual(parsed["total"] as? Int, round)
            XCTAssertEqual((parsed["damaged"] as? [String])?.count, round % 2)
            let items = try XCTUnwrap(parsed["items"] as? [[String: Any]])
            XCTAssertEqual(items.count, 2)
            for field in PatientField.allCases {
                XCTAssertEqual(items[0][field.jsonName] as? String, values[field], "\(field) as it was")
            }
            XCTAssertEqual(items[0]["id"] as? String, patient.id.uuidString.lowercased())
            XCTAssertEqual(items[0]["version"] as? Int, round + 1)
            XCTAssertEqual(items[0]["createdAt"] as? String, Timestamp.string(patient.createdAt))
            XCTAssertEqual(bytes, try Self.encoderBytes(patient, values: values, total: round, damaged: round % 2 == 0 ? [] : ["x\"y"]),
                           "the same bytes as JSONEncoder with sorted keys")
        }
    }

    /// What `JSONEncoder` with the server's settings writes for the same list.
    static func encoderBytes(_ p: Patient, values: [PatientField: String], total: Int, damaged: [String]) throws -> Data {
        struct Item: Encodable {
            var fields: [String: String]
            func encode(to encoder: Encoder) throws {
                var c = encoder.container(keyedBy: FieldCodingKey.self)
                for (k, v) in fields { try c.encode(v, forKey: FieldCodingKey(k)) }
            }
        }
        struct List: Encodable {
            var items: [ItemWithVersion]; var total: Int; var limit: Int; var offset: Int; var damaged: [String]
        }
        struct ItemWithVersion: Encodable {
            var item: Item; var version: Int
            func encode(to encoder: Encoder) throws {
                try item.encode(to: encoder)
                var c = encoder.container(keyedBy: FieldCodingKey.self)
                try c.encode(version, forKey: FieldCodingKey("version"))
            }
        }
        var fields = Dictionary(uniqueKeysWithValues: values.map { ($0.key.jsonName, $0.value) })
        fields["id"] = p.id.uuidString.lowercased()
        fields["createdAt"] = Timestamp.string(p.createdAt)
        fields["updatedAt"] = Timestamp.string(p.updatedAt)
        let one = ItemWithVersion(item: Item(fields: fields), version: p.version)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(List(items: [one, one], total: total, limit: 20, offset: 0, damaged: damaged))
    }

    func testIDsAreWrittenAsLowerCaseUUIDs() {
        for _ in 0..<1000 {
            let id = UUID()
            var out = JSONOutput()
            out.uuid(id)
            XCTAssertEqual(String(decoding: out.bytes, as: UTF8.self), "\"\(id.uuidString.lowercased())\"")
        }
    }
}
