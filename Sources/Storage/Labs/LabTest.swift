import Foundation

/// A unit a lab prints a test in, and how to bring a value in it to the test's canonical unit:
/// `canonical = value × toCanonical`.
public struct LabUnit: Sendable, Equatable {
    /// The UCUM code, e.g. `mg/dL`, `mmol/L`, `10*9/L`.
    public let ucum: String
    /// How it is shown, e.g. `mg/dL`, `mmol/L`, `×10⁹/L`.
    public let display: String
    public let toCanonical: Double

    public init(_ ucum: String, display: String? = nil, toCanonical: Double = 1) {
        self.ucum = ucum
        self.display = display ?? ucum
        self.toCanonical = toCanonical
    }
}

/// Who a reference range is for. Ages in years, `minAge` inclusive and `maxAge` exclusive; the bands
/// of one sex (and pregnancy) cover 0 to 150 without gaps or overlaps.
public struct ReferenceRange: Sendable, Equatable {
    public enum Sex: String, Sendable { case any, male, female }

    public let sex: Sex
    public let minAge: Double
    public let maxAge: Double
    /// A range for pregnant patients (chosen over the others when the analysis says so).
    public let pregnancy: Bool
    /// Limits in the canonical unit; nil is no limit on that side.
    public let low: Double?
    public let high: Double?

    public init(_ sex: Sex = .any, ages: Range<Double> = 0..<150, pregnancy: Bool = false, low: Double?, high: Double?) {
        self.sex = sex
        self.minAge = ages.lowerBound
        self.maxAge = ages.upperBound
        self.pregnancy = pregnancy
        self.low = low
        self.high = high
    }
}

/// Values past which a result is critical (to be acted on at once), in the canonical unit.
public struct CriticalLimits: Sendable, Equatable {
    public let low: Double?
    public let high: Double?
    public init(low: Double? = nil, high: Double? = nil) {
        self.low = low
        self.high = high
    }
    public static let none = CriticalLimits()
}

/// How much change from the patient's previous result of the same test is worth a flag.
public enum DeltaRule: Sendable, Equatable {
    /// A change of more than this many canonical units, either way.
    case absolute(Double)
    /// A change of more than this percentage of the previous value, either way.
    case percent(Double)
}

/// One test of the catalogue.
public struct LabTest: Sendable {
    /// LOINC code, e.g. `718-7`.
    public let code: String
    /// Short stable key used in panels and on screen, e.g. `HGB`.
    public let key: String
    public let name: Translation
    /// Other names and abbreviations labs print (any language, any case), e.g. `Hb`, `Гемоглобин`.
    public let aliases: [String]
    /// The canonical unit (ranges, limits and deltas are in it).
    public let unit: LabUnit
    /// Other units labs print, with their conversion.
    public let otherUnits: [LabUnit]
    /// Decimals to show in the canonical unit.
    public let decimals: Int
    /// Values outside this (canonical unit) are impossible: a typing error, refused at the field.
    public let plausible: ClosedRange<Double>
    public let ranges: [ReferenceRange]
    public let critical: CriticalLimits
    public let delta: DeltaRule?
    /// Where the ranges and limits come from.
    public let source: String

    public init(code: String, key: String, name: Translation, aliases: [String] = [], unit: LabUnit, otherUnits: [LabUnit] = [],
                decimals: Int, plausible: ClosedRange<Double>, ranges: [ReferenceRange], critical: CriticalLimits = .none,
                delta: DeltaRule? = nil, source: String) {
        self.code = code
        self.key = key
        self.name = name
        self.aliases = aliases
        self.unit = unit
        self.otherUnits = otherUnits
        self.decimals = decimals
        self.plausible = plausible
        self.ranges = ranges
        self.critical = critical
        self.delta = delta
        self.source = source
    }

    /// Every unit the test may be entered in, canonical first.
    public var units: [LabUnit] { [unit] + otherUnits }
}

/// A group of tests ordered together, e.g. a complete blood count.
public struct LabPanel: Sendable {
    public let id: String
    public let name: Translation
    /// The tests' keys, in the order a lab prints them.
    public let tests: [String]

    public init(id: String, name: Translation, tests: [String]) {
        self.id = id
        self.name = name
        self.tests = tests
    }
}
