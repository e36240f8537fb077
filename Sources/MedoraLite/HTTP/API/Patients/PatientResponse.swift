import Foundation
import Hummingbird
import MedoraStorage

/// The JSON shape of a patient in responses.
struct PatientResponse: ResponseEncodable, Sendable {
    var id: String
    var firstName: String
    var lastName: String
    var middleName: String?
    var phone: String?
    var birthDate: String?
    var sex: String?
    var address: String?
    var nationalId: String?
    var notes: String?
    var version: Int
    var createdAt: String
    var updatedAt: String

    init(_ p: Patient) {
        id = p.id.uuidString.lowercased()
        firstName = p.details.firstName
        lastName = p.details.lastName
        middleName = p.details.middleName
        phone = p.details.phone
        birthDate = p.details.birthDate
        sex = p.details.sex?.rawValue
        address = p.details.address
        nationalId = p.details.nationalID
        notes = p.details.notes
        version = p.version
        createdAt = Timestamp.string(p.createdAt)
        updatedAt = Timestamp.string(p.updatedAt)
    }
}

struct PatientListResponse: ResponseEncodable, Sendable {
    var items: [PatientResponse]
    var total: Int
    var limit: Int
    var offset: Int
}
