// The catalogue's chemistry: metabolic panels, liver, lipids, kidney.
// Conventions and helpers: LabCatalogue+Data.swift.

extension LabCatalogueData {
    // MARK: - Metabolic panels

    static let glu = LabTest(
        code: "2345-7", key: "GLU",
        name: Translation("Glucose", uz: "Qondagi glyukoza", ru: "Глюкоза"),
        aliases: ["GLU", "Glucose", "Fasting glucose", "FPG", "Blood glucose", "Глюкоза", "Глюкоза крови",
                  "Глюкоза натощак", "Сахар крови", "Glyukoza", "Qand", "Qondagi qand", "Qondagi glyukoza"],
        unit: mgPerDL,
        otherUnits: [LabUnit("mmol/L", toCanonical: 18.016)],
        decimals: 0, plausible: 5...2000,
        // Fasting. Pregnancy: a fasting value ≥ 92 mg/dL is gestational diabetes (IADPSG criteria, used by ADA).
        ranges: ages([(month, 50, 80), (18, 60, 100), (150, 70, 99)], pregnant: (70, 91)),
        critical: CriticalLimits(low: 45, high: 500),
        source: adaTietz
    )

    static let bun = LabTest(
        code: "3094-0", key: "BUN",
        name: Translation("Urea / urea nitrogen (BUN)", uz: "Mochevina (mochevina azoti)",
                          ru: "Мочевина (азот мочевины)"),
        aliases: ["BUN", "UREA", "Urea", "Urea nitrogen", "Blood urea nitrogen", "Мочевина", "Азот мочевины",
                  "Mochevina", "Karbamid"],
        unit: mgPerDL,
        // CIS labs print urea in mmol/L: × 2.801 (28.014 mg of nitrogen per mmol of urea, per dL)
        // gives BUN in mg/dL. Urea printed in mg/dL (the whole molecule, 2.14 × BUN) is not offered:
        // it would share the canonical unit's code.
        otherUnits: [LabUnit("mmol/L", display: "mmol/L (urea)", toCanonical: 2.801)],
        decimals: 0, plausible: 0.5...300,
        ranges: ages([(month, 3, 12), (18, 5, 18), (60, 7, 20), (150, 8, 23)]),
        source: tietz
    )

    static let crea = LabTest(
        code: "2160-0", key: "CREA",
        name: Translation("Creatinine", uz: "Kreatinin", ru: "Креатинин"),
        aliases: ["CREA", "CRE", "CREAT", "Creatinine", "Креатинин", "Kreatinin"],
        unit: mgPerDL,
        otherUnits: [LabUnit("umol/L", display: "µmol/L", toCanonical: 1 / 88.42)],
        decimals: 2, plausible: 0.05...40,
        ranges: sexes(
            children: [(month, 0.3, 1.0), (1, 0.2, 0.4), (12, 0.3, 0.7), (18, 0.5, 1.0)],
            male: [(150, 0.74, 1.35)],
            female: [(150, 0.59, 1.04)]
        ),
        delta: .percent(50),
        source: mayoTietz
    )

    static let na = LabTest(
        code: "2951-2", key: "NA",
        name: Translation("Sodium", uz: "Natriy", ru: "Натрий"),
        aliases: ["NA", "Na+", "Sodium", "Натрий", "Natriy"],
        unit: mmolPerL, otherUnits: [mEqPerL],
        decimals: 0, plausible: 80...200,
        ranges: ages([(month, 133, 146), (150, 135, 145)]),
        critical: CriticalLimits(low: 120, high: 160), delta: .absolute(8),
        source: tietz
    )

    static let k = LabTest(
        code: "2823-3", key: "K",
        name: Translation("Potassium", uz: "Kaliy", ru: "Калий"),
        aliases: ["K", "K+", "Potassium", "Калий", "Kaliy"],
        unit: mmolPerL, otherUnits: [mEqPerL],
        decimals: 1, plausible: 1...12,
        ranges: ages([(month, 3.7, 5.9), (1, 4.1, 5.3), (18, 3.4, 4.7), (150, 3.5, 5.1)]),
        critical: CriticalLimits(low: 2.8, high: 6.2), delta: .absolute(1.0),
        source: tietz
    )

