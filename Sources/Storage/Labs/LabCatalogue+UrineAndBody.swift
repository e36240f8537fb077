// The catalogue's urinalysis and the body measurements used for BMI.
// Conventions and helpers: LabCatalogue+Data.swift.

extension LabCatalogueData {
    // MARK: - Urinalysis

    static let uSG = LabTest(
        code: "5811-5", key: "USG",
        name: Translation("Urine specific gravity", uz: "Siydikning nisbiy zichligi", ru: "Удельный вес мочи"),
        aliases: ["USG", "SG", "Specific gravity", "Urine specific gravity", "Удельный вес",
                  "Относительная плотность", "Плотность мочи", "Siydikning nisbiy zichligi", "Solishtirma zichlik"],
        unit: LabUnit("1", display: ""),
        decimals: 3, plausible: 1.000...1.060,
        ranges: all(1.005, 1.030),
        source: tietz
    )

    static let uPH = LabTest(
        code: "5803-2", key: "UPH",
        name: Translation("Urine pH", uz: "Siydik pH", ru: "pH мочи"),
        aliases: ["UPH", "pH", "Urine pH", "pH мочи", "Реакция мочи", "Siydik pH"],
        unit: LabUnit("[pH]", display: "pH"),
        decimals: 1, plausible: 4...9.5,
        ranges: all(5.0, 8.0),
        source: tietz
    )

    // Dipstick results in mg/dL: negative is below the pad's first block.
    static let uProtein = LabTest(
        code: "5804-0", key: "UPRO",
        name: Translation("Urine protein", uz: "Siydikdagi oqsil", ru: "Белок в моче"),
        aliases: ["UPRO", "PRO", "Urine protein", "Protein (urine)", "Белок в моче", "Белок (моча)",
                  "Siydikdagi oqsil"],
        unit: mgPerDL,
        otherUnits: [LabUnit("g/L", toCanonical: 100)],
        decimals: 0, plausible: 0...5000,
        ranges: all(nil, 14),
        source: tietz
    )

    static let uGlucose = LabTest(
        code: "5792-7", key: "UGLU",
        name: Translation("Urine glucose", uz: "Siydikdagi glyukoza", ru: "Глюкоза в моче"),
        aliases: ["UGLU", "Urine glucose", "Glucose (urine)", "Глюкоза в моче", "Глюкоза (моча)",
                  "Siydikdagi glyukoza", "Siydikdagi qand"],
        unit: mgPerDL,
        otherUnits: [LabUnit("mmol/L", toCanonical: 18.016)],
        decimals: 0, plausible: 0...10000,
        ranges: all(nil, 14),
        source: tietz
    )

    static let uKetones = LabTest(
        code: "5797-6", key: "UKET",
        name: Translation("Urine ketones", uz: "Siydikdagi keton tanachalari", ru: "Кетоновые тела в моче"),
        aliases: ["UKET", "KET", "Ketones", "Urine ketones", "Кетоновые тела", "Кетоны", "Ацетон в моче",
                  "Siydikdagi keton tanachalari", "Ketonlar"],
        unit: mgPerDL,
        // As acetoacetate (102.09 g/mol), which the strip detects: 1 mmol/L = 10.21 mg/dL.
        otherUnits: [LabUnit("mmol/L", toCanonical: 10.21)],
        decimals: 0, plausible: 0...500,
        ranges: all(nil, 4),
        source: tietz
    )

    static let uWBC = LabTest(
        code: "5821-4", key: "UWBC",
        name: Translation("Urine leukocytes (per high-power field)", uz: "Siydikdagi leykotsitlar (koʻrish maydonida)",
                          ru: "Лейкоциты в моче (в поле зрения)"),
        aliases: ["UWBC", "Urine WBC", "WBC/HPF", "Leukocytes (urine)", "Лейкоциты в моче", "Лейкоциты (моча)",
                  "Лейкоциты в п/з", "Siydikdagi leykotsitlar"],
        unit: perHPF,
        decimals: 0, plausible: 0...1000,
        ranges: all(nil, 5),
        source: tietz
    )

    static let uRBC = LabTest(
        code: "13945-1", key: "URBC",
        name: Translation("Urine erythrocytes (per high-power field)", uz: "Siydikdagi eritrotsitlar (koʻrish maydonida)",
                          ru: "Эритроциты в моче (в поле зрения)"),
        aliases: ["URBC", "Urine RBC", "RBC/HPF", "Erythrocytes (urine)", "Эритроциты в моче", "Эритроциты (моча)",
                  "Эритроциты в п/з", "Siydikdagi eritrotsitlar"],
        unit: perHPF,
        decimals: 0, plausible: 0...1000,
        ranges: all(nil, 2),
        source: tietz
    )

    // MARK: - Body measurements

    static let height = LabTest(
        code: "8302-2", key: "HEIGHT",
        name: Translation("Body height", uz: "Boʻy", ru: "Рост"),
        aliases: ["HEIGHT", "Height", "Body height", "Рост", "Boʻy", "Boʻyi"],
        unit: LabUnit("cm"),
        otherUnits: [LabUnit("m", toCanonical: 100), LabUnit("[in_i]", display: "in", toCanonical: 2.54)],
        decimals: 1, plausible: 20...272,
        ranges: [],
        source: noRange
    )

    static let weight = LabTest(
        code: "29463-7", key: "WEIGHT",
        name: Translation("Body weight", uz: "Tana vazni", ru: "Масса тела"),
        aliases: ["WEIGHT", "Weight", "Body weight", "Вес", "Масса тела", "Vazn", "Tana vazni"],
        unit: LabUnit("kg"),
        otherUnits: [LabUnit("g", toCanonical: 0.001), LabUnit("[lb_av]", display: "lb", toCanonical: 0.45359237)],
        decimals: 1, plausible: 0.2...650,
        ranges: [],
        source: noRange
    )
}
