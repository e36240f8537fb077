import Foundation

/// What a field's value must look like. Each rule trims and normalises the value it accepts, or
/// names why it refuses it; an empty value is absent. Shared by every sealed table's field list.
public enum FieldRule: Sendable, Equatable {
    /// A personal name: letters, spaces, apostrophes and hyphens, 1–100 characters.
    case name
    /// A phone as people write it; stored as `+` and digits.
    case phone
    /// `YYYY-MM-DD`, from 1900-01-01 to today.
    case birthDate
    /// One of a closed list of values.
    case choice([String])
    /// Free text up to `max` characters; `multiline` allows line breaks and tabs.
    case text(max: Int, multiline: Bool)
    /// An identity document number: Latin letters, digits and hyphens, upper-cased.
    case identifier(max: Int)

    public static let nameMaxLength = 100
    public static let earliestBirthDate = "1900-01-01"
    /// Apostrophe-like marks used in Uzbek Latin (oʻ, gʻ) and names such as O'Brien.
    static let apostrophes: Set<Character> = ["'", "ʻ", "ʼ", "‘", "’", "`"]

    public enum Outcome: Equatable {
        case accepted(String?)
        case refused(ValidationIssue.Code, ValidationIssue.AllowedCharacters?)
    }

    /// Checks `raw` (nil or blank is absent) against the rule.
    public func check(_ raw: String?, today: Date) -> Outcome {
        guard let raw else { return .accepted(nil) }
        switch self {
        case .name:
            let v = raw.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
            if v.isEmpty { return .accepted(nil) }
            if v.count > Self.nameMaxLength { return .refused(.tooLong, nil) }
            let ok = v.allSatisfy { $0.isLetter || $0 == " " || $0 == "-" || Self.apostrophes.contains($0) }
                && v.contains(where: \.isLetter)
            return ok ? .accepted(v) : .refused(.invalidCharacters, .name)
        case .phone:
            let t = raw.trimmingCharacters(in: .whitespaces)
            if t.isEmpty { return .accepted(nil) }
            guard let digits = SearchNormalizer.normalizePhone(t), Self.isPhoneShaped(t) else {
                return .refused(.invalidFormat, nil)
            }
            return .accepted("+" + digits)
        case .birthDate:
            let t = raw.trimmingCharacters(in: .whitespaces)
            if t.isEmpty { return .accepted(nil) }
            if let refusal = Self.checkBirthDate(t, today: today) { return .refused(refusal, nil) }
            return .accepted(t)
        case .choice(let values):
            let t = raw.trimmingCharacters(in: .whitespaces)
            if t.isEmpty { return .accepted(nil) }
            return values.contains(t) ? .accepted(t) : .refused(.invalidValue, nil)
        case .text(let max, let multiline):
            let v = raw.trimmingCharacters(in: .whitespacesAndNewlines)
            if v.isEmpty { return .accepted(nil) }
            if v.count > max { return .refused(.tooLong, nil) }
            let clean = v.unicodeScalars.allSatisfy { s in
                s.properties.generalCategory != .control || (multiline && (s == "\n" || s == "\r" || s == "\t"))
            }
            return clean ? .accepted(v) : .refused(.invalidCharacters, .printable)
        case .identifier(let max):
            let v = raw.trimmingCharacters(in: .whitespaces).uppercased()
            if v.isEmpty { return .accepted(nil) }
            if v.count > max { return .refused(.tooLong, nil) }
            let ok = v.allSatisfy { ($0.isASCII && ($0.isLetter || $0.isNumber)) || $0 == "-" }
            return ok ? .accepted(v) : .refused(.invalidCharacters, .identifier)
        }
    }

    /// Digits with spaces, dashes, dots, parentheses and one leading plus.
    static func isPhoneShaped(_ t: String) -> Bool {
        let body = t.hasPrefix("+") ? t.dropFirst() : Substring(t)
        return body.allSatisfy { $0.isASCII && ($0.isNumber || " -().".contains($0)) }
    }

    static func checkBirthDate(_ raw: String, today: Date) -> ValidationIssue.Code? {
        let parts = raw.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let y = Int(parts[0]), let m = Int(parts[1]), let day = Int(parts[2]),
              let utc = TimeZone(identifier: "UTC") else { return .invalidFormat }
        var cal = Calendar(identifier: .gregorian)
        cal.timeZone = utc
        let comps = DateComponents(year: y, month: m, day: day)
        guard comps.isValidDate(in: cal), let date = cal.date(from: comps) else { return .invalidFormat }
        if raw < earliestBirthDate { return .outOfRange }
        // Compare calendar days at UTC+14 so nobody anywhere gets "future" for their today.
        if date > today.addingTimeInterval(14 * 3600) { return .outOfRange }
        return nil
    }
}
