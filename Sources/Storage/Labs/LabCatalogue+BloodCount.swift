// The catalogue's complete blood count with differential.
// Conventions and helpers: LabCatalogue+Data.swift.

extension LabCatalogueData {
    // MARK: - Complete blood count

    static let hgb = LabTest(
        code: "718-7", key: "HGB",
        name: Translation("Hemoglobin", uz: "Gemoglobin", ru: "Гемоглобин"),
        aliases: ["HGB", "Hb", "Hgb", "Haemoglobin", "Hemoglobin", "Гемоглобин", "Гб", "Нв", "Gemoglobin"],
        unit: gPerDL,
        otherUnits: [LabUnit("g/L", toCanonical: 0.1), LabUnit("mmol/L", toCanonical: 1.611)],
        decimals: 1, plausible: 1...25,
        // Newborn values fall to a nadir at about 2 months; in the first weeks they reach 22.5, but
        // the upper limit is held just under the critical limit. WHO anaemia thresholds: children
        // 6–59 months 11.0, 5–11 years 11.5, non-pregnant women 12.0, men 13.0, pregnancy 11.0.
        ranges: sexes(
            children: [(week, 14.5, 19.9), (month, 10.0, 19.9), (0.5, 9.4, 14.0), (2, 10.5, 13.5), (6, 11.5, 13.5), (12, 11.5, 15.5)],
            male: [(18, 13.0, 16.0), (65, 13.5, 17.5), (150, 13.0, 17.0)],
            female: [(18, 12.0, 16.0), (65, 12.0, 15.5), (150, 12.0, 15.5)],
            pregnant: (11.0, 15.5)
        ),
        critical: CriticalLimits(low: 7.0, high: 20.0), delta: .absolute(2.0),
        source: whoHb
    )

    static let rbc = LabTest(
        code: "789-8", key: "RBC",
        name: Translation("Erythrocytes (RBC)", uz: "Eritrotsitlar", ru: "Эритроциты"),
        aliases: ["RBC", "Erythrocytes", "Red blood cells", "Red cell count", "Эритроциты", "Эр", "Eritrotsitlar"],
        unit: LabUnit("10*6/uL", display: "×10⁶/µL"),
        otherUnits: [LabUnit("10*12/L", display: "×10¹²/L")],
        decimals: 2, plausible: 0.5...10,
        ranges: sexes(
            children: [(month, 3.9, 6.3), (0.5, 2.7, 5.4), (2, 3.7, 5.3), (6, 3.9, 5.3), (12, 4.0, 5.2)],
            male: [(18, 4.5, 5.3), (150, 4.5, 5.9)],
            female: [(18, 4.1, 5.1), (150, 4.1, 5.1)]
        ),
        source: tietzHL
    )

    static let hct = LabTest(
        code: "4544-3", key: "HCT",
        name: Translation("Hematocrit", uz: "Gematokrit", ru: "Гематокрит"),
        aliases: ["HCT", "Hct", "Ht", "PCV", "Haematocrit", "Hematocrit", "Гематокрит", "Gematokrit"],
        unit: percent,
        otherUnits: [LabUnit("L/L", toCanonical: 100)],
        decimals: 1, plausible: 5...80,
        ranges: sexes(
            children: [(month, 42, 65), (0.5, 28, 42), (2, 33, 39), (6, 34, 40), (12, 35, 45)],
            male: [(18, 37, 49), (150, 41, 53)],
            female: [(18, 36, 46), (150, 36, 46)]
        ),
        // Low limit only: newborns' normal range reaches 65 %, above the usual adult critical 60 %.
        critical: CriticalLimits(low: 20),
        source: tietzHL
    )

    static let mcv = LabTest(
        code: "787-2", key: "MCV",
        name: Translation("Mean corpuscular volume (MCV)", uz: "Oʻrtacha eritrotsit hajmi",
                          ru: "Средний объём эритроцита (MCV)"),
        aliases: ["MCV", "Mean corpuscular volume", "Mean cell volume", "Средний объём эритроцита",
                  "Средний объем эритроцита", "Oʻrtacha eritrotsit hajmi"],
        unit: LabUnit("fL"),
        decimals: 1, plausible: 40...160,
        ranges: ages([(month, 88, 123), (0.5, 74, 115), (2, 70, 86), (6, 75, 87), (12, 77, 95), (18, 78, 100),
                      (150, 80, 100)]),
        source: tietzHL
    )

