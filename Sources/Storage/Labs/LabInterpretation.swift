import Foundation

/// Where a result stands against its reference range and critical limits.
public enum LabFlag: String, Sendable, Codable, CaseIterable {
    case normal, low, high, criticalLow = "critical_low", criticalHigh = "critical_high"

    public var isAbnormal: Bool { self != .normal }
}

/// A result brought to its test's canonical unit, with the range that fits the patient and the flags.
public struct InterpretedResult: Sendable, Equatable {
    public let test: LabTest.Key
    public let value: Double
    /// The value in the canonical unit.
    public let canonical: Double
    public let range: (low: Double?, high: Double?)?
    /// The range came from the lab's printout rather than the catalogue.
    public let labRange: Bool
    public let flag: LabFlag
    /// Change against the previous result of the same test, in the canonical unit, when it passes
    /// the test's delta rule.
    public let delta: Double?

    public static func == (a: Self, b: Self) -> Bool {
        a.test == b.test && a.value == b.value && a.canonical == b.canonical && a.labRange == b.labRange && a.flag == b.flag
            && a.delta == b.delta && a.range?.low == b.range?.low && a.range?.high == b.range?.high
    }
}

extension LabTest {
    /// A test's identity in results: its LOINC code.
    public typealias Key = String

    /// The reference range for a patient: pregnancy ranges first when pregnant, then the sex's,
    /// then any; by age on the day taken. Nil when none fits (unknown age and sex-specific bands).
    public func range(sex: Sex?, ageYears: Double?, pregnant: Bool) -> ReferenceRange? {
        let age = ageYears ?? 30
        func fits(_ r: ReferenceRange) -> Bool { age >= r.minAge && age < r.maxAge }
        if pregnant, let r = ranges.first(where: { $0.pregnancy && fits($0) }) { return r }
        let wanted: ReferenceRange.Sex? = switch sex {
        case .male: .male
        case .female: .female
        default: nil
        }
        let plain = ranges.filter { !$0.pregnancy && fits($0) }
        if let wanted, let r = plain.first(where: { $0.sex == wanted }) { return r }
        if let r = plain.first(where: { $0.sex == .any }) { return r }
        // Sex unknown and only sex-specific bands: the widest span of both.
        let both = plain.filter { $0.sex != .any }
        guard !both.isEmpty else { return nil }
        let lows = both.compactMap(\.low), highs = both.compactMap(\.high)
        return ReferenceRange(ages: 0..<150, low: lows.count == both.count ? lows.min() : nil,
                              high: highs.count == both.count ? highs.max() : nil)
    }

    /// The flag of a canonical value against a range and the critical limits.
    public func flag(_ canonical: Double, low: Double?, high: Double?) -> LabFlag {
        if let c = critical.low, canonical < c { return .criticalLow }
        if let c = critical.high, canonical > c { return .criticalHigh }
        if let low, canonical < low { return .low }
        if let high, canonical > high { return .high }
        return .normal
    }

    /// Whether the change from `previous` to `current` (canonical) passes the delta rule.
    public func deltaExceeded(previous: Double, current: Double) -> Bool {
        switch delta {
        case .absolute(let limit): abs(current - previous) > limit
        case .percent(let limit): previous != 0 && abs(current - previous) / abs(previous) * 100 > limit
        case nil: false
        }
    }

    /// `value` rounded to the test's decimals.
    public func format(_ value: Double, decimals: Int? = nil) -> String {
        let d = decimals ?? self.decimals
        return String(format: "%.\(d)f", value)
    }
}

/// Age in years on a day, from `YYYY-MM-DD` strings.
public enum LabDates {
    static let formatter: DateFormatter = {
        let f = DateFormatter()
        f.calendar = Calendar(identifier: .gregorian)
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(identifier: "UTC")
        f.dateFormat = "yyyy-MM-dd"
        return f
    }()

    public static func date(_ iso: String) -> Date? {
        guard iso.count == 10 else { return nil }
        return formatter.date(from: iso)
    }

    public static func string(_ date: Date) -> String { formatter.string(from: date) }

    /// Whole and fractional years from birth to the day taken.
    public static func age(birth: String?, on day: String) -> Double? {
        guard let birth, let b = date(birth), let d = date(day), d >= b else { return nil }
        return d.timeIntervalSince(b) / (365.2425 * 86400)
    }
}
