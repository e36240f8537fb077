import Foundation
import MedoraStorage

/// Sample patients in JSON: each present field under its `PatientField` JSON name, and `analyses`.
extension SamplePatient: Codable {
    struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(_ name: String) { stringValue = name }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    static let analysesKey = Key("analyses")

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: Key.self)
        var details = PatientDraft()
        for field in PatientField.allCases {
            details[field] = try c.decodeIfPresent(String.self, forKey: Key(field.jsonName))
        }
        self.details = details
        analyses = try c.decodeIfPresent([SampleAnalysis].self, forKey: Self.analysesKey) ?? []
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Key.self)
        for field in PatientField.allCases {
            try c.encodeIfPresent(details[field], forKey: Key(field.jsonName))
        }
        try c.encode(analyses, forKey: Self.analysesKey)
    }
}

extension SyntheticData {
    /// The one JSON form of sample data (sorted keys, so files are byte-stable).
    static func encode(_ patients: [SamplePatient]) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(patients)
    }
}
