// Deterministic generator of SYNTHETIC patients with lab analyses.
//
// Every person produced here is fake: names, phones, addresses and IDs are random
// combinations drawn from the lists below. The generator is fully deterministic:
//
//  * it uses its own PRNG (xoshiro256** seeded through SplitMix64) and never
//    SystemRandomNumberGenerator or the standard library's `random(in:using:)`
//    helpers (whose algorithms may change between Swift releases);
//  * lab values are produced as scaled integers (e.g. hemoglobin in tenths of
//    g/dL) and converted to `Double` by one exact division, so the same seed
//    yields byte-identical output on every machine;
//  * no Dictionary/Set iteration order is involved anywhere.
//
// Only the Swift standard library is used, and the core's PatientDraft for the details.

import MedoraStorage

// MARK: - Public model

/// One lab result (one LOINC-coded analyte) of a synthetic analysis.
public struct SampleLabResult: Codable, Sendable, Equatable {
    /// LOINC code, e.g. "718-7".
    public var loinc: String
    /// Human-readable analyte name, e.g. "Hemoglobin".
    public var name: String
    /// Value rounded to the precision customary for the test.
    public var value: Double
    /// UCUM unit, e.g. "g/dL".
    public var unit: String
    /// Lower reference limit (sex/age appropriate), if the test has one.
    public var refLow: Double?
    /// Upper reference limit (sex/age appropriate), if the test has one.
    public var refHigh: Double?

    public init(loinc: String, name: String, value: Double, unit: String, refLow: Double? = nil, refHigh: Double? = nil) {
        self.loinc = loinc
        self.name = name
        self.value = value
        self.unit = unit
        self.refLow = refLow
        self.refHigh = refHigh
    }
}

/// One synthetic lab analysis (a panel of results taken at one moment).
public struct SampleAnalysis: Codable, Sendable, Equatable {
    /// ISO-8601 date-time in UTC with whole minutes, e.g. "2025-03-14T09:30:00Z".
    public var takenAt: String
    /// Panel kind: "CBC", "BMP", "LIPID", "LIVER", "THYROID", "HBA1C", "GLUCOSE" or "URINALYSIS".
    public var kind: String
    public var results: [SampleLabResult]

    public init(takenAt: String, kind: String, results: [SampleLabResult]) {
        self.takenAt = takenAt
        self.kind = kind
        self.results = results
    }
}

/// One synthetic patient: personal details as the API takes them (its JSON uses the same
/// `PatientField` names, so a sample patient can be posted as it is) and lab analyses.
public struct SamplePatient: Sendable, Equatable {
    /// Names in Uzbek Latin, Uzbek Cyrillic or Russian; phone "+998…"; birth date 1935–2024; sex
    /// male or female; address in the name's script; 14-digit PINFL-like national id; an
    /// occasional short note. Optional fields are absent for some patients.
    public var details: PatientDraft
    /// Lab analyses ordered by `takenAt` ascending (empty when generated without analyses).
    public var analyses: [SampleAnalysis]

    public init(
        firstName: String, lastName: String, middleName: String? = nil, phone: String? = nil,
        birthDate: String? = nil, sex: String, address: String? = nil, nationalID: String? = nil,
        notes: String? = nil, analyses: [SampleAnalysis] = []
    ) {
        details = PatientDraft(firstName: firstName, lastName: lastName, middleName: middleName, phone: phone,
                               birthDate: birthDate, sex: Sex(rawValue: sex), address: address,
                               nationalID: nationalID, notes: notes)
        self.analyses = analyses
    }
}

// MARK: - Generator

/// Deterministic generator of synthetic patients: the same seed always yields the
/// same sequence of patients, on every platform.
public struct SyntheticData: Sendable {
    private var rng: SynthRNG

    public init(seed: UInt64) {
        rng = SynthRNG(seed: seed)
    }

    /// Generates `count` patients (an empty array for `count <= 0`).
    public mutating func patients(count: Int, withAnalyses: Bool) -> [SamplePatient] {
        guard count > 0 else { return [] }
        var out: [SamplePatient] = []
        out.reserveCapacity(count)
        for _ in 0..<count {
            out.append(nextPatient(withAnalyses: withAnalyses))
        }
        return out
    }

    /// Generates the next patient. With `withAnalyses` the patient gets 1–4 analyses
    /// on distinct days between 2023-01-01 and 2026-10-31 (UTC), otherwise none.
    public mutating func nextPatient(withAnalyses: Bool) -> SamplePatient {
        // Script / ethnicity: ~55 % Uzbek Latin, ~25 % Uzbek Cyrillic, ~20 % Russian Cyrillic.
        let script: SynthScript
        switch rng.weighted([55, 25, 20]) {
        case 0: script = .uzLatin
        case 1: script = .uzCyrillic
        default: script = .russian
        }
        let female = rng.chance(permille: 520)

        // Birth date (always generated internally: the PINFL encodes it even when
        // the record's birthDate is left empty).
        let birthYear: Int
        switch rng.weighted([14, 52, 34]) {
        case 0: birthYear = rng.int(2008...2024)
        case 1: birthYear = rng.int(1966...2007)
        default: birthYear = 1965 - min(rng.below(31), rng.below(31))  // 1935...1965, fewer of the very old
        }
        let yearStart = SynthDate.days(birthYear, 1, 1)
        let birthDay = yearStart + rng.below(SynthDate.days(birthYear + 1, 1, 1) - yearStart)
        let age = SynthDate.age(birthDay: birthDay, on: SynthDate.days(2026, 1, 1))
        let profile = makeProfile(age: age, female: female)

        // Names.
        var (firstName, lastName, middleName) = makeName(script: script, female: female)

        // Uzbek Latin records write oʻ/gʻ either with ASCII ' or with ʻ (U+02BB).
        let okina = script == .uzLatin && rng.chance(permille: 400)

        // Address (~80 %).
        var address: String?
        var cityIndex: Int?
        if rng.chance(permille: 800) {
            let city = rng.weighted(SynthLists.cityWeights)
            cityIndex = city
            address = makeAddress(script: script, city: city)
        }

        // Phone (~90 %). The Tashkent landline code 71 only for Tashkent / unknown city.
        var phone: String?
        if rng.chance(permille: 900) {
            let landlineOK = cityIndex == nil || cityIndex == 0
            phone = makePhone(landline: landlineOK && rng.chance(permille: 60))
        }

        let birthDate: String? = rng.chance(permille: 960) ? SynthDate.isoDate(birthDay) : nil
        let nationalID: String? = rng.chance(permille: 600) ? makePINFL(birthDay: birthDay, female: female) : nil

        // Notes (~15 %).
        var notes: String?
        if rng.chance(permille: 150) {
            notes = makeNote(script: script, female: female, age: age, profile: profile)
        }

        if okina {
            firstName = SynthText.okina(firstName)
            lastName = SynthText.okina(lastName)
            middleName = middleName.map(SynthText.okina)
            address = address.map(SynthText.okina)
            notes = notes.map(SynthText.okina)
        }

        var analyses: [SampleAnalysis] = []
        if withAnalyses {
            analyses = makeAnalyses(birthDay: birthDay, female: female, profile: profile)
        }

        return SamplePatient(
            firstName: firstName, lastName: lastName, middleName: middleName, phone: phone,
            birthDate: birthDate, sex: female ? "female" : "male", address: address,
            nationalID: nationalID, notes: notes, analyses: analyses
        )
    }

