import Foundation

/// Administrative sex as in FHIR (`AdministrativeGender`).
public enum Sex: String, Codable, Sendable, CaseIterable {
    case male, female, other, unknown
}

/// The personal details of a patient, decrypted: what a doctor types in and reads back, one value
/// per `PatientField` (absent fields have none).
public struct PatientDraft: Sendable, Equatable {
    public var values: [PatientField: String]

    public init(_ values: [PatientField: String] = [:]) { self.values = values }

    public init(firstName: String, lastName: String, middleName: String? = nil, phone: String? = nil,
                birthDate: String? = nil, sex: Sex? = nil, address: String? = nil,
                nationalID: String? = nil, notes: String? = nil) {
        let given: [(PatientField, String?)] = [
            (.firstName, firstName), (.lastName, lastName), (.middleName, middleName), (.phone, phone),
            (.birthDate, birthDate), (.sex, sex?.rawValue), (.address, address), (.nationalID, nationalID), (.notes, notes),
        ]
        values = Dictionary(uniqueKeysWithValues: given.compactMap { f, v in v.map { (f, $0) } })
    }

    public subscript(_ field: PatientField) -> String? {
        get { values[field] }
        set { values[field] = newValue }
    }

    public var firstName: String { values[.firstName] ?? "" }
    public var lastName: String { values[.lastName] ?? "" }
    public var sex: Sex? { values[.sex].flatMap(Sex.init(rawValue:)) }
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

    var searchDocument: SearchDocument { SearchDocument(id: id, ownerID: ownerID, details.values) }
}

/// One page of a patient listing or search.
public struct PatientPage: Sendable, Equatable {
    public var total: Int
    public var limit: Int
    public var offset: Int
    public var items: [Patient]
    /// The owner's damaged records on this page (or, for a listing, all of them): ids only.
    public var damaged: [UUID] = []
}
