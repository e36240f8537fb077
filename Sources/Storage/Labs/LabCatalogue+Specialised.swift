// The catalogue's thyroid, iron, glucose metabolism, coagulation, inflammation, vitamins and other electrolytes.
// Conventions and helpers: LabCatalogue+Data.swift.

extension LabCatalogueData {
    // MARK: - Thyroid

    static let tsh = LabTest(
        code: "3016-3", key: "TSH",
        name: Translation("Thyroid-stimulating hormone (TSH)", uz: "Tireotrop gormon (TTG)",
                          ru: "Тиреотропный гормон (ТТГ)"),
        aliases: ["TSH", "Thyrotropin", "ТТГ", "Тиреотропный гормон", "TTG", "Tireotrop gormon"],
        unit: LabUnit("m[IU]/L", display: "mIU/L"),
        otherUnits: [LabUnit("u[IU]/mL", display: "µIU/mL"), LabUnit("mU/L")],
        decimals: 2, plausible: 0...500,
        // Newborn surge, then children above adults; the adult upper limit rises after 80 (7.5).
        // Pregnancy: simplified trimester-independent 0.1–3.0 (ATA).
        ranges: ages([(week, 1.0, 39.0), (20 * week, 1.7, 9.1), (18, 0.7, 6.4), (80, 0.45, 4.5), (150, 0.45, 7.5)],
                     pregnant: (0.1, 3.0)),
        source: ata
    )

    static let ft4 = LabTest(
        code: "3024-7", key: "FT4",
        name: Translation("Free thyroxine (free T4)", uz: "Erkin tiroksin (erkin T4)", ru: "Свободный тироксин (Т4 св.)"),
        aliases: ["FT4", "Free T4", "Free thyroxine", "Т4 свободный", "Свободный Т4", "Св. Т4", "Erkin T4",
                  "Erkin tiroksin"],
        unit: LabUnit("ng/dL"),
        otherUnits: [LabUnit("pmol/L", toCanonical: 0.0777)],
        decimals: 2, plausible: 0...10,
        ranges: ages([(week, 2.2, 5.3), (18, 0.8, 2.0), (150, 0.9, 1.7)]),
        source: mayoTietz
    )

    static let ft3 = LabTest(
        code: "3051-0", key: "FT3",
        name: Translation("Free triiodothyronine (free T3)", uz: "Erkin triyodtironin (erkin T3)",
                          ru: "Свободный трийодтиронин (Т3 св.)"),
        aliases: ["FT3", "Free T3", "Free triiodothyronine", "Т3 свободный", "Свободный Т3", "Св. Т3", "Erkin T3",
                  "Erkin triyodtironin"],
        unit: LabUnit("pg/mL"),
        otherUnits: [LabUnit("pmol/L", toCanonical: 0.651)],
        decimals: 2, plausible: 0...40,
        // Adult interval (3.1–6.8 pmol/L); children run somewhat higher.
        ranges: all(2.0, 4.4),
        source: manufacturer
    )

    static let antiTPO = LabTest(
        code: "8099-4", key: "ATPO",
        name: Translation("Thyroid peroxidase antibodies (anti-TPO)", uz: "Tireoperoksidazaga antitanalar (anti-TPO)",
                          ru: "Антитела к тиреопероксидазе (АТ-ТПО)"),
        aliases: ["ATPO", "Anti-TPO", "TPOAb", "TPO antibodies", "АТ-ТПО", "АТ к ТПО", "Антитела к ТПО",
                  "Антитела к тиреопероксидазе", "TPO antitanalari"],
        unit: LabUnit("[IU]/mL", display: "IU/mL"),
        otherUnits: [LabUnit("k[IU]/L", display: "kIU/L")],
        decimals: 1, plausible: 0...100000,
        // Assay-dependent cut-off (Roche < 34 IU/mL; other assays differ).
        ranges: all(nil, 34),
        source: manufacturer
    )

    // MARK: - Iron

