import Foundation
import Hummingbird
import MedoraStorage

/// The JSON shape of a patient in responses: identity and bookkeeping, then each present field
/// under its `PatientField` JSON name.
struct PatientResponse: ResponseEncodable, Sendable {
    let patient: Patient

    init(_ patient: Patient) { self.patient = patient }

    struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(_ name: String) { stringValue = name }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Key.self)
        try c.encode(patient.id.uuidString.lowercased(), forKey: Key("id"))
        for field in PatientField.allCases {
            try c.encodeIfPresent(patient.details[field], forKey: Key(field.jsonName))
        }
        try c.encode(patient.version, forKey: Key("version"))
        try c.encode(Timestamp.string(patient.createdAt), forKey: Key("createdAt"))
        try c.encode(Timestamp.string(patient.updatedAt), forKey: Key("updatedAt"))
    }
}

struct PatientListResponse: ResponseEncodable, Sendable {
    var items: [PatientResponse]
    var total: Int
    var limit: Int
    var offset: Int
}
