import Foundation
import Hummingbird
import MedoraStorage

/// The JSON shape of a patient in responses: identity and bookkeeping, then each present field
/// under its `PatientField` JSON name.
struct PatientResponse: ResponseEncodable, Sendable {
    let patient: Patient

    init(_ patient: Patient) { self.patient = patient }

    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: FieldCodingKey.self)
        try c.encode(patient.id.uuidString.lowercased(), forKey: FieldCodingKey("id"))
        try PatientField.encode(patient.details.values, to: &c)
        try c.encode(patient.version, forKey: FieldCodingKey("version"))
        try c.encode(Timestamp.string(patient.createdAt), forKey: FieldCodingKey("createdAt"))
        try c.encode(Timestamp.string(patient.updatedAt), forKey: FieldCodingKey("updatedAt"))
    }
}

struct PatientListResponse: ResponseEncodable, Sendable {
    var items: [PatientResponse]
    var total: Int
    var limit: Int
    var offset: Int
    /// Ids of the caller's records that are damaged and not served (no content).
    var damaged: [String]
}
