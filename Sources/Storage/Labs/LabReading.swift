import Foundation

/// One sentence of a reading, language-neutral: a rule and what it found. Stored (encrypted) with
/// the analysis; shown in the reader's language by `ReadingText`.
public struct ReadingFinding: Sendable, Equatable, Codable {
    public enum Rule: String, Sendable, Codable, CaseIterable {
        case abnormal, microcyticAnaemia = "microcytic_anaemia", ironDeficiency = "iron_deficiency"
        case macrocyticAnaemia = "macrocytic_anaemia", anaemia, ckdStage = "ckd_stage", dyslipidaemia
        case diabetesRange = "diabetes_range", prediabetes, hypothyroidism, subclinicalHypothyroidism = "subclinical_hypothyroidism"
        case hyperthyroidism, subclinicalHyperthyroidism = "subclinical_hyperthyroidism"
        case hepatocellularInjury = "hepatocellular_injury", cholestaticInjury = "cholestatic_injury", mixedInjury = "mixed_injury"
        case allNormal = "all_normal"
        /// A reading written by an AI model (`values["text"]`, `values["model"]`), kept beside the rules'.
        case aiReading = "ai_reading"
    }

    public var rule: Rule
    /// For `abnormal`: the test's LOINC code and the flag.
    public var code: String?
    public var flag: LabFlag?
    /// Values the sentence quotes, e.g. `value`, `unit`, `range`, `stage`, `egfr`.
    public var values: [String: String]

    public init(_ rule: Rule, code: String? = nil, flag: LabFlag? = nil, values: [String: String] = [:]) {
        self.rule = rule
        self.code = code
        self.flag = flag
        self.values = values
    }
}

/// Everything the product says about an analysis: each result against its range, the derived
/// values and the reading.
public struct AnalysisInterpretation: Sendable, Equatable {
    public let results: [InterpretedResult]
    public let derived: [DerivedValue]
    public let findings: [ReadingFinding]
}

/// The rules. Inputs are the analysis's results; the patient's sex and age on the day; pregnancy;
/// and, for delta checks, the patient's previous canonical value of each test.
public enum LabInterpreter {
    public static func interpret(_ results: [LabResult], sex: Sex?, ageYears: Double?, pregnant: Bool,
                                 previous: [String: Double] = [:]) -> AnalysisInterpretation {
        var interpreted: [InterpretedResult] = []
        var canonical: [String: Double] = [:]
        var flags: [String: LabFlag] = [:]
        var highs: [String: Double] = [:]
        for r in results {
            guard let test = LabCatalogue.test(code: r.code), let unit = LabCatalogue.unit(r.unit, of: test) else { continue }
            let value = r.value * unit.toCanonical
            let labRange = r.rangeLow != nil || r.rangeHigh != nil
            let range: (low: Double?, high: Double?)? = labRange
                ? (r.rangeLow.map { $0 * unit.toCanonical }, r.rangeHigh.map { $0 * unit.toCanonical })
                : test.range(sex: sex, ageYears: ageYears, pregnant: pregnant).map { ($0.low, $0.high) }
            let flag = test.flag(value, low: range?.low, high: range?.high)
            let delta = previous[r.code].flatMap { p in test.deltaExceeded(previous: p, current: value) ? value - p : nil }
            interpreted.append(InterpretedResult(test: test.code, value: r.value, canonical: value, range: range,
                                                 labRange: labRange, flag: flag, delta: delta))
            canonical[test.code] = value
            flags[test.code] = flag
            if let h = range?.high { highs[test.code] = h }
        }
        let derived = DerivedValues.all(canonical, sex: sex, ageYears: ageYears)
        var findings: [ReadingFinding] = interpreted.filter { $0.flag.isAbnormal }.compactMap { r in
            guard let test = LabCatalogue.test(code: r.test) else { return nil }
            return ReadingFinding(.abnormal, code: r.test, flag: r.flag,
                                  values: ["value": test.format(r.canonical), "unit": test.unit.display,
                                           "range": Self.rangeText(r.range, test)])
        }
        findings += patterns(canonical, flags: flags, highs: highs, sex: sex, derived: derived)
        if findings.isEmpty && !interpreted.isEmpty { findings = [ReadingFinding(.allNormal)] }
        return AnalysisInterpretation(results: interpreted, derived: derived, findings: findings)
    }

