import Foundation
import MedoraStorage

/// Sample patients in JSON: each present field under its `PatientField` JSON name, and `analyses`.
extension SamplePatient: Codable {
    static let analysesKey = FieldCodingKey("analyses")

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: FieldCodingKey.self)
        details = PatientDraft(try PatientField.decode(from: c))
        analyses = try c.decodeIfPresent([SampleAnalysis].self, forKey: Self.analysesKey) ?? []
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: FieldCodingKey.self)
        try PatientField.encode(details.values, to: &c)
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

extension SampleAnalysis {
    /// The analysis as it is entered: the day taken and each result in its unit. The generator's
    /// reference limits are left out, so the catalogue's ranges for the patient apply.
    var draft: AnalysisDraft {
        AnalysisDraft(takenOn: String(takenAt.prefix(10)),
                      results: results.map { LabResult(code: $0.loinc, value: $0.value, unit: $0.unit) })
    }
}