    static let fe = LabTest(
        code: "2498-4", key: "FE",
        name: Translation("Serum iron", uz: "Zardobdagi temir", ru: "Железо сывороточное"),
        aliases: ["FE", "Iron", "Serum iron", "Железо", "Железо сывороточное", "Сывороточное железо", "Temir",
                  "Zardobdagi temir"],
        unit: LabUnit("ug/dL", display: "µg/dL"),
        otherUnits: [LabUnit("umol/L", display: "µmol/L", toCanonical: 5.585)],
        decimals: 0, plausible: 1...1000,
        ranges: sexes(
            children: [(month, 100, 250), (1, 40, 100), (12, 50, 120)],
            male: [(150, 65, 175)],
            female: [(150, 50, 170)]
        ),
        source: tietz
    )

    static let ferr = LabTest(
        code: "2276-4", key: "FERR",
        name: Translation("Ferritin", uz: "Ferritin", ru: "Ферритин"),
        aliases: ["FERR", "FER", "Ferritin", "Ферритин"],
        unit: LabUnit("ng/mL"),
        otherUnits: [LabUnit("ug/L", display: "µg/L")],
        decimals: 1, plausible: 0...100000,
        ranges: sexes(
            children: [(month, 25, 200), (2 * month, 200, 600), (0.5, 50, 200), (15, 7, 140)],
            male: [(150, 20, 250)],
            female: [(150, 10, 120)]
        ),
        source: tietz
    )

    static let trf = LabTest(
        code: "3034-6", key: "TRF",
        name: Translation("Transferrin", uz: "Transferrin", ru: "Трансферрин"),
        aliases: ["TRF", "Transferrin", "Трансферрин"],
        unit: mgPerDL,
        otherUnits: [LabUnit("g/L", toCanonical: 100)],
        decimals: 0, plausible: 10...1000,
        ranges: ages([(0.25, 130, 275), (150, 200, 360)]),
        source: tietz
    )

    static let tibc = LabTest(
        code: "2500-7", key: "TIBC",
        name: Translation("Total iron-binding capacity (TIBC)", uz: "Zardobning umumiy temir bogʻlash qobiliyati",
                          ru: "Общая железосвязывающая способность сыворотки (ОЖСС)"),
        aliases: ["TIBC", "Total iron-binding capacity", "ОЖСС", "Общая железосвязывающая способность",
                  "Umumiy temir bogʻlash qobiliyati"],
        unit: LabUnit("ug/dL", display: "µg/dL"),
        otherUnits: [LabUnit("umol/L", display: "µmol/L", toCanonical: 5.585)],
        decimals: 0, plausible: 20...1000,
        ranges: ages([(1, 100, 400), (150, 250, 425)]),
        source: tietz
    )

    static let tsat = LabTest(
        code: "2502-3", key: "TSAT",
        name: Translation("Transferrin saturation", uz: "Transferrinning temir bilan toʻyinganligi",
                          ru: "Насыщение трансферрина железом"),
        aliases: ["TSAT", "Transferrin saturation", "Iron saturation", "Насыщение трансферрина железом",
                  "Коэффициент насыщения трансферрина", "КНТ", "Transferrin toʻyinganligi"],
        unit: percent,
        decimals: 0, plausible: 0...100,
        ranges: sexes(children: [(12, 15, 50)], male: [(150, 20, 50)], female: [(150, 15, 50)]),
        source: tietz
    )

    // MARK: - Glucose metabolism

    static let hba1c = LabTest(
        code: "4548-4", key: "HBA1C",
        name: Translation("Hemoglobin A1c (HbA1c)", uz: "Glikirlangan gemoglobin (HbA1c)",
                          ru: "Гликированный гемоглобин (HbA1c)"),
        aliases: ["HbA1c", "A1c", "Glycated hemoglobin", "Glycated haemoglobin", "Glycohemoglobin",
                  "Гликированный гемоглобин", "Гликозилированный гемоглобин", "Glikirlangan gemoglobin"],
        unit: percent,
        // IFCC mmol/mol is not offered: % = 0.09148 × mmol/mol + 2.152 has an offset, so it is not a
        // factor `toCanonical` can express.
        decimals: 1, plausible: 2...25,
        // Normal < 5.7 %; prediabetes 5.7–6.4 %; diabetes ≥ 6.5 % (ADA).
        ranges: all(nil, 5.6),
        source: ada
    )