    static let mch = LabTest(
        code: "785-6", key: "MCH",
        name: Translation("Mean corpuscular hemoglobin (MCH)", uz: "Eritrotsitdagi oʻrtacha gemoglobin miqdori",
                          ru: "Среднее содержание гемоглобина в эритроците (MCH)"),
        aliases: ["MCH", "Mean corpuscular hemoglobin", "Mean cell haemoglobin",
                  "Среднее содержание гемоглобина в эритроците", "Eritrotsitdagi oʻrtacha gemoglobin miqdori"],
        unit: LabUnit("pg"),
        decimals: 1, plausible: 10...50,
        ranges: ages([(month, 28, 40), (0.5, 25, 35), (2, 23, 31), (6, 24, 30), (12, 25, 33), (18, 25, 35),
                      (150, 27, 33)]),
        source: tietzHL
    )

    static let mchc = LabTest(
        code: "786-4", key: "MCHC",
        name: Translation("Mean corpuscular hemoglobin concentration (MCHC)",
                          uz: "Eritrotsitdagi oʻrtacha gemoglobin konsentratsiyasi",
                          ru: "Средняя концентрация гемоглобина в эритроците (MCHC)"),
        aliases: ["MCHC", "Mean corpuscular hemoglobin concentration", "Mean cell haemoglobin concentration",
                  "Средняя концентрация гемоглобина в эритроците",
                  "Eritrotsitdagi oʻrtacha gemoglobin konsentratsiyasi"],
        unit: gPerDL,
        otherUnits: [LabUnit("g/L", toCanonical: 0.1)],
        decimals: 1, plausible: 15...50,
        ranges: ages([(0.25, 29, 37), (2, 30, 36), (18, 31, 37), (150, 32, 36)]),
        source: tietzHL
    )

    static let rdw = LabTest(
        code: "788-0", key: "RDW",
        name: Translation("Red cell distribution width (RDW-CV)",
                          uz: "Eritrotsitlarning hajm boʻyicha taqsimlanish kengligi (RDW)",
                          ru: "Ширина распределения эритроцитов по объёму (RDW-CV)"),
        aliases: ["RDW", "RDW-CV", "Red cell distribution width", "Ширина распределения эритроцитов",
                  "Eritrotsitlarning taqsimlanish kengligi"],
        unit: percent,
        decimals: 1, plausible: 5...40,
        // Adult interval; newborns run higher. RDW-SD (in fL) is a different test.
        ranges: all(11.5, 14.5),
        source: tietz
    )

    static let wbc = LabTest(
        code: "6690-2", key: "WBC",
        name: Translation("Leukocytes (WBC)", uz: "Leykotsitlar", ru: "Лейкоциты"),
        aliases: ["WBC", "Leukocytes", "Leucocytes", "White blood cells", "White cell count", "Лейкоциты", "Лейк",
                  "Leykotsitlar"],
        unit: thousandPerUL, otherUnits: thousandPerULOthers,
        decimals: 1, plausible: 0...500,
        ranges: ages([(week, 9.0, 30.0), (month, 5.0, 21.0), (0.5, 5.0, 19.5), (2, 6.0, 17.5), (4, 6.0, 17.0),
                      (6, 5.5, 15.5), (8, 5.0, 14.5), (18, 4.5, 13.5), (150, 4.5, 11.0)]),
        critical: CriticalLimits(low: 2, high: 30), delta: .percent(100),
        source: tietzHL
    )

    // Differential percentages: children's lymphocytes outnumber neutrophils from about 1 week to
    // 4 years. The paediatric bands are built around the Harriet Lane mean differential.
    static let neutPct = LabTest(
        code: "770-8", key: "NEUT%",
        name: Translation("Neutrophils, %", uz: "Neytrofillar, %", ru: "Нейтрофилы, %"),
        aliases: ["NEUT%", "NE%", "Neu%", "Neutrophils %", "Neutrophils", "Нейтрофилы", "Нейтрофилы, %",
                  "Neytrofillar"],
        unit: percent,
        decimals: 1, plausible: 0...100,
        ranges: ages([(week, 40, 80), (0.5, 20, 50), (4, 20, 55), (8, 35, 65), (18, 40, 70), (150, 40, 75)]),
        source: tietzHL
    )

    static let lymphPct = LabTest(
        code: "736-9", key: "LYMPH%",
        name: Translation("Lymphocytes, %", uz: "Limfotsitlar, %", ru: "Лимфоциты, %"),
        aliases: ["LYMPH%", "LY%", "Lym%", "Lymphocytes %", "Lymphocytes", "Лимфоциты", "Лимфоциты, %",
                  "Limfotsitlar"],
        unit: percent,
        decimals: 1, plausible: 0...100,
        ranges: ages([(week, 15, 45), (0.5, 35, 70), (4, 40, 70), (8, 30, 60), (18, 25, 50), (150, 20, 45)]),
        source: tietzHL
    )

