import Foundation

/// What an analysis must look like before it is stored. Issues name the field as the API and
/// the form know it: `takenOn`, `lab`, `comment`, `results`, or `results[i].value` / `.unit` /
/// `.code` / `.rangeLow` for one result.
public enum AnalysisValidation {
    public static let maxResults = 200

    public static func validated(_ d: AnalysisDraft, birthDate: String?, today: Date) throws -> AnalysisDraft {
        var issues: [ValidationIssue] = []
        var out = d
        switch FieldRule.birthDate.check(d.takenOn, today: today) {
        case .accepted(let v?):
            out.takenOn = v
            if let birthDate, v < birthDate { issues.append(.init("takenOn", .outOfRange)) }
        case .accepted(nil): issues.append(.init("takenOn", .required))
        case .refused(let code, _): issues.append(.init("takenOn", code))
        }
        for (field, rule) in [(AnalysisField.lab, FieldRule.text(max: 200, multiline: false)), (.comment, .text(max: 4000, multiline: true))] {
            let raw = field == .lab ? d.lab : d.comment
            switch rule.check(raw, today: today) {
            case .accepted(let v): if field == .lab { out.lab = v } else { out.comment = v }
            case .refused(let code, let allowed): issues.append(.init(field.jsonName, code, allowed: allowed))
            }
        }
        if d.results.isEmpty { issues.append(.init("results", .required)) }
        if d.results.count > maxResults { issues.append(.init("results", .tooLong)) }
        var seen: Set<String> = []
        for (i, r) in d.results.prefix(maxResults).enumerated() {
            let at = "results[\(i)]"
            guard let test = LabCatalogue.test(code: r.code) else { issues.append(.init("\(at).code", .invalidValue)); continue }
            if !seen.insert(test.code).inserted { issues.append(.init("\(at).code", .duplicate)) }
            guard let unit = LabCatalogue.unit(r.unit, of: test) else { issues.append(.init("\(at).unit", .invalidValue)); continue }
            out.results[i].unit = unit.ucum
            if !r.value.isFinite || !test.plausible.contains(r.value * unit.toCanonical) {
                issues.append(.init("\(at).value", .outOfRange))
            }
            for (name, bound) in [("rangeLow", r.rangeLow), ("rangeHigh", r.rangeHigh)] {
                if let b = bound, !b.isFinite || b < 0 { issues.append(.init("\(at).\(name)", .outOfRange)) }
            }
            if let l = r.rangeLow, let h = r.rangeHigh, l > h { issues.append(.init("\(at).rangeHigh", .outOfRange)) }
        }
        if !issues.isEmpty { throw MedoraError.invalid(issues) }
        return out
    }
}