    // MARK: Profile

    private mutating func makeProfile(age: Int, female: Bool) -> SynthProfile {
        var p = SynthProfile()
        let adult = age >= 18
        if age >= 40 {
            p.diabetic = rng.chance(permille: 120)
        } else if age >= 25 {
            p.diabetic = rng.chance(permille: 40)
        }
        if !p.diabetic && age >= 30 { p.prediabetic = rng.chance(permille: 120) }
        if !adult {
            p.anemic = rng.chance(permille: 80)
        } else if female {
            p.anemic = rng.chance(permille: age <= 50 ? 150 : 80)
        } else {
            p.anemic = rng.chance(permille: 40)
        }
        if age >= 35 {
            p.dyslipidemic = rng.chance(permille: 200)
        } else if age >= 20 {
            p.dyslipidemic = rng.chance(permille: 50)
        }
        if adult {
            p.hypothyroid = rng.chance(permille: female ? 80 : 20)
            if !p.hypothyroid { p.hyperthyroid = rng.chance(permille: 15) }
            p.liver = rng.chance(permille: 60)
            p.ckd = rng.chance(permille: age >= 50 ? 60 : 10)
        }
        return p
    }

    // MARK: Names

    private mutating func makeName(script: SynthScript, female: Bool) -> (String, String, String?) {
        switch script {
        case .uzLatin:
            let first = rng.pick(female ? SynthLists.uzFemale : SynthLists.uzMale)
            let base = rng.pick(SynthLists.uzSurnames)
            let last = female ? base + "a" : base
            var father = rng.pick(SynthLists.uzMale)
            if father == first { father = SynthLists.uzMale[(SynthLists.uzMale.firstIndex(of: first)! + 1) % SynthLists.uzMale.count] }
            let middle: String?
            switch rng.weighted([55, 30, 15]) {
            case 0: middle = father + (female ? " qizi" : " o'g'li")
            case 1: middle = SynthText.uzPatronymic(father, female: female) ?? father + (female ? " qizi" : " o'g'li")
            default: middle = nil
            }
            return (first, last, middle)
        case .uzCyrillic:
            let idx = rng.below(female ? SynthLists.uzFemale.count : SynthLists.uzMale.count)
            let first = female ? SynthLists.uzFemaleCyr[idx] : SynthLists.uzMaleCyr[idx]
            let sIdx = rng.below(SynthLists.uzSurnamesCyr.count)
            let base = SynthLists.uzSurnamesCyr[sIdx]
            let last = female ? base + "а" : base
            var fIdx = rng.below(SynthLists.uzMale.count)
            if !female && fIdx == idx { fIdx = (fIdx + 1) % SynthLists.uzMale.count }
            let fatherCyr = SynthLists.uzMaleCyr[fIdx]
            let middle: String?
            switch rng.weighted([45, 45, 10]) {
            case 0: middle = fatherCyr + (female ? " қизи" : " ўғли")
            case 1:
                if let pat = SynthText.uzPatronymic(SynthLists.uzMale[fIdx], female: female) {
                    middle = SynthText.uzCyrillic(pat)
                } else {
                    middle = fatherCyr + (female ? " қизи" : " ўғли")
                }
            default: middle = nil
            }
            return (first, last, middle)
        case .russian:
            let first = rng.pick(female ? SynthLists.ruFemale : SynthLists.ruMale)
            let last: String
            switch rng.weighted([72, 18, 10]) {
            case 0:
                let base = rng.pick(SynthLists.ruSurnames)
                last = female ? SynthText.ruFeminine(base) : base
            case 1:
                last = rng.pick(SynthLists.koreanSurnames)  // unchanged for both sexes
            default:
                last = rng.pick(SynthLists.invariantSurnames)  // -енко, -ян: unchanged
            }
            let middle: String?
            if rng.chance(permille: 900) {
                let pair = rng.pick(SynthLists.ruPatronymics)
                middle = female ? pair.1 : pair.0
            } else {
                middle = nil
            }
            return (first, last, middle)
        }
    }

    // MARK: Contacts & IDs

    private mutating func makeAddress(script: SynthScript, city: Int) -> String {
        let house = 1 + min(rng.below(120), rng.below(120))
        let flat: Int? = rng.chance(permille: 550) ? 1 + rng.below(140) : nil
        switch script {
        case .russian:
            var s = rng.pick(SynthLists.ruStreets) + ", д. " + String(house)
            if let flat { s += ", кв. " + String(flat) }
            return s + ", " + SynthLists.citiesRu[city]
        case .uzLatin, .uzCyrillic:
            var s = rng.pick(SynthLists.uzStreets) + ", " + String(house) + "-uy"
            if let flat { s += ", " + String(flat) + "-xonadon" }
            s += ", " + SynthLists.citiesUz[city]
            return script == .uzCyrillic ? SynthText.uzCyrillic(s) : s
        }
    }

    private mutating func makePhone(landline: Bool) -> String {
        var s = "+998"
        if landline {
            s += rng.below(13) < 3 ? "711" : "712"  // Tashkent landlines 71 1xx-xx-xx / 71 2xx-xx-xx
        } else {
            s += SynthLists.mobileCodes[rng.weighted(SynthLists.mobileCodeWeights)]
            s += String(1 + rng.below(9))
        }
        for _ in 0..<6 { s += String(rng.below(10)) }
        return s
    }

    /// PINFL-like: [century+sex][DDMMYY][3-digit district][3-digit serial][check digit, weights 7-3-1].
    private mutating func makePINFL(birthDay: Int, female: Bool) -> String {
        let (y, m, d) = SynthDate.civil(birthDay)
        var digits: [Int] = []
        digits.reserveCapacity(14)
        digits.append((y >= 2000 ? 5 : 3) + (female ? 1 : 0))
        digits += [d / 10, d % 10, m / 10, m % 10, (y % 100) / 10, y % 10]
        let district = 100 + rng.below(900)
        let serial = 1 + rng.below(999)
        digits += [district / 100, (district / 10) % 10, district % 10]
        digits += [serial / 100, (serial / 10) % 10, serial % 10]
        let weights = [7, 3, 1]
        var sum = 0
        for (i, dgt) in digits.enumerated() { sum += dgt * weights[i % 3] }
        digits.append(sum % 10)
        var s = ""
        for dgt in digits { s += String(dgt) }
        return s
    }

    // MARK: Notes