    static let cl = LabTest(
        code: "2075-0", key: "CL",
        name: Translation("Chloride", uz: "Xlor (xloridlar)", ru: "Хлор (хлориды)"),
        aliases: ["CL", "Cl-", "Chloride", "Хлор", "Хлориды", "Xlor", "Xloridlar"],
        unit: mmolPerL, otherUnits: [mEqPerL],
        decimals: 0, plausible: 40...180,
        ranges: ages([(month, 98, 113), (150, 98, 107)]),
        source: tietz
    )

    static let co2 = LabTest(
        code: "2028-9", key: "CO2",
        name: Translation("Bicarbonate (total CO₂)", uz: "Bikarbonat (umumiy CO₂)", ru: "Бикарбонат (общий CO₂)"),
        aliases: ["CO2", "TCO2", "Total CO2", "HCO3", "HCO3-", "Bicarbonate", "Бикарбонат", "Гидрокарбонат",
                  "Общий CO2", "Bikarbonat"],
        unit: mmolPerL, otherUnits: [mEqPerL],
        decimals: 0, plausible: 1...70,
        ranges: ages([(month, 13, 22), (18, 20, 28), (60, 22, 29), (150, 23, 31)]),
        critical: CriticalLimits(low: 10, high: 40),
        source: tietz
    )

    static let ca = LabTest(
        code: "17861-6", key: "CA",
        name: Translation("Calcium, total", uz: "Umumiy kalsiy", ru: "Кальций общий"),
        aliases: ["CA", "Calcium", "Total calcium", "Кальций", "Кальций общий", "Общий кальций", "Kalsiy",
                  "Umumiy kalsiy"],
        unit: mgPerDL,
        otherUnits: [LabUnit("mmol/L", toCanonical: 4.008), LabUnit("meq/L", display: "mEq/L", toCanonical: 2.004)],
        decimals: 1, plausible: 1...25,
        ranges: ages([(week, 7.0, 12.0), (18, 8.8, 10.8), (90, 8.6, 10.3), (150, 8.2, 9.6)]),
        critical: CriticalLimits(low: 6.5, high: 13),
        source: tietz
    )

    static let tp = LabTest(
        code: "2885-2", key: "TP",
        name: Translation("Total protein", uz: "Umumiy oqsil", ru: "Общий белок"),
        aliases: ["TP", "Total protein", "Protein, total", "Общий белок", "Белок общий", "Umumiy oqsil"],
        unit: gPerDL, otherUnits: proteinOthers,
        decimals: 1, plausible: 1...15,
        ranges: ages([(week, 4.6, 7.0), (0.5, 4.4, 7.6), (2, 5.1, 7.5), (18, 6.0, 8.0), (150, 6.4, 8.3)]),
        source: tietz
    )

    static let alb = LabTest(
        code: "1751-7", key: "ALB",
        name: Translation("Albumin", uz: "Albumin", ru: "Альбумин"),
        aliases: ["ALB", "Albumin", "Альбумин"],
        unit: gPerDL, otherUnits: proteinOthers,
        decimals: 1, plausible: 0.5...8,
        ranges: ages([(4 * day, 2.8, 4.4), (14, 3.8, 5.4), (18, 3.2, 4.5), (60, 3.5, 5.2), (150, 3.2, 4.6)]),
        source: tietz
    )

    static let tbil = LabTest(
        code: "1975-2", key: "TBIL",
        name: Translation("Bilirubin, total", uz: "Umumiy bilirubin", ru: "Билирубин общий"),
        aliases: ["TBIL", "T-BIL", "Bilirubin", "Total bilirubin", "Билирубин общий", "Общий билирубин",
                  "Umumiy bilirubin"],
        unit: mgPerDL, otherUnits: bilirubinOthers,
        decimals: 1, plausible: 0...50,
        // First month: physiological jaundice, judged on hour-specific nomograms rather than a range.
        // The critical limit is the neonatal one.
        ranges: ages([(month, nil, 12.0), (150, nil, 1.2)]),
        critical: CriticalLimits(high: 15),
        source: tietz
    )

    static let alp = LabTest(
        code: "6768-6", key: "ALP",
        name: Translation("Alkaline phosphatase", uz: "Ishqoriy fosfataza", ru: "Щелочная фосфатаза"),
        aliases: ["ALP", "ALKP", "Alkaline phosphatase", "Щелочная фосфатаза", "ЩФ", "Ishqoriy fosfataza"],
        unit: unitsPerL, otherUnits: enzymeOthers,
        decimals: 0, plausible: 1...5000,
        // Bone growth raises ALP in children and adolescents, with sex differences from 13.
        ranges: sexes(
            children: [(15 * day, 90, 273), (1, 134, 518), (10, 156, 369), (13, 141, 460)],
            male: [(15, 127, 517), (17, 89, 365), (19, 59, 164), (150, 40, 129)],
            female: [(15, 62, 280), (17, 54, 128), (19, 48, 95), (150, 35, 104)]
        ),
        source: mayoCaliper
    )

