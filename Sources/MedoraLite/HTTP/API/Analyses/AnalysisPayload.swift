import Foundation
import MedoraStorage

/// An analysis request body, checked strictly: unknown keys, wrong types and unknown tests are
/// reported per field (`results[2].value`), before the core validates the values themselves. A
/// result's test may be given by LOINC code, key, or any printed name or abbreviation. Every key
/// of an answer is accepted and the read-only ones ignored, so an answer can be sent back as it is.
struct AnalysisPayload: Sendable {
    var draft: AnalysisDraft
    var version: Int?

    static let keys: Set<String> = ["takenOn", "lab", "comment", "pregnant", "results", "version", "id", "patientId", "createdAt",
                                    "updatedAt", "derived", "reading", "aiReading", "disclaimer"]
    static let resultKeys: Set<String> = ["code", "test", "value", "unit", "rangeLow", "rangeHigh", "key", "name", "flag", "delta",
                                          "referenceLow", "referenceHigh", "referenceUnit", "referenceSource"]

    static func parse(_ value: JSONValue) throws -> AnalysisPayload {
        guard case .object(let body) = value else { throw APIError(.invalidJSON) }
        var issues: [ValidationIssue] = []
        func text(_ key: String) -> String? {
            switch body[key] {
            case .string(let s): return s
            case .null, nil: return nil
            default: issues.append(.init(key, .invalidValue)); return nil
            }
        }
        for key in body.keys where !keys.contains(key) { issues.append(.init(key, .unknownField)) }
        var pregnant = false
        switch body["pregnant"] {
        case .bool(let b): pregnant = b
        case .null, nil: break
        default: issues.append(.init("pregnant", .invalidValue))
        }
        var version: Int?
        switch body["version"] {
        case .int(let n): version = n
        case .null, nil: break
        default: issues.append(.init("version", .invalidValue))
        }
        var results: [LabResult] = []
        switch body["results"] {
        case .array(let items):
            for (i, item) in items.prefix(AnalysisValidation.maxResults + 1).enumerated() {
                if let r = result(item, at: "results[\(i)]", issues: &issues) { results.append(r) }
            }
        case nil: issues.append(.init("results", .required))
        default: issues.append(.init("results", .invalidValue))
        }
        let draft = AnalysisDraft(takenOn: text("takenOn") ?? "", lab: text("lab"), comment: text("comment"), pregnant: pregnant,
                                  results: results)
        if !issues.isEmpty { throw APIError(.validationFailed, issues: Array(issues.prefix(50))) }
        return AnalysisPayload(draft: draft, version: version)
    }

    static func result(_ value: JSONValue, at path: String, issues: inout [ValidationIssue]) -> LabResult? {
        guard case .object(let r) = value else { issues.append(.init(path, .invalidValue)); return nil }
        for key in r.keys where !resultKeys.contains(key) { issues.append(.init("\(path).\(key)", .unknownField)) }
        let named = r["code"]?.string ?? r["test"]?.string
        guard let named, let test = LabCatalogue.match(named) else { issues.append(.init("\(path).code", .invalidValue)); return nil }
        func number(_ key: String, required: Bool) -> Double?? {
            switch r[key] {
            case .int(let n): return .some(Double(n))
            case .double(let d): return .some(d)
            case .string(let s): if let d = Self.decimal(s) { return .some(d) }
            case .null, nil: if !required { return .some(nil) }
            default: break
            }
            issues.append(.init("\(path).\(key)", required && r[key] == nil ? .required : .invalidFormat))
            return nil
        }
        guard let value = number("value", required: true), let v = value, let low = number("rangeLow", required: false),
              let high = number("rangeHigh", required: false) else { return nil }
        return LabResult(code: test.code, value: v, unit: r["unit"]?.string ?? test.unit.ucum, rangeLow: low, rangeHigh: high)
    }

    /// A number as people type it: `5.4`, `5,4`, ` 5.4 ` (no thousands separators).
    static func decimal(_ s: String) -> Double? { LabTableParser.decimal(s) }
}