    /// `low–high`, `< high` or `> low` in the canonical unit.
    public static func rangeText(_ range: (low: Double?, high: Double?)?, _ test: LabTest) -> String {
        switch (range?.low, range?.high) {
        case let (l?, h?): "\(test.format(l))–\(test.format(h))"
        case let (nil, h?): "< \(test.format(h))"
        case let (l?, nil): "> \(test.format(l))"
        default: "—"
        }
    }

    // LOINC codes the patterns read.
    static let hgb = "718-7", mcv = "787-2", ferritin = "2276-4", tsh = "3016-3", ft4 = "3024-7", hba1c = "4548-4"
    static let glucose = "2345-7", alt = "1742-6", alp = "6768-6", ldl = "13457-7", ldlDirect = "18262-6"
    static let cholesterol = "2093-3", triglycerides = "2571-8", hdl = "2085-9"

    static func patterns(_ v: [String: Double], flags: [String: LabFlag], highs: [String: Double], sex: Sex?,
                         derived: [DerivedValue]) -> [ReadingFinding] {
        var out: [ReadingFinding] = []
        func low(_ code: String) -> Bool { flags[code] == .low || flags[code] == .criticalLow }
        func high(_ code: String) -> Bool { flags[code] == .high || flags[code] == .criticalHigh }
        func normal(_ code: String) -> Bool { flags[code] == .normal }

        // Anaemia by red-cell size.
        if low(hgb) {
            if let m = v[mcv], m < 80 {
                out.append(ReadingFinding(.microcyticAnaemia, values: ["mcv": String(format: "%.0f", m)]))
                if low(ferritin) { out.append(ReadingFinding(.ironDeficiency)) }
            } else if let m = v[mcv], m > 100 {
                out.append(ReadingFinding(.macrocyticAnaemia, values: ["mcv": String(format: "%.0f", m)]))
            } else {
                out.append(ReadingFinding(.anaemia))
            }
        }
        // Kidney function by eGFR (KDIGO G3a and below).
        if let e = derived.first(where: { $0.kind == .egfr })?.value, e < 60 {
            let stage = e >= 45 ? "G3a" : e >= 30 ? "G3b" : e >= 15 ? "G4" : "G5"
            out.append(ReadingFinding(.ckdStage, values: ["stage": stage, "egfr": String(format: "%.0f", e)]))
        }
        // Lipids (ATP III thresholds, mg/dL).
        let ldlValue = v[ldl] ?? v[ldlDirect] ?? derived.first { $0.kind == .ldlFriedewald }?.value
        let lowHDL = v[hdl].map { $0 < (sex == .female ? 50 : 40) } ?? false
        if (ldlValue ?? 0) >= 160 || (v[cholesterol] ?? 0) >= 240 || (v[triglycerides] ?? 0) >= 200 || lowHDL {
            out.append(ReadingFinding(.dyslipidaemia))
        }
        // Glycaemia (ADA): HbA1c, else fasting glucose.
        if let a = v[hba1c] {
            if a >= 6.5 { out.append(ReadingFinding(.diabetesRange, values: ["value": String(format: "%.1f", a), "unit": "%"])) }
            else if a >= 5.7 { out.append(ReadingFinding(.prediabetes, values: ["value": String(format: "%.1f", a), "unit": "%"])) }
        } else if let g = v[glucose] {
            if g >= 126 { out.append(ReadingFinding(.diabetesRange, values: ["value": String(format: "%.0f", g), "unit": "mg/dL"])) }
            else if g >= 100 { out.append(ReadingFinding(.prediabetes, values: ["value": String(format: "%.0f", g), "unit": "mg/dL"])) }
        }
        // Thyroid: TSH against free T4.
        if high(tsh) {
            out.append(ReadingFinding(low(ft4) ? .hypothyroidism : .subclinicalHypothyroidism))
        } else if low(tsh) {
            out.append(ReadingFinding(high(ft4) ? .hyperthyroidism : .subclinicalHyperthyroidism))
        }
        // Liver injury pattern: R = (ALT / its upper limit) / (ALP / its upper limit).
        if high(alt) || high(alp), let a = v[alt], let aHigh = highs[alt] {
            if let p = v[alp], let pHigh = highs[alp], p > 0 {
                let r = (a / aHigh) / (p / pHigh)
                let rule: ReadingFinding.Rule = r >= 5 ? .hepatocellularInjury : r <= 2 ? .cholestaticInjury : .mixedInjury
                out.append(ReadingFinding(rule, values: ["r": String(format: "%.1f", r)]))
            } else if a > 3 * aHigh {
                out.append(ReadingFinding(.hepatocellularInjury, values: ["r": "—"]))
            }
        }
        return out
    }
}