    private mutating func makeNote(script: SynthScript, female: Bool, age: Int, profile: SynthProfile) -> String {
        var pool: [Int] = []  // indices into SynthLists.notes; conditions the patient has count twice
        for (i, note) in SynthLists.notes.enumerated() {
            let ok: Bool
            var boost = false
            switch note.when {
            case .any: ok = true
            case .adult: ok = age >= 18
            case .over30: ok = age >= 30
            case .diabetic: ok = profile.diabetic; boost = true
            case .anemic: ok = profile.anemic; boost = true
            case .hypothyroid: ok = profile.hypothyroid; boost = true
            case .ckd: ok = profile.ckd; boost = true
            case .liver: ok = profile.liver; boost = true
            case .dyslipidemic: ok = profile.dyslipidemic && age >= 30; boost = true
            case .pregnancy: ok = female && age >= 18 && age <= 42
            }
            if ok {
                pool.append(i)
                if boost { pool.append(i); pool.append(i) }
            }
        }
        let note = SynthLists.notes[rng.pick(pool)]
        // Language: Uzbek records mostly in Uzbek, sometimes written in Russian by the doctor.
        let language: Int  // 0 uz Latin, 1 uz Cyrillic, 2 Russian
        switch script {
        case .uzLatin: language = rng.chance(permille: 800) ? 0 : 2
        case .uzCyrillic: language = rng.chance(permille: 600) ? 1 : 2
        case .russian: language = 2
        }
        if note.when == .pregnancy {
            let weeks = 6 + rng.below(33)
            switch language {
            case 0: return "Homiladorlik, \(weeks) hafta"
            case 1: return "Ҳомиладорлик, \(weeks) ҳафта"
            default: return "Беременность, \(weeks) " + SynthText.ruWeeks(weeks)
            }
        }
        switch language {
        case 0: return note.uz
        case 1: return note.uzCyr
        default: return note.ru
        }
    }

    // MARK: Analyses

    private static let firstAnalysisDay = SynthDate.days(2023, 1, 1)
    private static let lastAnalysisDay = SynthDate.days(2026, 10, 31)

    private mutating func makeAnalyses(birthDay: Int, female: Bool, profile: SynthProfile) -> [SampleAnalysis] {
        let count = 1 + rng.weighted([35, 30, 20, 15])
        let lo = max(Self.firstAnalysisDay, birthDay + 1)
        let span = Self.lastAnalysisDay - lo + 1
        var days: [Int] = []
        while days.count < count {
            let d = lo + rng.below(span)
            if !days.contains(d) { days.append(d) }
        }
        days.sort()
        var out: [SampleAnalysis] = []
        out.reserveCapacity(count)
        for day in days {
            // Clinic hours 07:30–16:59 Tashkent time (UTC+5), skewed to the morning.
            let minuteUTC = 150 + min(rng.below(570), rng.below(570))
            let age = SynthDate.age(birthDay: birthDay, on: day)
            let kind = pickKind(age: age, profile: profile)
            let results = makePanel(kind, age: age, female: female, profile: profile)
            out.append(SampleAnalysis(takenAt: SynthDate.isoDateTime(day: day, minute: minuteUTC), kind: kind.rawValue, results: results))
        }
        return out
    }

    private mutating func pickKind(age: Int, profile p: SynthProfile) -> SynthPanel {
        // Order: CBC, BMP, LIPID, LIVER, THYROID, HBA1C, GLUCOSE, URINALYSIS
        var w: [Int]
        if age < 12 {
            w = [45, 8, 0, 5, 5, 0, 12, 25]
        } else if age < 18 {
            w = [40, 10, 4, 6, 8, 0, 14, 18]
        } else {
            w = [24, 14, 12, 10, 8, 8, 12, 12]
            if p.diabetic || p.prediabetic { w[5] += 8; w[6] += 5 }
            if p.dyslipidemic { w[2] += 4 }
            if p.hypothyroid || p.hyperthyroid { w[4] += 16 }
            if p.liver { w[3] += 12 }
            if p.ckd { w[1] += 12; w[7] += 6 }
        }
        if p.anemic { w[0] += 14 }
        return SynthPanel.allCases[rng.weighted(w)]
    }

