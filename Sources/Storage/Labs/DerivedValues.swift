import Foundation

/// A value computed from an analysis's results, shown with its formula and inputs.
public struct DerivedValue: Sendable, Equatable {
    public enum Kind: String, Sendable, CaseIterable {
        case egfr, ldlFriedewald = "ldl_friedewald", nonHDL = "non_hdl", homaIR = "homa_ir", anionGap = "anion_gap"
        case correctedCalcium = "corrected_calcium", bmi
    }

    public let kind: Kind
    public let value: Double
    public let unit: String
    public let decimals: Int
    /// The inputs, by test key, in the units the formula uses.
    public let inputs: [(key: String, value: Double, unit: String)]

    public static func == (a: Self, b: Self) -> Bool {
        a.kind == b.kind && a.value == b.value && a.unit == b.unit && a.inputs.map(\.key) == b.inputs.map(\.key)
            && a.inputs.map(\.value) == b.inputs.map(\.value)
    }

    public var formatted: String { String(format: "%.\(decimals)f", value) }
}

/// The formulas. Inputs are canonical values by LOINC code; every function returns nil when an
/// input is missing or the formula does not apply.
public enum DerivedValues {
    // LOINC codes of the inputs.
    static let creatinine = "2160-0", cholesterol = "2093-3", hdl = "2085-9", triglycerides = "2571-8"
    static let glucose = "2345-7", insulin = "20448-7", sodium = "2951-2", chloride = "2075-0", bicarbonate = "2028-9"
    static let calcium = "17861-6", albumin = "1751-7", height = "8302-2", weight = "29463-7"

    public static func all(_ values: [String: Double], sex: Sex?, ageYears: Double?) -> [DerivedValue] {
        [egfr(values, sex: sex, ageYears: ageYears), ldl(values), nonHDL(values), homaIR(values), anionGap(values),
         correctedCalcium(values), bmi(values)].compactMap { $0 }
    }

    /// CKD-EPI 2021 creatinine equation (no race term), for adults; mL/min/1.73 m².
    /// 142 × min(Scr/κ, 1)^α × max(Scr/κ, 1)^−1.200 × 0.9938^age × 1.012 (female);
    /// κ 0.7 (F) / 0.9 (M), α −0.241 (F) / −0.302 (M); Scr in mg/dL.
    public static func egfr(_ v: [String: Double], sex: Sex?, ageYears: Double?) -> DerivedValue? {
        guard let scr = v[creatinine], scr > 0, let age = ageYears, age >= 18, sex == .male || sex == .female else { return nil }
        let female = sex == .female
        let kappa = female ? 0.7 : 0.9, alpha = female ? -0.241 : -0.302
        let ratio = scr / kappa
        var e = 142 * pow(min(ratio, 1), alpha) * pow(max(ratio, 1), -1.200) * pow(0.9938, age.rounded(.down))
        if female { e *= 1.012 }
        return DerivedValue(kind: .egfr, value: e, unit: "mL/min/1.73 m²", decimals: 0,
                            inputs: [("CREA", scr, "mg/dL"), ("AGE", age.rounded(.down), "years")])
    }

    /// Friedewald: TC − HDL − TG/5 (mg/dL); not valid when TG > 400 mg/dL (4.52 mmol/L).
    public static func ldl(_ v: [String: Double]) -> DerivedValue? {
        guard let tc = v[cholesterol], let h = v[hdl], let tg = v[triglycerides], tg <= 400 else { return nil }
        return DerivedValue(kind: .ldlFriedewald, value: tc - h - tg / 5, unit: "mg/dL", decimals: 0,
                            inputs: [("CHOL", tc, "mg/dL"), ("HDL", h, "mg/dL"), ("TRIG", tg, "mg/dL")])
    }

    /// Total cholesterol − HDL (mg/dL).
    public static func nonHDL(_ v: [String: Double]) -> DerivedValue? {
        guard let tc = v[cholesterol], let h = v[hdl] else { return nil }
        return DerivedValue(kind: .nonHDL, value: tc - h, unit: "mg/dL", decimals: 0,
                            inputs: [("CHOL", tc, "mg/dL"), ("HDL", h, "mg/dL")])
    }

    /// Fasting glucose (mg/dL) × fasting insulin (µIU/mL) / 405.
    public static func homaIR(_ v: [String: Double]) -> DerivedValue? {
        guard let g = v[glucose], let i = v[insulin] else { return nil }
        return DerivedValue(kind: .homaIR, value: g * i / 405, unit: "", decimals: 2,
                            inputs: [("GLU", g, "mg/dL"), ("INS", i, "µIU/mL")])
    }

    /// Na − (Cl + HCO₃), mmol/L.
    public static func anionGap(_ v: [String: Double]) -> DerivedValue? {
        guard let na = v[sodium], let cl = v[chloride], let hco3 = v[bicarbonate] else { return nil }
        return DerivedValue(kind: .anionGap, value: na - (cl + hco3), unit: "mmol/L", decimals: 0,
                            inputs: [("NA", na, "mmol/L"), ("CL", cl, "mmol/L"), ("CO2", hco3, "mmol/L")])
    }

    /// Ca + 0.8 × (4.0 − albumin), mg/dL with albumin in g/dL (Payne).
    public static func correctedCalcium(_ v: [String: Double]) -> DerivedValue? {
        guard let ca = v[calcium], let alb = v[albumin] else { return nil }
        return DerivedValue(kind: .correctedCalcium, value: ca + 0.8 * (4.0 - alb), unit: "mg/dL", decimals: 1,
                            inputs: [("CA", ca, "mg/dL"), ("ALB", alb, "g/dL")])
    }

    /// Weight (kg) / height (m)²; height in cm.
    public static func bmi(_ v: [String: Double]) -> DerivedValue? {
        guard let h = v[height], h > 0, let w = v[weight] else { return nil }
        let m = h / 100
        return DerivedValue(kind: .bmi, value: w / (m * m), unit: "kg/m²", decimals: 1,
                            inputs: [("HEIGHT", h, "cm"), ("WEIGHT", w, "kg")])
    }
}