    static let monoPct = LabTest(
        code: "5905-5", key: "MONO%",
        name: Translation("Monocytes, %", uz: "Monotsitlar, %", ru: "Моноциты, %"),
        aliases: ["MONO%", "MO%", "Mon%", "Monocytes %", "Monocytes", "Моноциты", "Моноциты, %", "Monotsitlar"],
        unit: percent,
        decimals: 1, plausible: 0...100,
        ranges: ages([(0.5, 2, 12), (150, 2, 10)]),
        source: tietzHL
    )

    static let eosPct = LabTest(
        code: "713-8", key: "EOS%",
        name: Translation("Eosinophils, %", uz: "Eozinofillar, %", ru: "Эозинофилы, %"),
        aliases: ["EOS%", "EO%", "Eos%", "Eosinophils %", "Eosinophils", "Эозинофилы", "Эозинофилы, %",
                  "Eozinofillar"],
        unit: percent,
        decimals: 1, plausible: 0...100,
        ranges: all(nil, 6),
        source: tietzHL
    )

    static let basoPct = LabTest(
        code: "706-2", key: "BASO%",
        name: Translation("Basophils, %", uz: "Bazofillar, %", ru: "Базофилы, %"),
        aliases: ["BASO%", "BA%", "Bas%", "Basophils %", "Basophils", "Базофилы", "Базофилы, %", "Bazofillar"],
        unit: percent,
        decimals: 1, plausible: 0...100,
        ranges: all(nil, 1),
        source: tietzHL
    )

    static let neutAbs = LabTest(
        code: "751-8", key: "NEUT#",
        name: Translation("Neutrophils, absolute", uz: "Neytrofillar, mutlaq soni", ru: "Нейтрофилы, абс."),
        aliases: ["NEUT#", "NE#", "Neu#", "ANC", "Absolute neutrophil count", "Neutrophils #", "Нейтрофилы, абс.",
                  "Нейтрофилы абс", "Neytrofillar, mutlaq soni"],
        unit: thousandPerUL, otherUnits: thousandPerULOthers,
        decimals: 2, plausible: 0...300,
        ranges: ages([(week, 5.0, 26.0), (0.5, 1.0, 9.5), (4, 1.0, 8.5), (8, 1.5, 8.5), (18, 1.5, 8.0),
                      (150, 1.8, 7.7)]),
        critical: CriticalLimits(low: 0.5),
        source: tietzHL
    )

    static let lymphAbs = LabTest(
        code: "731-0", key: "LYMPH#",
        name: Translation("Lymphocytes, absolute", uz: "Limfotsitlar, mutlaq soni", ru: "Лимфоциты, абс."),
        aliases: ["LYMPH#", "LY#", "Lym#", "ALC", "Absolute lymphocyte count", "Lymphocytes #", "Лимфоциты, абс.",
                  "Лимфоциты абс", "Limfotsitlar, mutlaq soni"],
        unit: thousandPerUL, otherUnits: thousandPerULOthers,
        decimals: 2, plausible: 0...500,
        ranges: ages([(week, 2.0, 11.0), (0.5, 2.0, 17.0), (2, 4.0, 13.5), (4, 3.0, 9.5), (6, 2.0, 8.0),
                      (10, 1.5, 7.0), (18, 1.2, 6.5), (150, 1.0, 4.8)]),
        source: tietzHL
    )

    static let plt = LabTest(
        code: "777-3", key: "PLT",
        name: Translation("Platelets", uz: "Trombotsitlar", ru: "Тромбоциты"),
        aliases: ["PLT", "Platelets", "Platelet count", "Thrombocytes", "Тромбоциты", "Тр", "Trombotsitlar"],
        unit: thousandPerUL, otherUnits: thousandPerULOthers,
        decimals: 0, plausible: 0...3000,
        ranges: ages([(18, 150, 450), (150, 150, 400)]),
        critical: CriticalLimits(low: 20, high: 1000), delta: .percent(50),
        source: tietzHL
    )

    static let mpv = LabTest(
        code: "32623-1", key: "MPV",
        name: Translation("Mean platelet volume (MPV)", uz: "Trombotsitlarning oʻrtacha hajmi",
                          ru: "Средний объём тромбоцитов (MPV)"),
        aliases: ["MPV", "Mean platelet volume", "Средний объём тромбоцитов", "Средний объем тромбоцитов",
                  "Trombotsitlarning oʻrtacha hajmi"],
        unit: LabUnit("fL"),
        decimals: 1, plausible: 3...20,
        // Analyser-dependent (impedance analysers read lower than optical ones).
        ranges: all(7.4, 10.4),
        source: tietz
    )
}