    private mutating func makePanel(_ panel: SynthPanel, age: Int, female: Bool, profile p: SynthProfile) -> [SampleLabResult] {
        let child = age < 12
        switch panel {
        case .cbc:
            // Hemoglobin (tenths g/dL), hematocrit (tenths %), RBC (hundredths 10*6/uL) are
            // derived from each other through a plausible MCV, so the panel is coherent.
            let hbMean: Int, hbSD: Int, hb: (Int, Int), hct: (Int, Int), rbc: (Int, Int)
            if child {
                hbMean = 128; hbSD = 8; hb = (115, 155); hct = (350, 450); rbc = (400, 520)
            } else if female {
                hbMean = 136; hbSD = 8; hb = (120, 155); hct = (360, 460); rbc = (410, 510)
            } else {
                hbMean = 150; hbSD = 9; hb = (135, 175); hct = (410, 530); rbc = (450, 590)
            }
            let hbValue = rng.gauss(p.anemic ? hbMean - (female || child ? 28 : 35) : hbMean, hbSD, in: 55...200)
            let mcv = p.anemic ? rng.gauss(76, 4, in: 62...88) : rng.gauss(89, 4, in: 78...100)
            let hctValue = min(max(hbValue * 3 + rng.gauss(0, 8), 160), 620)
            let rbcValue = (hctValue * 100 + mcv / 2) / mcv
            let wbcValue: Int
            if rng.chance(permille: 80) {
                wbcValue = rng.gauss(125, 25, in: 30...300)  // infection / inflammation
            } else {
                wbcValue = child ? rng.gauss(85, 18, in: 30...200) : rng.gauss(68, 14, in: 20...200)
            }
            let pltValue = child ? rng.gauss(300, 60, in: 40...900) : rng.gauss(260, 55, in: 20...900)
            return [
                lab(.hemoglobin, hbValue, hb.0, hb.1),
                lab(.wbc, wbcValue, child ? 50 : 40, child ? 145 : 110),
                lab(.platelets, pltValue, 150, child ? 450 : 400),
                lab(.rbc, rbcValue, rbc.0, rbc.1),
                lab(.hematocrit, hctValue, hct.0, hct.1),
            ]

        case .bmp:
            let creat: Int, creatRef: (Int, Int)
            if child {
                creat = rng.gauss(45, 9, in: 20...90); creatRef = (30, 70)
            } else if female {
                creat = p.ckd ? rng.gauss(165, 40, in: 100...600) : rng.gauss(76, 10, in: 40...140); creatRef = (59, 104)
            } else {
                creat = p.ckd ? rng.gauss(205, 45, in: 130...700) : rng.gauss(96, 13, in: 55...170); creatRef = (74, 135)
            }
            let bun = p.ckd ? rng.gauss(34, 8, in: 15...90) : (child ? rng.gauss(11, 3, in: 3...25) : rng.gauss(14, 3, in: 4...40))
            let sodium = rng.chance(permille: 30) ? rng.gauss(131, 2, in: 120...136) : rng.gauss(140, 2, in: 128...152)
            let potassium = p.ckd ? rng.gauss(50, 4, in: 38...66) : rng.gauss(43, 3, in: 30...60)
            return [
                lab(.glucose, glucoseValue(p), 700, 990),
                lab(.creatinine, creat, creatRef.0, creatRef.1),
                lab(.bun, bun, child ? 5 : 7, child ? 18 : 20),
                lab(.sodium, sodium, 135, 145),
                lab(.potassium, potassium, 35, 51),
            ]

        case .lipid:
            var hdl = female ? rng.gauss(63, 10, in: 25...110) : rng.gauss(51, 9, in: 20...100)
            if p.dyslipidemic { hdl = max(hdl - 7, 20) }
            if p.diabetic { hdl = max(hdl - 4, 20) }
            var tg = p.dyslipidemic ? rng.skewedGauss(185, 40, 65, in: 60...380) : rng.skewedGauss(100, 25, 32, in: 35...380)
            if p.diabetic { tg = min(tg + 35, 395) }  // stays < 400 so Friedewald LDL is valid
            let ldl = p.dyslipidemic ? rng.gauss(158, 25, in: 80...280) : rng.gauss(96, 18, in: 35...250)
            let total = ldl + hdl + (tg + 2) / 5
            return [
                lab(.cholesterol, total, nil, 199),
                lab(.triglycerides, tg, nil, 149),
                lab(.hdl, hdl, female ? 50 : 40, nil),
                lab(.ldl, ldl, nil, 129),
            ]

        case .liver:
            let alt: Int, ast: Int
            if p.liver {
                alt = rng.skewedGauss(85, 25, 40, in: 30...450)
                ast = rng.skewedGauss(62, 18, 30, in: 25...350)
            } else if female {
                alt = rng.skewedGauss(19, 5, 7, in: 5...120)
                ast = rng.gauss(21, 5, in: 8...90)
            } else {
                alt = rng.skewedGauss(25, 7, 9, in: 6...150)
                ast = rng.gauss(24, 6, in: 9...100)
            }
            let bili: Int
            if p.liver {
                bili = rng.gauss(15, 6, in: 4...60)
            } else if rng.chance(permille: 20) {
                bili = rng.gauss(20, 4, in: 13...35)  // Gilbert-like isolated hyperbilirubinemia
            } else {
                bili = rng.gauss(6, 2, in: 2...20)
            }
            return [
                lab(.alt, alt, female ? 7 : 10, female ? 35 : 40),
                lab(.ast, ast, 10, female ? 35 : 40),
                lab(.bilirubin, bili, 1, 12),
            ]

        case .thyroid:
            let tsh: Int, ft4: Int
            if p.hypothyroid && rng.chance(permille: 600) {
                tsh = rng.skewedGauss(720, 200, 350, in: 460...3000)
                ft4 = rng.gauss(72, 10, in: 30...110)
            } else if p.hyperthyroid {
                tsh = rng.gauss(4, 3, in: 1...30)
                ft4 = rng.gauss(260, 50, in: 170...600)
            } else {
                tsh = rng.skewedGauss(185, 60, 90, in: 30...900)
                ft4 = rng.gauss(125, 17, in: 70...200)
            }
            return [
                lab(.tsh, tsh, 45, 450),
                lab(.freeT4, ft4, 82, 177),
            ]

        case .hba1c:
            let a1c: Int
            if p.diabetic {
                a1c = rng.skewedGauss(76, 9, 15, in: 58...140)
            } else if p.prediabetic {
                a1c = rng.gauss(60, 2, in: 57...64)
            } else {
                a1c = rng.gauss(51, 3, in: 40...60)
            }
            return [lab(.hba1c, a1c, 40, 56)]

        case .glucose:
            return [lab(.glucose, glucoseValue(p), 700, 990)]

        case .urinalysis:
            let sg = rng.gauss(1018, 6, in: 1002...1035)
            let ph = [50, 55, 60, 65, 70, 75, 80][rng.weighted([10, 18, 28, 20, 12, 7, 5])]
            let protein: Int
            if p.ckd || (p.diabetic && rng.chance(permille: 400)) {
                protein = [0, 15, 30, 100, 300][rng.weighted([25, 20, 25, 20, 10])]
            } else {
                protein = [0, 15, 30][rng.weighted([90, 8, 2])]
            }
            let glucose = p.diabetic ? [0, 100, 250, 500, 1000][rng.weighted([55, 15, 15, 10, 5])] : 0
            return [
                lab(.urineSG, sg, 1005, 1030),
                lab(.urinePH, ph, 50, 80),
                lab(.urineProtein, protein, 0, 14),
                lab(.urineGlucose, glucose, 0, 14),
            ]
        }
    }

    /// Serum/plasma glucose in tenths of mg/dL.
    private mutating func glucoseValue(_ p: SynthProfile) -> Int {
        if p.diabetic { return rng.skewedGauss(1500, 250, 450, in: 650...4500) }
        if p.prediabetic { return rng.gauss(1120, 70, in: 930...1300) }
        return rng.gauss(860, 70, in: 620...1250)
    }

    private func lab(_ a: SynthAnalyte, _ value: Int, _ low: Int?, _ high: Int?) -> SampleLabResult {
        let info = a.info
        return SampleLabResult(
            loinc: info.loinc, name: info.name, value: info.scaled(value), unit: info.unit,
            refLow: low.map(info.scaled), refHigh: high.map(info.scaled)
        )
    }
}

// MARK: - PRNG

/// xoshiro256** seeded through SplitMix64. Only explicit, version-stable integer
/// arithmetic is used to derive ranges, so output never depends on the toolchain.
private struct SynthRNG: Sendable {
    private var s0: UInt64, s1: UInt64, s2: UInt64, s3: UInt64

    init(seed: UInt64) {
        var x = seed
        s0 = SynthRNG.splitMix(&x)
        s1 = SynthRNG.splitMix(&x)
        s2 = SynthRNG.splitMix(&x)
        s3 = SynthRNG.splitMix(&x)
        if s0 | s1 | s2 | s3 == 0 { s0 = 0x9E37_79B9_7F4A_7C15 }
    }

