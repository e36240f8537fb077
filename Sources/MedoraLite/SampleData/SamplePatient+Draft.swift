import Foundation
import MedoraStorage

extension SamplePatient {
    var draft: PatientDraft {
        PatientDraft(firstName: firstName, lastName: lastName, middleName: middleName, phone: phone,
                     birthDate: birthDate, sex: Sex(rawValue: sex), address: address, nationalID: nationalID,
                     notes: notes)
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
