import Foundation
import Hummingbird
import MedoraStorage

/// A patient request body, checked strictly against `PatientField`'s table: unknown keys, wrong
/// types and values outside a closed list are reported per field by JSON name, before the core
/// validates the values themselves. Distinguishes an
/// absent key (keep, for PATCH) from `null` (clear).
struct PatientPayload: Sendable {
    enum Value: Sendable, Equatable {
        case null
        case string(String)
    }

    /// Read-only keys that clients commonly echo back; ignored.
    static let echoedKeys: Set<String> = ["id", "createdAt", "updatedAt"]

    var values: [PatientField: Value] = [:]
    var version: Int?

    /// At most this many field errors are reported (a body of thousands of unknown keys gets a
    /// short answer).
    static let maxReportedIssues = 50

    static func parse(_ data: Data) throws -> PatientPayload {
        guard JSONBody.depth(data) <= JSONBody.maxDepth, let object = try? JSONSerialization.jsonObject(with: data),
              let value = JSONValue(object) else { throw APIError(.invalidJSON) }
        return try parse(value)
    }

    static func parse(_ value: JSONValue) throws -> PatientPayload {
        guard case .object(let dict) = value else { throw APIError(.invalidJSON) }
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
            if echoedKeys.contains(key) { continue }
            guard let field = PatientField.field(jsonName: key) else { issues.append(.init(key, .unknownField)); continue }
            switch raw {
            case .null: payload.values[field] = .null
            case .string(let s):
                payload.values[field] = .string(s)
                if case .choice(let allowed) = field.rule, !allowed.contains(s) { issues.append(.init(key, .invalidValue)) }
            default: issues.append(.init(key, .invalidValue))
            }
        }
        if !issues.isEmpty {
            throw APIError(.validationFailed, issues: Array(issues.sorted { $0.field < $1.field }.prefix(maxReportedIssues)))
        }
        return payload
    }

    /// Applies the payload over `base`: present keys replace, `null` clears, absent keys keep.
    func apply(to base: PatientDraft) -> PatientDraft {
        var d = base
        for (field, value) in values {
            switch value {
            case .null: d[field] = nil
            case .string(let s): d[field] = s
            }
        }
        return d
    }

    /// For create and full replace: absent keys are empty.
    var draft: PatientDraft { apply(to: PatientDraft()) }
}
