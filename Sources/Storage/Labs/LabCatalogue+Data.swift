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

/// The tests themselves, one constant each (small expressions keep type-checking fast; they are
/// in LabCatalogue+BloodCount, +Chemistry, +Specialised and +UrineAndBody), and the sources, units
/// and helpers that build their ranges.
enum LabCatalogueData {
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
}
