import Foundation

/// Administrative sex as in FHIR (`AdministrativeGender`).
public enum Sex: String, Codable, Sendable, CaseIterable {
    case male, female, other, unknown
}

/// The personal details of a patient, decrypted. What a doctor types in and reads back.
public struct PatientDraft: Sendable, Equatable, Codable {
    public var firstName: String
    public var lastName: String
    public var middleName: String?
    /// Normalised by validation to `+` and digits, e.g. `+998901234567`.
    public var phone: String?
    /// `YYYY-MM-DD`.
    public var birthDate: String?
    public var sex: Sex?
    public var address: String?
    public var nationalID: String?
    public var notes: String?

    public init(firstName: String, lastName: String, middleName: String? = nil, phone: String? = nil,
                birthDate: String? = nil, sex: Sex? = nil, address: String? = nil,
                nationalID: String? = nil, notes: String? = nil) {
        self.firstName = firstName
        self.lastName = lastName
        self.middleName = middleName
        self.phone = phone
        self.birthDate = birthDate
        self.sex = sex
        self.address = address
        self.nationalID = nationalID
        self.notes = notes
    }
}

/// A stored patient, decrypted: details plus identity and bookkeeping.
public struct Patient: Sendable, Equatable, Identifiable {
    public var id: UUID
    public var ownerID: UUID
    public var details: PatientDraft
    public var version: Int
    public var createdAt: Date
    public var updatedAt: Date

    public init(id: UUID, ownerID: UUID, details: PatientDraft, version: Int, createdAt: Date, updatedAt: Date) {
        self.id = id
        self.ownerID = ownerID
        self.details = details
        self.version = version
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }

    var searchDocument: SearchDocument {
        SearchDocument(id: id, ownerID: ownerID, firstName: details.firstName, lastName: details.lastName,
                       middleName: details.middleName, phone: details.phone)
    }
}

/// One page of a patient listing or search.
public struct PatientPage: Sendable, Equatable {
    public var total: Int
    public var limit: Int
    public var offset: Int
    public var items: [Patient]
}
