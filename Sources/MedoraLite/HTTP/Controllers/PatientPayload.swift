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

/// A patient request body, checked strictly: unknown fields, wrong types and bad enum values are
/// reported per field. Distinguishes an absent key (keep, for PATCH) from `null` (clear).
struct PatientPayload: Sendable {
    enum Value: Sendable, Equatable {
        case null
        case string(String)
    }

    static let fields = ["firstName", "lastName", "middleName", "phone", "birthDate", "sex", "address", "nationalId", "notes"]

    var values: [String: Value] = [:]
    var version: Int?

    static func parse(_ data: Data) throws -> PatientPayload {
        guard case .object(let dict)? = try? JSONDecoder().decode(JSONValue.self, from: data) else {
            throw APIError(.invalidJSON)
        }
        var payload = PatientPayload()
        var issues: [ValidationIssue] = []
        for (key, raw) in dict {
            if key == "version" {
                switch raw {
                case .int(let n): payload.version = n
                case .null: break
                default: issues.append(.init("version", .invalidValue))
                }
                continue
            }
            // Read-only fields that clients commonly echo back are ignored.
            if ["id", "createdAt", "updatedAt"].contains(key) { continue }
            guard fields.contains(key) else { issues.append(.init(key, .unknownField)); continue }
            switch raw {
            case .null: payload.values[key] = .null
            case .string(let s): payload.values[key] = .string(s)
            default: issues.append(.init(key, .invalidValue))
            }
        }
        if case .string(let s)? = payload.values["sex"], Sex(rawValue: s) == nil {
            issues.append(.init("sex", .invalidValue))
        }
        if !issues.isEmpty { throw APIError(.validation, issues: issues.sorted { $0.field < $1.field }) }
        return payload
    }

    /// Applies the payload over `base`: present keys replace, `null` clears, absent keys keep.
    func apply(to base: PatientDraft) -> PatientDraft {
        var d = base
        func value(_ key: String, _ current: String?) -> String? {
            switch values[key] {
            case nil: current
            case .null?: nil
            case .string(let s)?: s
            }
        }
        d.firstName = value("firstName", d.firstName) ?? ""
        d.lastName = value("lastName", d.lastName) ?? ""
        d.middleName = value("middleName", d.middleName)
        d.phone = value("phone", d.phone)
        d.birthDate = value("birthDate", d.birthDate)
        d.sex = value("sex", d.sex?.rawValue).flatMap(Sex.init(rawValue:))
        d.address = value("address", d.address)
        d.nationalID = value("nationalId", d.nationalID)
        d.notes = value("notes", d.notes)
        return d
    }

    /// For create and full replace: absent keys are empty.
    var draft: PatientDraft { apply(to: PatientDraft(firstName: "", lastName: "")) }
}

/// Any JSON value, so request bodies can be checked key by key with precise errors.
enum JSONValue: Decodable, Sendable, Equatable {
    case null, bool(Bool), int(Int), double(Double), string(String)
    case array([JSONValue]), object([String: JSONValue])

    init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        if c.decodeNil() { self = .null }
        else if let b = try? c.decode(Bool.self) { self = .bool(b) }
        else if let i = try? c.decode(Int.self) { self = .int(i) }
        else if let d = try? c.decode(Double.self) { self = .double(d) }
        else if let s = try? c.decode(String.self) { self = .string(s) }
        else if let a = try? c.decode([JSONValue].self) { self = .array(a) }
        else { self = .object(try c.decode([String: JSONValue].self)) }
    }
}