    static let insulin = LabTest(
        code: "20448-7", key: "INS",
        name: Translation("Insulin", uz: "Insulin", ru: "Инсулин"),
        aliases: ["INS", "Insulin", "Fasting insulin", "Инсулин"],
        unit: LabUnit("u[IU]/mL", display: "µIU/mL"),
        otherUnits: [LabUnit("pmol/L", toCanonical: 1 / 6.0), LabUnit("m[IU]/L", display: "mIU/L")],
        decimals: 1, plausible: 0...3000,
        // Fasting.
        ranges: all(2.6, 24.9),
        source: mayo
    )

    // MARK: - Coagulation
    // Clotting times depend on the reagent and analyser; neonatal values differ and must come from
    // the lab. The intervals below are one laboratory's adult ranges.

    static let pt = LabTest(
        code: "5902-2", key: "PT",
        name: Translation("Prothrombin time (PT)", uz: "Protrombin vaqti", ru: "Протромбиновое время"),
        aliases: ["PT", "Prothrombin time", "ПВ", "Протромбиновое время", "Protrombin vaqti"],
        unit: LabUnit("s"),
        decimals: 1, plausible: 5...200,
        ranges: all(9.4, 12.5),
        source: mayo
    )

    static let inr = LabTest(
        code: "6301-6", key: "INR",
        name: Translation("International normalized ratio (INR)", uz: "Xalqaro normallashtirilgan nisbat (INR)",
                          ru: "Международное нормализованное отношение (МНО)"),
        aliases: ["INR", "International normalised ratio", "МНО", "Международное нормализованное отношение",
                  "Xalqaro normallashtirilgan nisbat"],
        unit: LabUnit("{INR}", display: ""),
        decimals: 2, plausible: 0.5...20,
        ranges: all(0.9, 1.1),
        critical: CriticalLimits(high: 5),
        source: mayo
    )

    static let aptt = LabTest(
        code: "3173-2", key: "APTT",
        name: Translation("Activated partial thromboplastin time (APTT)",
                          uz: "Faollashtirilgan qisman tromboplastin vaqti",
                          ru: "Активированное частичное тромбопластиновое время (АЧТВ)"),
        aliases: ["APTT", "aPTT", "PTT", "Activated partial thromboplastin time", "АЧТВ", "АПТВ",
                  "Активированное частичное тромбопластиновое время", "Faollashtirilgan qisman tromboplastin vaqti"],
        unit: LabUnit("s"),
        decimals: 1, plausible: 10...250,
        ranges: all(25, 37),
        source: mayo
    )

    static let fib = LabTest(
        code: "3255-7", key: "FIB",
        name: Translation("Fibrinogen", uz: "Fibrinogen", ru: "Фибриноген"),
        aliases: ["FIB", "Fibrinogen", "Фибриноген"],
        unit: mgPerDL,
        otherUnits: [LabUnit("g/L", toCanonical: 100)],
        decimals: 0, plausible: 10...2000,
        ranges: all(200, 393),
        critical: CriticalLimits(low: 100),
        source: mayo
    )

    // MARK: - Inflammation

    static let crp = LabTest(
        code: "1988-5", key: "CRP",
        name: Translation("C-reactive protein (CRP)", uz: "C-reaktiv oqsil (CRP)", ru: "С-реактивный белок (СРБ)"),
        aliases: ["CRP", "C-reactive protein", "СРБ", "С-реактивный белок", "C-reaktiv oqsil", "S-reaktiv oqsil"],
        unit: LabUnit("mg/L"),
        otherUnits: [LabUnit("mg/dL", toCanonical: 10)],
        decimals: 1, plausible: 0...1000,
        ranges: all(nil, 5.0),
        source: practice
    )

    static let esr = LabTest(
        code: "4537-7", key: "ESR",
        name: Translation("Erythrocyte sedimentation rate (ESR)", uz: "Eritrotsitlarning choʻkish tezligi (EChT)",
                          ru: "Скорость оседания эритроцитов (СОЭ)"),
        aliases: ["ESR", "Erythrocyte sedimentation rate", "СОЭ", "Скорость оседания эритроцитов", "EChT", "ECHT",
                  "Eritrotsitlarning choʻkish tezligi"],
        unit: LabUnit("mm/h"),
        decimals: 0, plausible: 0...200,
        // Westergren. The Panchenkov method used in many CIS labs reads similarly but labs print
        // lower upper limits (men 10, women 15 mm/h).
        ranges: sexes(children: [(18, nil, 10)], male: [(50, nil, 15), (150, nil, 20)],
                      female: [(50, nil, 20), (150, nil, 30)]),
        source: tietz
    )