    static let alt = LabTest(
        code: "1742-6", key: "ALT",
        name: Translation("Alanine aminotransferase (ALT)", uz: "Alaninaminotransferaza (ALT)",
                          ru: "Аланинаминотрансфераза (АЛТ)"),
        aliases: ["ALT", "ALAT", "SGPT", "GPT", "Alanine aminotransferase", "АЛТ", "АлАТ", "Аланинаминотрансфераза",
                  "Alaninaminotransferaza"],
        unit: unitsPerL, otherUnits: enzymeOthers,
        decimals: 0, plausible: 1...10000,
        ranges: sexes(children: [(12, 5, 45)], male: [(150, 10, 40)], female: [(150, 7, 35)]),
        source: tietz
    )

    static let ast = LabTest(
        code: "1920-8", key: "AST",
        name: Translation("Aspartate aminotransferase (AST)", uz: "Aspartataminotransferaza (AST)",
                          ru: "Аспартатаминотрансфераза (АСТ)"),
        aliases: ["AST", "ASAT", "SGOT", "GOT", "Aspartate aminotransferase", "АСТ", "АсАТ",
                  "Аспартатаминотрансфераза", "Aspartataminotransferaza"],
        unit: unitsPerL, otherUnits: enzymeOthers,
        decimals: 0, plausible: 1...20000,
        ranges: sexes(
            children: [(month, 25, 75), (1, 15, 60), (4, 20, 60), (7, 15, 50), (12, 15, 40)],
            male: [(150, 10, 40)],
            female: [(150, 10, 35)]
        ),
        source: tietz
    )

    // MARK: - Liver

    static let ggt = LabTest(
        code: "2324-2", key: "GGT",
        name: Translation("Gamma-glutamyl transferase (GGT)", uz: "Gammaglutamiltransferaza (GGT)",
                          ru: "Гамма-глутамилтрансфераза (ГГТ)"),
        aliases: ["GGT", "GGTP", "γ-GT", "Gamma-GT", "Gamma-glutamyl transferase", "ГГТ", "ГГТП", "Гамма-ГТ",
                  "Гамма-глутамилтрансфераза", "Gammaglutamiltransferaza"],
        unit: unitsPerL, otherUnits: enzymeOthers,
        decimals: 0, plausible: 1...5000,
        ranges: sexes(
            children: [(month, 13, 147), (4 * month, 8, 123), (10, 5, 32), (15, 5, 24)],
            male: [(150, 8, 61)],
            female: [(150, 5, 36)]
        ),
        source: mayoTietz
    )

    static let dbil = LabTest(
        code: "1968-7", key: "DBIL",
        name: Translation("Bilirubin, direct", uz: "Toʻgʻri (bogʻlangan) bilirubin", ru: "Билирубин прямой"),
        aliases: ["DBIL", "D-BIL", "Direct bilirubin", "Conjugated bilirubin", "Билирубин прямой",
                  "Прямой билирубин", "Билирубин связанный", "Toʻgʻri bilirubin", "Bogʻlangan bilirubin"],
        unit: mgPerDL, otherUnits: bilirubinOthers,
        decimals: 1, plausible: 0...40,
        ranges: all(nil, 0.3),
        source: mayo
    )

    // MARK: - Lipids

    static let chol = LabTest(
        code: "2093-3", key: "CHOL",
        name: Translation("Total cholesterol", uz: "Umumiy xolesterin", ru: "Холестерин общий"),
        aliases: ["CHOL", "TC", "Cholesterol", "Total cholesterol", "Холестерин", "Холестерин общий",
                  "Общий холестерин", "Xolesterin", "Umumiy xolesterin"],
        unit: mgPerDL, otherUnits: cholesterolOthers,
        decimals: 0, plausible: 10...2000,
        // Desirable: adults < 200, children and adolescents < 170 mg/dL.
        ranges: ages([(18, nil, 169), (150, nil, 199)]),
        source: lipids
    )