    private static func splitMix(_ x: inout UInt64) -> UInt64 {
        x &+= 0x9E37_79B9_7F4A_7C15
        var z = x
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    @inline(__always)
    private static func rotl(_ x: UInt64, _ k: UInt64) -> UInt64 { (x << k) | (x >> (64 &- k)) }

    mutating func next() -> UInt64 {
        let result = SynthRNG.rotl(s1 &* 5, 7) &* 9
        let t = s1 << 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = SynthRNG.rotl(s3, 45)
        return result
    }

    /// Uniform-ish integer in 0..<n (multiply-high; bias < n / 2^64).
    mutating func below(_ n: Int) -> Int {
        precondition(n > 0)
        return Int(truncatingIfNeeded: next().multipliedFullWidth(by: UInt64(n)).high)
    }

    mutating func int(_ r: ClosedRange<Int>) -> Int { r.lowerBound + below(r.upperBound - r.lowerBound + 1) }

    mutating func chance(permille: Int) -> Bool { below(1000) < permille }

    mutating func pick<T>(_ a: [T]) -> T { a[below(a.count)] }

    /// Index chosen with probability proportional to `weights[i]`.
    mutating func weighted(_ weights: [Int]) -> Int {
        var total = 0
        for w in weights { total += w }
        var r = below(total)
        for (i, w) in weights.enumerated() {
            if r < w { return i }
            r -= w
        }
        return weights.count - 1
    }

    /// Approximately normal integer (Irwin–Hall sum of four 16-bit uniforms, ±3.46 SD max).
    mutating func gauss(_ mean: Int, _ sd: Int) -> Int {
        skewedGauss(mean, sd, sd)
    }

    mutating func gauss(_ mean: Int, _ sd: Int, in range: ClosedRange<Int>) -> Int {
        min(max(gauss(mean, sd), range.lowerBound), range.upperBound)
    }

    /// Like `gauss`, with a different SD below and above the mean (right-skewed analytes).
    mutating func skewedGauss(_ mean: Int, _ sdLow: Int, _ sdHigh: Int) -> Int {
        let r = next()
        let sum = Int(r & 0xFFFF) + Int((r >> 16) & 0xFFFF) + Int((r >> 32) & 0xFFFF) + Int(r >> 48)
        let d = sum - 131_070                    // mean of the sum is 4 * 32767.5
        let num = d * (d < 0 ? sdLow : sdHigh)   // SD of the sum ≈ 37837.2
        let q = num >= 0 ? (num + 18_918) / 37_837 : -((-num + 18_918) / 37_837)
        return mean + q
    }

    mutating func skewedGauss(_ mean: Int, _ sdLow: Int, _ sdHigh: Int, in range: ClosedRange<Int>) -> Int {
        min(max(skewedGauss(mean, sdLow, sdHigh), range.lowerBound), range.upperBound)
    }
}

// MARK: - Support types

private enum SynthScript { case uzLatin, uzCyrillic, russian }

private struct SynthProfile {
    var diabetic = false
    var prediabetic = false
    var anemic = false
    var dyslipidemic = false
    var hypothyroid = false
    var hyperthyroid = false
    var liver = false
    var ckd = false
}

private enum SynthPanel: String, CaseIterable {
    case cbc = "CBC", bmp = "BMP", lipid = "LIPID", liver = "LIVER", thyroid = "THYROID"
    case hba1c = "HBA1C", glucose = "GLUCOSE", urinalysis = "URINALYSIS"
}

private struct SynthAnalyteInfo {
    let loinc: String
    let name: String
    let unit: String
    /// Values are generated as integers in units of 1/scale.
    let scale: Int

    func scaled(_ v: Int) -> Double { scale == 1 ? Double(v) : Double(v) / Double(scale) }
}

private enum SynthAnalyte {
    case hemoglobin, wbc, platelets, rbc, hematocrit
    case glucose, creatinine, bun, sodium, potassium
    case cholesterol, triglycerides, hdl, ldl
    case alt, ast, bilirubin
    case tsh, freeT4
    case hba1c
    case urineSG, urinePH, urineProtein, urineGlucose

