// The lab test catalogue's data: every test Medora Lite knows (LOINC code, short key, names in
// English, Uzbek and Russian, the names and abbreviations labs print, the canonical UCUM unit and
// the other units labs use with their conversion, plausible bounds, reference ranges, critical
// limits, delta-check rules, where the ranges come from) and the panels the tests are ordered in.
//
// The reference ranges are population reference intervals from the cited sources. They are shown
// only when a result comes without a range of its own: the range the lab printed on its report
// always overrides them. Many intervals depend on the method and the analyser (enzymes, hormones,
// coagulation times), so the lab's printed range is the better one whenever it is given.
//
// Conventions:
// - Ages are in years; `day`, `week` and `month` below are fractions of a year.
// - A one-sided limit leaves the other side nil. A guideline cut-off "< X" becomes the last value
//   still normal at the test's shown precision (HbA1c < 5.7 % → high 5.6).
// - Conversion: value in the canonical unit = value × `toCanonical`.

extension LabCatalogue {
    /// Every test of the catalogue, grouped roughly by panel. Keys are unique; a test may belong to
    /// several panels. Derived values (eGFR, HOMA-IR, BMI, non-HDL cholesterol, indirect bilirubin)
    /// are computed from these tests and are not catalogue entries.
    static let allTests: [LabTest] = LabCatalogueData.tests

    /// The panels, each with its tests' keys in the order labs print them.
    static let allPanels: [LabPanel] = [
        LabPanel(
            id: "CBC",
            name: Translation("Complete blood count", uz: "Umumiy qon tahlili", ru: "Общий анализ крови"),
            tests: ["HGB", "RBC", "HCT", "MCV", "MCH", "MCHC", "RDW", "WBC", "NEUT%", "LYMPH%", "MONO%", "EOS%",
                    "BASO%", "NEUT#", "LYMPH#", "PLT", "MPV"]
        ),
        LabPanel(
            id: "BMP",
            name: Translation("Basic metabolic panel", uz: "Asosiy biokimyoviy qon tahlili",
                              ru: "Базовый биохимический анализ крови"),
            tests: ["GLU", "BUN", "CREA", "NA", "K", "CL", "CO2", "CA"]
        ),
        LabPanel(
            id: "CMP",
            name: Translation("Comprehensive metabolic panel", uz: "Kengaytirilgan biokimyoviy qon tahlili",
                              ru: "Расширенный биохимический анализ крови"),
            tests: ["GLU", "BUN", "CREA", "NA", "K", "CL", "CO2", "CA", "TP", "ALB", "TBIL", "ALP", "ALT", "AST"]
        ),
        LabPanel(
            id: "LIPID",
            name: Translation("Lipid profile", uz: "Lipid profili", ru: "Липидный профиль"),
            tests: ["CHOL", "HDL", "LDL", "TRIG"]
        ),
        LabPanel(
            id: "LIVER",
            name: Translation("Liver function tests", uz: "Jigar sinamalari", ru: "Печёночные пробы"),
            tests: ["ALT", "AST", "ALP", "GGT", "TBIL", "DBIL", "ALB", "TP"]
        ),
        LabPanel(
            id: "KIDNEY",
            name: Translation("Kidney function tests", uz: "Buyrak sinamalari", ru: "Почечные пробы"),
            tests: ["CREA", "BUN", "URIC", "UACR"]
        ),
        LabPanel(
            id: "THYROID",
            name: Translation("Thyroid function", uz: "Qalqonsimon bez gormonlari", ru: "Гормоны щитовидной железы"),
            tests: ["TSH", "FT4", "FT3", "ATPO"]
        ),
        LabPanel(
            id: "IRON",
            name: Translation("Iron studies", uz: "Temir almashinuvi koʻrsatkichlari", ru: "Обмен железа"),
            tests: ["FE", "FERR", "TRF", "TIBC", "TSAT"]
        ),
        LabPanel(
            id: "GLUCOSE",
            name: Translation("Glucose, HbA1c and insulin", uz: "Glyukoza, glikirlangan gemoglobin va insulin",
                              ru: "Глюкоза, гликированный гемоглобин и инсулин"),
            tests: ["GLU", "HBA1C", "INS"]
        ),
        LabPanel(
            id: "COAG",
            name: Translation("Coagulation", uz: "Koagulogramma", ru: "Коагулограмма"),
            tests: ["PT", "INR", "APTT", "FIB"]
        ),
        LabPanel(
            id: "INFLAMMATION",
            name: Translation("Inflammation markers", uz: "Yalligʻlanish belgilari", ru: "Маркеры воспаления"),
            tests: ["CRP", "ESR"]
        ),
        LabPanel(
            id: "VITAMINS",
            name: Translation("Vitamins", uz: "Vitaminlar", ru: "Витамины"),
            tests: ["VITD", "B12", "FOL"]
        ),
        LabPanel(
            id: "URINALYSIS",
            name: Translation("Urinalysis", uz: "Umumiy siydik tahlili", ru: "Общий анализ мочи"),
            tests: ["USG", "UPH", "UPRO", "UGLU", "UKET", "UWBC", "URBC"]
        ),
        LabPanel(
            id: "BODY",
            name: Translation("Height and weight", uz: "Boʻy va vazn", ru: "Рост и вес"),
            tests: ["HEIGHT", "WEIGHT"]
        ),
    ]
}