    static let hdl = LabTest(
        code: "2085-9", key: "HDL",
        name: Translation("HDL cholesterol", uz: "Yuqori zichlikdagi lipoproteinlar xolesterini (HDL)",
                          ru: "Холестерин ЛПВП"),
        aliases: ["HDL", "HDL-C", "HDL cholesterol", "ЛПВП", "ХС-ЛПВП", "Холестерин ЛПВП", "YZLP"],
        unit: mgPerDL, otherUnits: cholesterolOthers,
        decimals: 0, plausible: 1...300,
        // Low: men < 40, women < 50 (metabolic syndrome criterion), children < 45 mg/dL.
        ranges: sexes(children: [(18, 45, nil)], male: [(150, 40, nil)], female: [(150, 50, nil)]),
        source: lipids
    )

    static let ldl = LabTest(
        code: "13457-7", key: "LDL",
        name: Translation("LDL cholesterol (calculated)",
                          uz: "Past zichlikdagi lipoproteinlar xolesterini (LDL, hisoblangan)",
                          ru: "Холестерин ЛПНП (расчётный)"),
        aliases: ["LDL", "LDL-C", "LDL cholesterol", "LDL calculated", "ЛПНП", "ХС-ЛПНП", "Холестерин ЛПНП", "PZLP"],
        unit: mgPerDL, otherUnits: cholesterolOthers,
        decimals: 0, plausible: 1...1500,
        // Optimal: adults < 100, children and adolescents < 110 mg/dL.
        ranges: ages([(18, nil, 109), (150, nil, 99)]),
        source: lipids
    )

    static let ldlDirect = LabTest(
        code: "18262-6", key: "LDLD",
        name: Translation("LDL cholesterol (direct)",
                          uz: "Past zichlikdagi lipoproteinlar xolesterini (LDL, bevosita)",
                          ru: "Холестерин ЛПНП (прямой)"),
        aliases: ["LDLD", "LDL direct", "Direct LDL", "DLDL", "ЛПНП прямой", "ЛПНП (прямое определение)"],
        unit: mgPerDL, otherUnits: cholesterolOthers,
        decimals: 0, plausible: 1...1500,
        ranges: ages([(18, nil, 109), (150, nil, 99)]),
        source: lipids
    )

    static let trig = LabTest(
        code: "2571-8", key: "TRIG",
        name: Translation("Triglycerides", uz: "Triglitseridlar", ru: "Триглицериды"),
        aliases: ["TRIG", "TG", "Triglycerides", "Триглицериды", "Triglitseridlar"],
        unit: mgPerDL,
        otherUnits: [LabUnit("mmol/L", toCanonical: 88.57)],
        decimals: 0, plausible: 5...10000,
        // Normal: adults < 150; children 0–9 years < 75, 10–19 years < 90 mg/dL.
        ranges: ages([(10, nil, 74), (18, nil, 89), (150, nil, 149)]),
        source: lipids
    )

    // MARK: - Kidney

    static let uric = LabTest(
        code: "3084-1", key: "URIC",
        name: Translation("Uric acid", uz: "Siydik kislotasi", ru: "Мочевая кислота"),
        aliases: ["URIC", "UA", "Uric acid", "Urate", "Мочевая кислота", "Siydik kislotasi"],
        unit: mgPerDL,
        otherUnits: [LabUnit("umol/L", display: "µmol/L", toCanonical: 1 / 59.48)],
        decimals: 1, plausible: 0.1...30,
        ranges: sexes(children: [(12, 2.0, 5.5)], male: [(150, 3.5, 7.2)], female: [(150, 2.6, 6.0)]),
        source: tietz
    )

    static let uacr = LabTest(
        code: "9318-7", key: "UACR",
        name: Translation("Urine albumin/creatinine ratio", uz: "Siydikdagi albumin/kreatinin nisbati",
                          ru: "Отношение альбумин/креатинин в моче"),
        aliases: ["UACR", "ACR", "Albumin/creatinine ratio", "Microalbumin/creatinine ratio", "Альбумин/креатинин",
                  "Отношение альбумин/креатинин", "Albumin/kreatinin nisbati"],
        unit: LabUnit("mg/g"),
        // 1 mg/mmol = 8.84 mg/g (creatinine 113.12 g/mol); µg/mg is the same as mg/g.
        otherUnits: [LabUnit("mg/mmol", toCanonical: 8.84), LabUnit("ug/mg", display: "µg/mg")],
        decimals: 1, plausible: 0...20000,
        // KDIGO A1 (normal to mildly increased) is < 30 mg/g; A2 30–300; A3 > 300.
        ranges: all(nil, 29.9),
        source: kdigo
    )
}
