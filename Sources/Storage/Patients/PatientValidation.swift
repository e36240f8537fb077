import Foundation

/// The rules a patient's details must meet before they are stored. They live in the core so the
/// API, the CLI import and the generator all enforce the same ones.
public enum PatientValidation {
    public static let nameMaxLength = 100
    public static let addressMaxLength = 500
    public static let nationalIDMaxLength = 32
    public static let notesMaxLength = 10_000
    public static let earliestBirthDate = "1900-01-01"

    /// Apostrophe-like marks used in Uzbek Latin (oʻ, gʻ) and names such as O'Brien.
    static let apostrophes: Set<Character> = ["'", "ʻ", "ʼ", "‘", "’", "`"]

    /// Returns the draft trimmed and normalised, or throws `MedoraError.invalid` listing every problem.
    public static func validated(_ draft: PatientDraft, today: Date) throws -> PatientDraft {
        var d = draft
        var issues: [ValidationIssue] = []

        func name(_ value: String?, _ field: String, required: Bool) -> String? {
            let v = collapseSpaces(value ?? "")
            if v.isEmpty {
                if required { issues.append(.init(field, .required)) }
                return nil
            }
            if v.count > nameMaxLength { issues.append(.init(field, .tooLong)); return v }
            let ok = v.allSatisfy { $0.isLetter || $0 == " " || $0 == "-" || apostrophes.contains($0) }
                && v.contains(where: \.isLetter)
            if !ok { issues.append(.init(field, .invalidCharacters)) }
            return v
        }

        d.firstName = name(draft.firstName, "firstName", required: true) ?? ""
        d.lastName = name(draft.lastName, "lastName", required: true) ?? ""
        d.middleName = name(draft.middleName, "middleName", required: false)

        if let raw = draft.phone, !raw.trimmingCharacters(in: .whitespaces).isEmpty {
            if let digits = SearchNormalizer.normalizePhone(raw), isPhoneShaped(raw) {
                d.phone = "+" + digits
            } else {
                issues.append(.init("phone", .invalidFormat))
            }
        } else {
            d.phone = nil
        }

        if let raw = draft.birthDate?.trimmingCharacters(in: .whitespaces), !raw.isEmpty {
            switch checkBirthDate(raw, today: today) {
            case .ok: d.birthDate = raw
            case .bad(let code): issues.append(.init("birthDate", code))
            }
        } else {
            d.birthDate = nil
        }

        d.address = text(draft.address, "address", max: addressMaxLength, issues: &issues)
        d.notes = text(draft.notes, "notes", max: notesMaxLength, issues: &issues, keepNewlines: true)

        if let raw = draft.nationalID?.trimmingCharacters(in: .whitespaces), !raw.isEmpty {
            let v = raw.uppercased()
            if v.count > nationalIDMaxLength {
                issues.append(.init("nationalID", .tooLong))
            } else if !v.allSatisfy({ ($0.isASCII && ($0.isLetter || $0.isNumber)) || $0 == "-" }) {
                issues.append(.init("nationalID", .invalidCharacters))
            }
            d.nationalID = v
        } else {
            d.nationalID = nil
        }

        if !issues.isEmpty { throw MedoraError.invalid(issues) }
        return d
    }

    static func collapseSpaces(_ s: String) -> String {
        s.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    static func text(_ value: String?, _ field: String, max: Int, issues: inout [ValidationIssue],
                     keepNewlines: Bool = false) -> String? {
        guard let value else { return nil }
        let v = value.trimmingCharacters(in: .whitespacesAndNewlines)
        if v.isEmpty { return nil }
        if v.count > max { issues.append(.init(field, .tooLong)) }
        let controlOK = v.unicodeScalars.allSatisfy { s in
            !(s.properties.generalCategory == .control) || (keepNewlines && (s == "\n" || s == "\r" || s == "\t"))
        }
        if !controlOK { issues.append(.init(field, .invalidCharacters)) }
        return v
    }

    /// A phone as people write it: digits with spaces, dashes, dots, parentheses and one leading plus.
    static func isPhoneShaped(_ raw: String) -> Bool {
        let t = raw.trimmingCharacters(in: .whitespaces)
        let body = t.hasPrefix("+") ? t.dropFirst() : Substring(t)
        return body.allSatisfy { $0.isASCII && ($0.isNumber || " -().".contains($0)) }
    }

    enum DateCheck { case ok, bad(ValidationIssue.Code) }

    static func checkBirthDate(_ raw: String, today: Date) -> DateCheck {
        let parts = raw.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let y = Int(parts[0]), let m = Int(parts[1]), let day = Int(parts[2]) else { return .bad(.invalidFormat) }
        var cal = Calendar(identifier: .gregorian)
        cal.timeZone = TimeZone(identifier: "UTC")!
        let comps = DateComponents(year: y, month: m, day: day)
        guard comps.isValidDate(in: cal), let date = cal.date(from: comps) else { return .bad(.invalidFormat) }
        if raw < earliestBirthDate { return .bad(.outOfRange) }
        // Compare calendar days at UTC+14 so nobody anywhere gets "future" for their today.
        if date > today.addingTimeInterval(14 * 3600) { return .bad(.outOfRange) }
        return .ok
    }
}
