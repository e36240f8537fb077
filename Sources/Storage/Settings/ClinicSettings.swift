import Foundation

/// What an administrator sets for the whole clinic.
public struct ClinicSettings: Sendable, Equatable {
    /// Shown in the header and on printouts; empty shows the product's name.
    public var clinicName: String
    /// The pages' language when neither the user, the header switch nor the browser chose one.
    public var defaultLanguage: Language
    /// A session unused this long ends (the absolute limit of 12 hours stands regardless).
    public var idleTimeout: TimeInterval
    /// The optional AI reading (off unless an endpoint is set).
    public var ai: AISettings = .off
    /// Minutes between scheduled backups (when something changed).
    public var backupMinutes = 5
    /// A second folder for every scheduled backup (a USB stick, a synced folder); empty: none.
    public var backupFolder = ""
    public static let backupMinutesRange = 1...1440
    /// The request budgets of the rate limits.
    public var requestLimits = RequestLimits.standard

    public init(clinicName: String, defaultLanguage: Language, idleTimeout: TimeInterval, ai: AISettings = .off) {
        self.clinicName = clinicName
        self.defaultLanguage = defaultLanguage
        self.idleTimeout = idleTimeout
        self.ai = ai
    }

    public static let standard = ClinicSettings(clinicName: "", defaultLanguage: .en, idleTimeout: 30 * 60)
    /// The idle timeout an administrator may choose, in minutes.
    public static let idleMinutes = 5...480

    /// The settings as stored, one row per key (values in text; the AI key is stored sealed, apart).
    var stored: [String: String] {
        ["clinic_name": clinicName, "default_language": defaultLanguage.rawValue,
         "idle_timeout_minutes": String(Int(idleTimeout / 60)), "ai_endpoint": ai.endpoint, "ai_model": ai.model,
         "ai_monthly_limit": String(ai.monthlyLimit), "backup_minutes": String(backupMinutes), "backup_folder": backupFolder]
            .merging(requestLimits.stored) { a, _ in a }
    }

    /// Settings from stored rows; a missing or unreadable value takes the standard one.
    init(stored: [String: String]) {
        let s = Self.standard
        clinicName = stored["clinic_name"] ?? s.clinicName
        defaultLanguage = stored["default_language"].flatMap(Language.init(rawValue:)) ?? s.defaultLanguage
        let minutes = stored["idle_timeout_minutes"].flatMap(Int.init)
        idleTimeout = minutes.flatMap { Self.idleMinutes.contains($0) ? TimeInterval($0 * 60) : nil } ?? s.idleTimeout
        let limit = stored["ai_monthly_limit"].flatMap(Int.init).flatMap { AISettings.limits.contains($0) ? $0 : nil }
        ai = AISettings(endpoint: stored["ai_endpoint"] ?? "", model: stored["ai_model"] ?? "", key: nil,
                        monthlyLimit: limit ?? AISettings.off.monthlyLimit)
        backupMinutes = stored["backup_minutes"].flatMap(Int.init).flatMap { Self.backupMinutesRange.contains($0) ? $0 : nil } ?? 5
        backupFolder = stored["backup_folder"] ?? ""
        requestLimits = RequestLimits(stored: stored)
    }

    /// Checks values from a form: the name printable and at most 120 characters, the idle timeout
    /// in minutes within `idleMinutes`.
    public static func validated(clinicName: String, defaultLanguage: String, idleMinutes: String) throws -> ClinicSettings {
        var issues: [ValidationIssue] = []
        let name = clinicName.trimmingCharacters(in: .whitespacesAndNewlines)
        if name.count > 120 { issues.append(.init("clinicName", .tooLong)) }
        if name.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
            issues.append(.init("clinicName", .invalidCharacters, allowed: .printable))
        }
        let language = Language(rawValue: defaultLanguage)
        if language == nil { issues.append(.init("defaultLanguage", .invalidValue)) }
        let minutes = Int(idleMinutes.trimmingCharacters(in: .whitespaces))
        if minutes == nil { issues.append(.init("idleTimeoutMinutes", .invalidFormat)) }
        else if let m = minutes, !Self.idleMinutes.contains(m) { issues.append(.init("idleTimeoutMinutes", .outOfRange)) }
        guard issues.isEmpty, let language, let minutes else { throw MedoraError.invalid(issues) }
        return ClinicSettings(clinicName: name, defaultLanguage: language, idleTimeout: TimeInterval(minutes * 60))
    }

    /// Checks the backup fields of a form: minutes within `backupMinutesRange`, the folder an
    /// absolute path (or empty).
    public static func validatedBackup(minutes: String, folder: String) throws -> (Int, String) {
        var issues: [ValidationIssue] = []
        let m = Int(minutes.trimmingCharacters(in: .whitespaces))
        if m == nil { issues.append(.init("backupMinutes", .invalidFormat)) }
        else if let m, !backupMinutesRange.contains(m) { issues.append(.init("backupMinutes", .outOfRange)) }
        let f = folder.trimmingCharacters(in: .whitespaces)
        if !f.isEmpty && (!f.hasPrefix("/") || f.count > 500 || f.unicodeScalars.contains { $0.properties.generalCategory == .control }) {
            issues.append(.init("backupFolder", .invalidFormat))
        }
        guard issues.isEmpty, let m else { throw MedoraError.invalid(issues) }
        return (m, f)
    }
}
