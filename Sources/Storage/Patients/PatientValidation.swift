import Foundation

/// The rules a patient's details must meet before they are stored, from `PatientField`'s table.
/// They live in the core so the API, the CLI import and the generator all enforce the same ones.
public enum PatientValidation {
    /// Returns the draft trimmed and normalised, or throws `MedoraError.invalid` listing every
    /// rejected field by its JSON name.
    public static func validated(_ draft: PatientDraft, today: Date) throws -> PatientDraft {
        var clean = PatientDraft()
        var issues: [ValidationIssue] = []
        for field in PatientField.allCases {
            switch field.rule.check(draft[field], today: today) {
            case .accepted(let value?):
                clean[field] = value
            case .accepted(nil):
                if field.isRequired { issues.append(.init(field.jsonName, .required)) }
            case .refused(let code, let allowed):
                issues.append(.init(field.jsonName, code, allowed: allowed))
            }
        }
        if !issues.isEmpty { throw MedoraError.invalid(issues) }
        return clean
    }
}