/// The tests themselves, one constant each (small expressions keep type-checking fast), and the
/// helpers that build their ranges.
private enum LabCatalogueData {
    static let tests: [LabTest] = [
        // Complete blood count
        hgb, rbc, hct, mcv, mch, mchc, rdw, wbc, neutPct, lymphPct, monoPct, eosPct, basoPct, neutAbs, lymphAbs,
        plt, mpv,
        // Metabolic panels
        glu, bun, crea, na, k, cl, co2, ca, tp, alb, tbil, alp, alt, ast,
        // Liver
        ggt, dbil,
        // Lipids
        chol, hdl, ldl, ldlDirect, trig,
        // Kidney
        uric, uacr,
        // Thyroid
        tsh, ft4, ft3, antiTPO,
        // Iron
        fe, ferr, trf, tibc, tsat,
        // Glucose metabolism
        hba1c, insulin,
        // Coagulation
        pt, inr, aptt, fib,
        // Inflammation
        crp, esr,
        // Vitamins
        vitD, b12, folate,
        // Other electrolytes
        mg, phos,
        // Urinalysis
        uSG, uPH, uProtein, uGlucose, uKetones, uWBC, uRBC,
        // Body measurements (for BMI)
        height, weight,
    ]

    // MARK: - Sources

    static let tietz = "Tietz Clinical Guide to Laboratory Tests, 4th ed. (2006)"
    static let tietzHL = "Tietz Clinical Guide to Laboratory Tests, 4th ed. (2006); Harriet Lane Handbook, 22nd ed. (paediatric ranges)"
    static let whoHb = "WHO 2011 haemoglobin concentrations for anaemia; Harriet Lane Handbook, 22nd ed. (paediatric ranges)"
    static let mayo = "Mayo Clinic Laboratories test catalog"
    static let mayoTietz = "Mayo Clinic Laboratories test catalog (adults); Tietz Clinical Guide to Laboratory Tests, 4th ed. (2006) (children)"
    static let mayoCaliper = "Mayo Clinic Laboratories test catalog (adults); CALIPER paediatric reference intervals (Colantonio et al., Clin Chem 2012)"
    static let ada = "ADA Standards of Care in Diabetes 2024"
    static let adaTietz = "ADA Standards of Care in Diabetes 2024; Tietz Clinical Guide to Laboratory Tests, 4th ed. (2006) (children)"
    static let lipids = "ATP III / NCEP 2002 lipid thresholds; NHLBI 2011 paediatric lipid guidelines"
    static let kdigo = "KDIGO 2012 CKD guideline"
    static let ata = "ATA thyroid guidelines; Tietz Clinical Guide to Laboratory Tests, 4th ed. (2006) (children)"
    static let manufacturer = "Manufacturer's reference interval (Roche Elecsys)"
    static let endocrine = "Endocrine Society 2011 vitamin D"
    static let practice = "Common laboratory practice (typical printed interval)"
    static let noRange = "Body measurement: no reference interval"

    // MARK: - Ages

    static let day = 1.0 / 365.25
    static let week = 7.0 / 365.25
    static let month = 1.0 / 12.0

    // MARK: - Range helpers

    /// An age band: from where the previous band ended (0 for the first) up to `until` years.
    typealias Band = (until: Double, low: Double?, high: Double?)

    /// Contiguous bands for one sex, starting at 0.
    static func bands(_ sex: ReferenceRange.Sex, _ list: [Band]) -> [ReferenceRange] {
        var from = 0.0
        var out: [ReferenceRange] = []
        for band in list {
            out.append(ReferenceRange(sex, ages: from..<band.until, low: band.low, high: band.high))
            from = band.until
        }
        return out
    }

    /// One range for everyone of any age.
    static func all(_ low: Double?, _ high: Double?) -> [ReferenceRange] {
        [ReferenceRange(low: low, high: high)]
    }

    /// Age bands, the same for both sexes; the last band ends at 150.
    static func ages(_ list: [Band], pregnant: (low: Double?, high: Double?)? = nil) -> [ReferenceRange] {
        bands(.any, list) + pregnancy(pregnant)
    }

    /// Bands by sex: `children` shared by both, then each sex's own bands up to 150.
    static func sexes(children: [Band] = [], male: [Band], female: [Band],
                      pregnant: (low: Double?, high: Double?)? = nil) -> [ReferenceRange] {
        bands(.male, children + male) + bands(.female, children + female) + pregnancy(pregnant)
    }

    /// A pregnancy range (women 12 to 60).
    static func pregnancy(_ limits: (low: Double?, high: Double?)?) -> [ReferenceRange] {
        guard let limits else { return [] }
        return [ReferenceRange(.female, ages: 12..<60, pregnancy: true, low: limits.low, high: limits.high)]
    }

    // MARK: - Common units

    static let gPerDL = LabUnit("g/dL")
    static let mgPerDL = LabUnit("mg/dL")
    static let mmolPerL = LabUnit("mmol/L")
    static let percent = LabUnit("%")
    static let unitsPerL = LabUnit("U/L")
    static let thousandPerUL = LabUnit("10*3/uL", display: "×10³/µL")
    /// The SI count units and cells per µL, as alternatives to ×10³/µL.
    static let thousandPerULOthers = [
        LabUnit("10*9/L", display: "×10⁹/L"),
        LabUnit("/uL", display: "/µL", toCanonical: 0.001),
    ]
    static let mEqPerL = LabUnit("meq/L", display: "mEq/L")
    /// Enzyme activities: IU/L is the same as U/L; 1 µkat/L = 60 U/L.
    static let enzymeOthers = [
        LabUnit("[IU]/L", display: "IU/L"),
        LabUnit("ukat/L", display: "µkat/L", toCanonical: 60),
    ]
    static let cholesterolOthers = [LabUnit("mmol/L", toCanonical: 38.67)]
    static let bilirubinOthers = [LabUnit("umol/L", display: "µmol/L", toCanonical: 1 / 17.104)]
    static let proteinOthers = [LabUnit("g/L", toCanonical: 0.1)]
    static let perHPF = LabUnit("/[HPF]", display: "/HPF")

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