    // MARK: - Vitamins

    static let vitD = LabTest(
        code: "1989-3", key: "VITD",
        name: Translation("25-hydroxyvitamin D", uz: "25-gidroksivitamin D", ru: "25-гидроксивитамин D"),
        aliases: ["VITD", "25-OH vitamin D", "25(OH)D", "25-OH-D", "Vitamin D", "25-гидроксивитамин D",
                  "25-OH витамин D", "Витамин D", "D vitamini"],
        unit: LabUnit("ng/mL"),
        otherUnits: [LabUnit("nmol/L", toCanonical: 0.4006)],
        decimals: 1, plausible: 0...300,
        // Deficiency < 20, insufficiency 21–29, sufficiency 30–100 ng/mL.
        ranges: all(30, 100),
        source: endocrine
    )

    static let b12 = LabTest(
        code: "2132-9", key: "B12",
        name: Translation("Vitamin B12", uz: "B12 vitamini (kobalamin)", ru: "Витамин B12 (кобаламин)"),
        aliases: ["B12", "Vitamin B12", "Cobalamin", "Витамин B12", "Витамин В12", "Цианокобаламин", "B12 vitamini"],
        unit: LabUnit("pg/mL"),
        otherUnits: [LabUnit("pmol/L", toCanonical: 1.355), LabUnit("ng/L")],
        decimals: 0, plausible: 10...20000,
        ranges: all(180, 914),
        source: mayo
    )

    static let folate = LabTest(
        code: "2284-8", key: "FOL",
        name: Translation("Folate", uz: "Foliy kislotasi (folat)", ru: "Фолиевая кислота (фолаты)"),
        aliases: ["FOL", "Folate", "Folic acid", "Фолиевая кислота", "Фолаты", "Foliy kislotasi"],
        unit: LabUnit("ng/mL"),
        otherUnits: [LabUnit("nmol/L", toCanonical: 0.4413), LabUnit("ug/L", display: "µg/L")],
        decimals: 1, plausible: 0...100,
        ranges: all(4.0, nil),
        source: mayo
    )

    // MARK: - Other electrolytes

    static let mg = LabTest(
        code: "19123-9", key: "MG",
        name: Translation("Magnesium", uz: "Magniy", ru: "Магний"),
        aliases: ["MG", "Magnesium", "Магний", "Magniy"],
        unit: mgPerDL,
        otherUnits: [LabUnit("mmol/L", toCanonical: 2.431), LabUnit("meq/L", display: "mEq/L", toCanonical: 1.215)],
        decimals: 1, plausible: 0.1...20,
        ranges: ages([(0.5, 1.5, 2.2), (6, 1.7, 2.3), (12, 1.7, 2.1), (18, 1.7, 2.2), (150, 1.6, 2.6)]),
        critical: CriticalLimits(low: 1.0),
        source: tietz
    )

    static let phos = LabTest(
        code: "2777-1", key: "PHOS",
        name: Translation("Phosphate (inorganic phosphorus)", uz: "Fosfor (noorganik fosfat)",
                          ru: "Фосфор неорганический"),
        aliases: ["PHOS", "P", "Phosphorus", "Phosphate", "Inorganic phosphate", "Фосфор", "Фосфор неорганический",
                  "Фосфаты", "Fosfor"],
        unit: mgPerDL,
        otherUnits: [LabUnit("mmol/L", toCanonical: 3.097)],
        decimals: 1, plausible: 0.1...20,
        ranges: ages([(10 * day, 4.5, 9.0), (2, 4.5, 6.7), (12, 4.5, 5.5), (18, 2.7, 5.5), (150, 2.5, 4.5)]),
        critical: CriticalLimits(low: 1.0),
        source: tietz
    )
}
