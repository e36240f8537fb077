import Foundation
import Hummingbird
import MedoraStorage

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
        if !issues.isEmpty { throw APIError(.validationFailed, issues: issues.sorted { $0.field < $1.field }) }
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