    var info: SynthAnalyteInfo {
        switch self {
        case .hemoglobin: SynthAnalyteInfo(loinc: "718-7", name: "Hemoglobin", unit: "g/dL", scale: 10)
        case .wbc: SynthAnalyteInfo(loinc: "6690-2", name: "Leukocytes (WBC)", unit: "10*3/uL", scale: 10)
        case .platelets: SynthAnalyteInfo(loinc: "777-3", name: "Platelets", unit: "10*3/uL", scale: 1)
        case .rbc: SynthAnalyteInfo(loinc: "789-8", name: "Erythrocytes (RBC)", unit: "10*6/uL", scale: 100)
        case .hematocrit: SynthAnalyteInfo(loinc: "4544-3", name: "Hematocrit", unit: "%", scale: 10)
        case .glucose: SynthAnalyteInfo(loinc: "2345-7", name: "Glucose", unit: "mg/dL", scale: 10)
        case .creatinine: SynthAnalyteInfo(loinc: "2160-0", name: "Creatinine", unit: "mg/dL", scale: 100)
        case .bun: SynthAnalyteInfo(loinc: "3094-0", name: "Urea nitrogen (BUN)", unit: "mg/dL", scale: 1)
        case .sodium: SynthAnalyteInfo(loinc: "2951-2", name: "Sodium", unit: "mmol/L", scale: 1)
        case .potassium: SynthAnalyteInfo(loinc: "2823-3", name: "Potassium", unit: "mmol/L", scale: 10)
        case .cholesterol: SynthAnalyteInfo(loinc: "2093-3", name: "Total cholesterol", unit: "mg/dL", scale: 1)
        case .triglycerides: SynthAnalyteInfo(loinc: "2571-8", name: "Triglycerides", unit: "mg/dL", scale: 1)
        case .hdl: SynthAnalyteInfo(loinc: "2085-9", name: "HDL cholesterol", unit: "mg/dL", scale: 1)
        case .ldl: SynthAnalyteInfo(loinc: "13457-7", name: "LDL cholesterol (calculated)", unit: "mg/dL", scale: 1)
        case .alt: SynthAnalyteInfo(loinc: "1742-6", name: "ALT", unit: "U/L", scale: 1)
        case .ast: SynthAnalyteInfo(loinc: "1920-8", name: "AST", unit: "U/L", scale: 1)
        case .bilirubin: SynthAnalyteInfo(loinc: "1975-2", name: "Total bilirubin", unit: "mg/dL", scale: 10)
        case .tsh: SynthAnalyteInfo(loinc: "3016-3", name: "TSH", unit: "m[IU]/L", scale: 100)
        case .freeT4: SynthAnalyteInfo(loinc: "3024-7", name: "Free T4", unit: "ng/dL", scale: 100)
        case .hba1c: SynthAnalyteInfo(loinc: "4548-4", name: "Hemoglobin A1c", unit: "%", scale: 10)
        case .urineSG: SynthAnalyteInfo(loinc: "5811-5", name: "Urine specific gravity", unit: "1", scale: 1000)
        case .urinePH: SynthAnalyteInfo(loinc: "5803-2", name: "Urine pH", unit: "[pH]", scale: 10)
        case .urineProtein: SynthAnalyteInfo(loinc: "5804-0", name: "Urine protein", unit: "mg/dL", scale: 1)
        case .urineGlucose: SynthAnalyteInfo(loinc: "5792-7", name: "Urine glucose", unit: "mg/dL", scale: 1)
        }
    }
}

// MARK: - Dates (proleptic Gregorian, pure integer arithmetic)

private enum SynthDate {
    /// Days since 1970-01-01 (H. Hinnant's days_from_civil).
    static func days(_ y0: Int, _ m: Int, _ d: Int) -> Int {
        let y = m <= 2 ? y0 - 1 : y0
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (m + 9) % 12
        let doy = (153 * mp + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// Inverse of `days` (civil_from_days).
    static func civil(_ z0: Int) -> (Int, Int, Int) {
        let c = Timestamp.civil(z0)
        return (c.year, c.month, c.day)
    }

    static func age(birthDay: Int, on day: Int) -> Int {
        let (by, bm, bd) = civil(birthDay)
        let (y, m, d) = civil(day)
        return y - by - ((m, d) < (bm, bd) ? 1 : 0)
    }

    static func pad(_ v: Int, _ width: Int) -> String {
        let s = String(v)
        return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
    }

    static func isoDate(_ day: Int) -> String {
        let (y, m, d) = civil(day)
        return pad(y, 4) + "-" + pad(m, 2) + "-" + pad(d, 2)
    }

    static func isoDateTime(day: Int, minute: Int) -> String {
        isoDate(day) + "T" + pad(minute / 60, 2) + ":" + pad(minute % 60, 2) + ":00Z"
    }
}

// MARK: - Text helpers

private enum SynthText {
    /// Rewrites ASCII apostrophes the official way: oʻ / gʻ with U+02BB, the
    /// glottal-stop sign (tutuq belgisi, e.g. Maʼruf) with U+02BC.
    static func okina(_ s: String) -> String {
        var out = String.UnicodeScalarView()
        var prev: Unicode.Scalar = " "
        for u in s.unicodeScalars {
            if u == "'" {
                out.append(prev == "o" || prev == "O" || prev == "g" || prev == "G" ? "\u{02BB}" : "\u{02BC}")
            } else {
                out.append(u)
            }
            prev = u
        }
        return String(out)
    }

    /// Soviet-style Uzbek patronymic in Latin ("Rustamovich", "Abdullayevna");
    /// nil for fathers' names where the form would be unusual.
    static func uzPatronymic(_ father: String, female: Bool) -> String? {
        guard let last = father.unicodeScalars.last else { return nil }
        let suffix = female ? "ovna" : "ovich"
        if father.hasSuffix("sh") || father.hasSuffix("ch") { return father + (female ? "evna" : "evich") }
        switch last {
        case "a", "i": return father + "y" + (female ? "evna" : "evich")
        case "e", "o", "u", "'": return nil
        default: return father + suffix
        }
    }

    /// Russian feminine surname form: Иванов → Иванова, Сорокин → Сорокина, Полянский → Полянская.
    static func ruFeminine(_ s: String) -> String {
        if s.hasSuffix("ский") { return String(s.dropLast(2)) + "ая" }
        if s.hasSuffix("цкий") { return String(s.dropLast(2)) + "ая" }
        if s.hasSuffix("ов") || s.hasSuffix("ев") || s.hasSuffix("ёв") || s.hasSuffix("ин") || s.hasSuffix("ын") {
            return s + "а"
        }
        return s
    }

    static func ruWeeks(_ n: Int) -> String {
        let n10 = n % 10, n100 = n % 100
        if n10 == 1 && n100 != 11 { return "неделя" }
        if (2...4).contains(n10) && !(12...14).contains(n100) { return "недели" }
        return "недель"
    }

    /// Uzbek Latin (ASCII apostrophes) → Uzbek Cyrillic.
    static func uzCyrillic(_ latin: String) -> String {
        let s = Array(latin.unicodeScalars)
        var out = ""
        var i = 0
        func lower(_ u: Unicode.Scalar) -> Unicode.Scalar {
            (u.value >= 65 && u.value <= 90) ? Unicode.Scalar(u.value + 32)! : u
        }
        func isLetter(_ u: Unicode.Scalar) -> Bool {
            let l = lower(u).value
            return (l >= 97 && l <= 122) || u == "'"
        }
        func at(_ k: Int) -> Unicode.Scalar? { k < s.count ? lower(s[k]) : nil }
        while i < s.count {
            let c = s[i]
            let lc = lower(c)
            let upper = c != lc
            guard lc.value >= 97 && lc.value <= 122 else {
                out.unicodeScalars.append(c == "'" ? "ъ" : c)
                i += 1
                continue
            }
            let n1 = at(i + 1), n2 = at(i + 2)
            var l = "", u = "", len = 1
            switch lc {
            case "y" where n1 == "o" && n2 == "'": l = "йў"; u = "Йў"; len = 3
            case "y" where n1 == "o": l = "ё"; u = "Ё"; len = 2
            case "y" where n1 == "u": l = "ю"; u = "Ю"; len = 2
            case "y" where n1 == "a": l = "я"; u = "Я"; len = 2
            case "y" where n1 == "e": l = "е"; u = "Е"; len = 2
            case "o" where n1 == "'": l = "ў"; u = "Ў"; len = 2
            case "g" where n1 == "'": l = "ғ"; u = "Ғ"; len = 2
            case "s" where n1 == "h": l = "ш"; u = "Ш"; len = 2
            case "c" where n1 == "h": l = "ч"; u = "Ч"; len = 2
            case "e":
                let prev: Unicode.Scalar? = i > 0 ? lower(s[i - 1]) : nil
                let initial = prev == nil || !isLetter(prev!)
                let afterVowel = prev.map { "aeiou".unicodeScalars.contains($0) } ?? false
                if initial || afterVowel { l = "э"; u = "Э" } else { l = "е"; u = "Е" }
            default:
                let table: [Unicode.Scalar: (String, String)] = SynthText.single
                if let pair = table[lc] { l = pair.0; u = pair.1 } else { l = String(c); u = String(c) }
            }
            out += upper ? u : l
            i += len
        }
        return out
    }

    private static let single: [Unicode.Scalar: (String, String)] = [
        "a": ("а", "А"), "b": ("б", "Б"), "c": ("с", "С"), "d": ("д", "Д"), "f": ("ф", "Ф"),
        "g": ("г", "Г"), "h": ("ҳ", "Ҳ"), "i": ("и", "И"), "j": ("ж", "Ж"), "k": ("к", "К"),
        "l": ("л", "Л"), "m": ("м", "М"), "n": ("н", "Н"), "o": ("о", "О"), "p": ("п", "П"),
        "q": ("қ", "Қ"), "r": ("р", "Р"), "s": ("с", "С"), "t": ("т", "Т"), "u": ("у", "У"),
        "v": ("в", "В"), "w": ("в", "В"), "x": ("х", "Х"), "y": ("й", "Й"), "z": ("з", "З"),
    ]
}

// MARK: - Lists

private struct SynthNote {
    enum When { case any, adult, over30, diabetic, anemic, hypothyroid, ckd, liver, dyslipidemic, pregnancy }
    let when: When
    /// Uzbek Latin with ASCII apostrophes.
    let uz: String
    let uzCyr: String
    let ru: String
}

private enum SynthLists {
    static let uzMale: [String] = [
        "Abbos", "Abdulla", "Abdurahmon", "Ahmad", "Akbar", "Akmal", "Alisher", "Anvar", "Asror", "Azamat",
        "Aziz", "Bahodir", "Baxtiyor", "Bekzod", "Bobur", "Botir", "Bunyod", "Davron", "Dilshod", "Diyor",
        "Doniyor", "Do'stmurod", "Eldor", "Elyor", "Erkin", "Farhod", "Farrux", "Fazliddin", "G'ayrat", "G'olib",
        "Hamid", "Hamza", "Hasan", "Humoyun", "Husan", "Ibrohim", "Ilhom", "Islom", "Izzat", "Jahongir",
        "Jamshid", "Jasur", "Javlon", "Javohir", "Kamol", "Karim", "Komil", "Laziz", "Lochin", "Ma'ruf",
        "Mahmud", "Mansur", "Mirzo", "Muhammad", "Muhammadali", "Murod", "Nodir", "Nurali", "Nurbek", "Odil",
        "Otabek", "Oybek", "O'tkir", "Po'lat", "Qahramon", "Qodir", "Rahim", "Rashid", "Rasul", "Ravshan",
        "Rustam", "Sa'dulla", "Sanjar", "Sardor", "Sarvar", "Shavkat", "Sherzod", "Shoxrux", "Shuhrat", "Sobir",
        "Sohib", "Temur", "Tohir", "Ulug'bek", "Umid", "Vohid", "Xurshid", "Yo'ldosh", "Yusuf", "Zafar",
        "Zohid", "Zokir",
    ]

    static let uzFemale: [String] = [
        "Barno", "Charos", "Dildora", "Dilfuza", "Dilnoza", "Dilorom", "Diyora", "Durdona", "Farangiz", "Feruza",
        "Gavhar", "Go'zal", "Gulbahor", "Gulchehra", "Guli", "Gulnora", "Gulshan", "Hilola", "Hulkar", "Iroda",
        "Jamila", "Kamola", "Komila", "Laylo", "Lola", "Madina", "Maftuna", "Mahliyo", "Malika", "Marjona",
        "Mastura", "Mavluda", "Mohinur", "Mohira", "Muattar", "Mubina", "Mukarram", "Munira", "Munisa", "Mushtariy",
        "Muxlisa", "Nafisa", "Nargiza", "Nasiba", "Nigora", "Nilufar", "Nodira", "Nozima", "O'g'iloy", "Oysha",
        "Oygul", "Ra'no", "Rayhon", "Robiya", "Sabina", "Saida", "Sarvinoz", "Sevara", "Shahnoza", "Shahzoda",
        "Shohsanam", "Shoira", "Sitora", "Surayyo", "Umida", "Xadicha", "Xurshida", "Yorqinoy", "Yulduz", "Zamira",
        "Zarina", "Zebo", "Zilola", "Ziyoda", "Zuhra", "Zulfiya",
    ]

    /// Male forms (all end in -ov / -ev); the female form appends "a".
    static let uzSurnames: [String] = [
        "Abdullayev", "Abdurahmonov", "Akbarov", "Alimov", "Aliyev", "Aminov", "Asqarov", "Azimov", "Boboyev", "Boltayev",
        "Bozorov", "Davletov", "Do'stmatov", "Ergashev", "Eshmatov", "Eshonqulov", "Fayzullayev", "Fozilov", "G'afurov", "G'aniyev",
        "G'ulomov", "Hamidov", "Hasanov", "Haydarov", "Husanov", "Ibragimov", "Inoyatov", "Islomov", "Ismoilov", "Jo'rayev",
        "Jumayev", "Kamolov", "Karimov", "Komilov", "Latipov", "Ma'rufov", "Mahmudov", "Mamatov", "Mansurov", "Mirzayev",
        "Mo'minov", "Muhammadiyev", "Murodov", "Mustafoyev", "Nabiyev", "Nazarov", "Ne'matov", "Normatov", "Nurmatov", "Obidov",
        "Ochilov", "Olimov", "O'rinboyev", "O'roqov", "Pardayev", "Po'latov", "Qayumov", "Qo'chqorov", "Qodirov", "Qosimov",
        "Qurbonov", "Rahimov", "Rajabov", "Rashidov", "Raxmatov", "Rustamov", "Sa'dullayev", "Safarov", "Saidov", "Salimov",
        "Sharipov", "Shukurov", "Sobirov", "Sodiqov", "Sultonov", "Tojiyev", "Toshmatov", "To'xtayev", "Tursunov", "Turg'unov",
        "Umarov", "Usmonov", "Valiyev", "Xamroyev", "Xo'jayev", "Xolmatov", "Xudoyberdiyev", "Yo'ldoshev", "Yoqubov", "Yunusov",
        "Yusupov", "Zoirov", "Zokirov",
    ]

    static let uzMaleCyr: [String] = uzMale.map(SynthText.uzCyrillic)
    static let uzFemaleCyr: [String] = uzFemale.map(SynthText.uzCyrillic)
    static let uzSurnamesCyr: [String] = uzSurnames.map(SynthText.uzCyrillic)

    static let ruMale: [String] = [
        "Александр", "Алексей", "Анатолий", "Андрей", "Антон", "Артём", "Борис", "Вадим", "Валентин", "Валерий",
        "Виктор", "Виталий", "Владимир", "Владислав", "Вячеслав", "Геннадий", "Георгий", "Григорий", "Даниил", "Денис",
        "Дмитрий", "Евгений", "Иван", "Игорь", "Илья", "Кирилл", "Константин", "Леонид", "Максим", "Марк",
        "Михаил", "Никита", "Николай", "Олег", "Павел", "Пётр", "Роман", "Руслан", "Сергей", "Станислав",
        "Степан", "Тимур", "Эдуард", "Юрий", "Яков",
    ]

    static let ruFemale: [String] = [
        "Алина", "Алла", "Александра", "Анастасия", "Анна", "Валентина", "Валерия", "Вера", "Вероника", "Виктория",
        "Галина", "Дарья", "Евгения", "Екатерина", "Елена", "Елизавета", "Жанна", "Зинаида", "Инна", "Ирина",
        "Кристина", "Ксения", "Лариса", "Лилия", "Любовь", "Людмила", "Маргарита", "Марина", "Мария", "Надежда",
        "Наталья", "Нина", "Оксана", "Ольга", "Полина", "Светлана", "София", "Тамара", "Татьяна", "Ульяна",
        "Юлия", "Яна",
    ]

    /// Male forms; feminized by `SynthText.ruFeminine`.
    static let ruSurnames: [String] = [
        "Алексеев", "Андреев", "Баранов", "Белов", "Беляев", "Богданов", "Борисов", "Васильев", "Виноградов", "Волков",
        "Воробьёв", "Галиев", "Герасимов", "Голубев", "Григорьев", "Гусев", "Зайцев", "Захаров", "Зарипов", "Иванов",
        "Ильин", "Киселёв", "Ковалёв", "Козлов", "Комаров", "Королёв", "Кудрявцев", "Кузнецов", "Кузьмин", "Куликов",
        "Лебедев", "Макаров", "Михайлов", "Морозов", "Новиков", "Орлов", "Павлов", "Петров", "Полянский", "Пономарёв",
        "Попов", "Романов", "Сафин", "Семёнов", "Сергеев", "Смирнов", "Соколов", "Соловьёв", "Сорокин", "Степанов",
        "Тарасов", "Титов", "Фёдоров", "Хабибуллин", "Яковлев", "Жуковский", "Троицкий",
    ]

    /// Korean surnames as written in Uzbekistan (same for both sexes).
    static let koreanSurnames: [String] = [
        "Ким", "Пак", "Ли", "Цой", "Тен", "Хван", "Югай", "Шин", "Хан", "Огай",
        "Пай", "Нам", "Тян", "Лим", "Кан", "Мун", "Чен", "Эм",
    ]

    /// Surnames that do not change with sex.
    static let invariantSurnames: [String] = [
        "Шевченко", "Бондаренко", "Коваленко", "Ткаченко", "Кравченко", "Петросян", "Арутюнян", "Саркисян",
    ]

    /// (male, female) patronymics.
    static let ruPatronymics: [(String, String)] = [
        ("Александрович", "Александровна"), ("Алексеевич", "Алексеевна"), ("Анатольевич", "Анатольевна"),
        ("Андреевич", "Андреевна"), ("Борисович", "Борисовна"), ("Валерьевич", "Валерьевна"),
        ("Васильевич", "Васильевна"), ("Викторович", "Викторовна"), ("Витальевич", "Витальевна"),
        ("Владимирович", "Владимировна"), ("Вячеславович", "Вячеславовна"), ("Геннадьевич", "Геннадьевна"),
        ("Григорьевич", "Григорьевна"), ("Дмитриевич", "Дмитриевна"), ("Евгеньевич", "Евгеньевна"),
        ("Иванович", "Ивановна"), ("Игоревич", "Игоревна"), ("Ильич", "Ильинична"),
        ("Константинович", "Константиновна"), ("Леонидович", "Леонидовна"), ("Михайлович", "Михайловна"),
        ("Николаевич", "Николаевна"), ("Олегович", "Олеговна"), ("Павлович", "Павловна"),
        ("Петрович", "Петровна"), ("Романович", "Романовна"), ("Рустамович", "Рустамовна"),
        ("Сергеевич", "Сергеевна"), ("Степанович", "Степановна"), ("Тимурович", "Тимуровна"),
        ("Фёдорович", "Фёдоровна"), ("Эдуардович", "Эдуардовна"), ("Юрьевич", "Юрьевна"),
    ]

    // Cities: index-aligned Uzbek Latin / Russian names; Tashkent first (landline code 71).
    static let citiesUz: [String] = [
        "Toshkent", "Samarqand", "Buxoro", "Andijon", "Namangan", "Farg'ona", "Qarshi",
        "Nukus", "Urganch", "Jizzax", "Termiz", "Navoiy", "Guliston",
    ]
    static let citiesRu: [String] = [
        "Ташкент", "Самарканд", "Бухара", "Андижан", "Наманган", "Фергана", "Карши",
        "Нукус", "Ургенч", "Джизак", "Термез", "Навои", "Гулистан",
    ]
    static let cityWeights: [Int] = [40, 8, 6, 7, 7, 7, 5, 4, 4, 3, 3, 3, 3]

    static let uzStreets: [String] = [
        "Amir Temur shoh ko'chasi", "Mustaqillik shoh ko'chasi", "Bunyodkor shoh ko'chasi", "Alisher Navoiy ko'chasi",
        "Bobur ko'chasi", "Istiqlol ko'chasi", "Mirzo Ulug'bek ko'chasi", "Ibn Sino ko'chasi", "Beruniy ko'chasi",
        "Furqat ko'chasi", "Muqimiy ko'chasi", "Shota Rustaveli ko'chasi", "Do'stlik ko'chasi", "Tinchlik ko'chasi",
        "Navro'z ko'chasi", "Ipak yo'li ko'chasi", "Bog'ishamol ko'chasi", "Yangi hayot ko'chasi",
        "Kamoliddin Behzod ko'chasi", "Abdulla Qodiriy ko'chasi", "Cho'lpon ko'chasi", "Usmon Nosir ko'chasi",
        "Oybek ko'chasi", "Sharof Rashidov ko'chasi", "Mashrab ko'chasi", "Xalqlar do'stligi ko'chasi",
        "Al-Xorazmiy ko'chasi", "Gulobod ko'chasi", "Zarqaynar ko'chasi", "Qatortol ko'chasi",
        "Bahouddin Naqshband ko'chasi", "Registon ko'chasi", "Sayilgoh ko'chasi", "Bog'bon ko'chasi", "Paxtakor ko'chasi",
    ]

    static let ruStreets: [String] = [
        "ул. Амира Темура", "пр. Мустакиллик", "ул. Навои", "ул. Бабура", "ул. Мукими", "ул. Шота Руставели",
        "ул. Чехова", "ул. Пушкина", "ул. Лермонтова", "ул. Гагарина", "ул. Фурката", "ул. Беруни", "ул. Ибн Сины",
        "ул. Мирабадская", "ул. Садовая", "ул. Усмана Насыра", "ул. Катартал", "ул. Мирзо Улугбека",
        "ул. Абдуллы Кадыри", "ул. Дружбы народов", "ул. Бешагач", "ул. Шахрисабзская", "ул. Заркайнар", "ул. Чупан-ата",
    ]

    static let mobileCodes: [String] = ["90", "91", "93", "94", "95", "97", "98", "99", "33", "88", "77", "50"]
    static let mobileCodeWeights: [Int] = [14, 10, 12, 8, 5, 12, 6, 14, 8, 8, 5, 4]

    static let notes: [SynthNote] = [
        SynthNote(when: .any, uz: "Penitsillinga allergiya", uzCyr: "Пенициллинга аллергия", ru: "Аллергия на пенициллин"),
        SynthNote(when: .any, uz: "Aspiringa allergiya", uzCyr: "Аспиринга аллергия", ru: "Аллергия на аспирин"),
        SynthNote(when: .any, uz: "Yod preparatlariga allergiya", uzCyr: "Йод препаратларига аллергия", ru: "Аллергия на йодсодержащие препараты"),
        SynthNote(when: .any, uz: "Bronxial astma", uzCyr: "Бронхиал астма", ru: "Бронхиальная астма"),
        SynthNote(when: .any, uz: "Nazorat tahlili 3 oydan keyin", uzCyr: "Назорат таҳлили 3 ойдан кейин", ru: "Контрольный анализ через 3 месяца"),
        SynthNote(when: .any, uz: "Telefon orqali bog'lanishni afzal ko'radi", uzCyr: "Телефон орқали боғланишни афзал кўради", ru: "Предпочитает связь по телефону"),
        SynthNote(when: .any, uz: "Tahlil och qoringa topshirilmagan", uzCyr: "Таҳлил оч қоринга топширилмаган", ru: "Анализ сдан не натощак"),
        SynthNote(when: .adult, uz: "Chekadi, kuniga 10 dona", uzCyr: "Чекади, кунига 10 дона", ru: "Курит, 10 сигарет в день"),
        SynthNote(when: .over30, uz: "Arterial gipertenziya", uzCyr: "Артериал гипертензия", ru: "Артериальная гипертензия"),
        SynthNote(when: .diabetic, uz: "Qandli diabet 2-tur, metformin qabul qiladi", uzCyr: "Қандли диабет 2-тур, метформин қабул қилади", ru: "Сахарный диабет 2 типа, принимает метформин"),
        SynthNote(when: .anemic, uz: "Temir tanqisligi kamqonligi", uzCyr: "Темир танқислиги камқонлиги", ru: "Железодефицитная анемия"),
        SynthNote(when: .hypothyroid, uz: "Gipotireoz, L-tiroksin qabul qiladi", uzCyr: "Гипотиреоз, L-тироксин қабул қилади", ru: "Гипотиреоз, принимает L-тироксин"),
        SynthNote(when: .ckd, uz: "Surunkali buyrak kasalligi, 3-bosqich", uzCyr: "Сурункали буйрак касаллиги, 3-босқич", ru: "Хроническая болезнь почек, 3 стадия"),
        SynthNote(when: .liver, uz: "Yog'li gepatoz", uzCyr: "Ёғли гепатоз", ru: "Жировой гепатоз"),
        SynthNote(when: .dyslipidemic, uz: "Giperxolesterinemiya, statin qabul qiladi", uzCyr: "Гиперхолестеринемия, статин қабул қилади", ru: "Гиперхолестеринемия, принимает статины"),
        SynthNote(when: .pregnancy, uz: "Homiladorlik", uzCyr: "Ҳомиладорлик", ru: "Беременность"),
    ]
}
