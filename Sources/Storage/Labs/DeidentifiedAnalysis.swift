import Foundation

/// What an outside reader (an AI model) may see of an analysis: the age band, sex, pregnancy and
/// the results with their ranges and flags, the derived values. Never a name, id, phone, address,
/// birth date, the lab, the comment or an exact date.
public struct DeidentifiedAnalysis: Codable, Sendable, Equatable {
    public struct Result: Codable, Sendable, Equatable {
        public var test: String
        public var loinc: String
        public var value: Double
        public var unit: String
        public var referenceLow: Double?
        public var referenceHigh: Double?
        public var flag: String
    }

    public struct Derived: Codable, Sendable, Equatable {
        public var name: String
        public var value: Double
        public var unit: String
    }

    public var ageBand: String?
    public var sex: String?
    public var pregnant: Bool
    public var results: [Result]
    public var derived: [Derived]

    public init(patient: Patient, analysis: AnalysisDraft, interpretation: AnalysisInterpretation) {
        ageBand = patient.age(on: analysis.takenOn).map(Self.band)
        sex = patient.details.sex.flatMap { $0 == .male || $0 == .female ? $0.rawValue : nil }
        pregnant = analysis.pregnant
        results = interpretation.results.compactMap { r in
            guard let test = LabCatalogue.test(code: r.test) else { return nil }
            return Result(test: test.name.en, loinc: test.code, value: Self.round(r.canonical), unit: test.unit.ucum,
                          referenceLow: r.range?.low, referenceHigh: r.range?.high, flag: r.flag.rawValue)
        }
        derived = interpretation.derived.map { Derived(name: $0.kind.rawValue, value: Self.round($0.value), unit: $0.unit) }
    }

    /// Ten-year bands for adults ("40-49", "90+"), coarser for children ("0-4", "5-11", "12-17").
    static func band(_ age: Double) -> String {
        if age < 5 { return "0-4" }
        if age < 12 { return "5-11" }
        if age < 18 { return "12-17" }
        if age < 20 { return "18-19" }
        if age >= 90 { return "90+" }
        let decade = Int(age / 10) * 10
        return "\(decade)-\(decade + 9)"
    }

    static func round(_ v: Double) -> Double { (v * 1000).rounded() / 1000 }
}
