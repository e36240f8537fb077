/// The sentences of a reading, one per rule, and the words for flags. Every reading ends with
/// `disclaimer`.
public enum ReadingText: String, LocalizedKey {
    case abnormal, low, high, criticalLow, criticalHigh
    case microcyticAnaemia, ironDeficiency, macrocyticAnaemia, anaemia, ckdStage, dyslipidaemia, diabetesRange, prediabetes
    case hypothyroidism, subclinicalHypothyroidism, hyperthyroidism, subclinicalHyperthyroidism
    case hepatocellularInjury, cholestaticInjury, mixedInjury, allNormal, disclaimer

    public var translation: Translation {
        switch self {
        case .abnormal: Translation("{test} is {level}: {value} {unit} (reference {range}).",
                                    uz: "{test} {level}: {value} {unit} (meʼyor {range}).",
                                    ru: "{test}: {level} — {value} {unit} (норма {range}).")
        case .low: Translation("low", uz: "past", ru: "понижен")
        case .high: Translation("high", uz: "yuqori", ru: "повышен")
        case .criticalLow: Translation("critically low", uz: "xavfli darajada past", ru: "критически понижен")
        case .criticalHigh: Translation("critically high", uz: "xavfli darajada yuqori", ru: "критически повышен")
        case .microcyticAnaemia: Translation(
            "Low haemoglobin with small red cells (MCV {mcv} fL): a microcytic anaemia, most often from iron deficiency; ferritin and iron studies help confirm.",
            uz: "Gemoglobin past, eritrotsitlar mayda (MCV {mcv} fL): mikrotsitar anemiya, koʻpincha temir yetishmasligidan; ferritin va temir tahlillari tasdiqlashga yordam beradi.",
            ru: "Низкий гемоглобин с мелкими эритроцитами (MCV {mcv} фл): микроцитарная анемия, чаще всего из-за дефицита железа; подтвердить помогут ферритин и показатели железа.")
        case .ironDeficiency: Translation("Ferritin is low as well: the picture fits iron deficiency.",
                                          uz: "Ferritin ham past: manzara temir yetishmasligiga mos.",
                                          ru: "Ферритин также снижен: картина соответствует дефициту железа.")
        case .macrocyticAnaemia: Translation(
            "Low haemoglobin with large red cells (MCV {mcv} fL): a macrocytic anaemia; vitamin B12 and folate are worth checking.",
            uz: "Gemoglobin past, eritrotsitlar yirik (MCV {mcv} fL): makrotsitar anemiya; B12 vitamini va folat kislotasini tekshirish foydali.",
            ru: "Низкий гемоглобин с крупными эритроцитами (MCV {mcv} фл): макроцитарная анемия; стоит проверить витамин B12 и фолиевую кислоту.")
        case .anaemia: Translation("Haemoglobin is below the reference range: anaemia.",
                                   uz: "Gemoglobin meʼyordan past: anemiya.", ru: "Гемоглобин ниже нормы: анемия.")
        case .ckdStage: Translation(
            "eGFR {egfr} mL/min/1.73 m² is in CKD stage {stage}; chronic kidney disease is confirmed when it stays so for three months.",
            uz: "eGFR {egfr} mL/min/1.73 m² — SBK {stage} bosqichi; holat uch oy saqlansa, surunkali buyrak kasalligi tasdiqlanadi.",
            ru: "СКФ {egfr} мл/мин/1,73 м² соответствует стадии ХБП {stage}; хроническая болезнь почек подтверждается, если это сохраняется три месяца.")
        case .dyslipidaemia: Translation("The lipid profile is outside the desirable levels (dyslipidaemia); cardiovascular risk is worth assessing.",
                                         uz: "Lipid profili maqbul darajadan tashqarida (dislipidemiya); yurak-qon tomir xavfini baholash foydali.",
                                         ru: "Липидный профиль вне желательных значений (дислипидемия); стоит оценить сердечно-сосудистый риск.")
        case .diabetesRange: Translation("{value} {unit} is in the diabetes range (for glucose, if taken fasting); a repeat test confirms the diagnosis.",
                                         uz: "{value} {unit} qandli diabet oraligʻida (glyukoza uchun — ochlikda olingan boʻlsa); tashxisni takroriy tahlil tasdiqlaydi.",
                                         ru: "{value} {unit} — в диапазоне сахарного диабета (для глюкозы — если натощак); диагноз подтверждает повторный анализ.")
        case .prediabetes: Translation("{value} {unit} is in the prediabetes range (for glucose, if taken fasting).",
                                       uz: "{value} {unit} prediabet oraligʻida (glyukoza uchun — ochlikda olingan boʻlsa).",
                                       ru: "{value} {unit} — в диапазоне предиабета (для глюкозы — если натощак).")
        case .hypothyroidism: Translation("High TSH with low free T4: the pattern of primary hypothyroidism.",
                                          uz: "TTG yuqori, erkin T4 past: birlamchi gipotireoz manzarasi.",
                                          ru: "Высокий ТТГ при низком свободном Т4: картина первичного гипотиреоза.")
        case .subclinicalHypothyroidism: Translation("High TSH with free T4 normal or not measured: possible subclinical hypothyroidism.",
                                                     uz: "TTG yuqori, erkin T4 meʼyorida yoki oʻlchanmagan: subklinik gipotireoz ehtimoli.",
                                                     ru: "Высокий ТТГ при нормальном или неизмеренном свободном Т4: возможен субклинический гипотиреоз.")
        case .hyperthyroidism: Translation("Low TSH with high free T4: the pattern of hyperthyroidism.",
                                           uz: "TTG past, erkin T4 yuqori: gipertireoz manzarasi.",
                                           ru: "Низкий ТТГ при высоком свободном Т4: картина гипертиреоза.")
        case .subclinicalHyperthyroidism: Translation("Low TSH with free T4 normal or not measured: possible subclinical hyperthyroidism.",
                                                      uz: "TTG past, erkin T4 meʼyorida yoki oʻlchanmagan: subklinik gipertireoz ehtimoli.",
                                                      ru: "Низкий ТТГ при нормальном или неизмеренном свободном Т4: возможен субклинический гипертиреоз.")
        case .hepatocellularInjury: Translation("Liver enzymes show a hepatocellular pattern of injury (R = {r}).",
                                                uz: "Jigar fermentlari gepatotsellyulyar shikastlanish manzarasini koʻrsatadi (R = {r}).",
                                                ru: "Печёночные ферменты указывают на гепатоцеллюлярный тип повреждения (R = {r}).")
        case .cholestaticInjury: Translation("Liver enzymes show a cholestatic pattern (R = {r}).",
                                             uz: "Jigar fermentlari xolestatik manzarani koʻrsatadi (R = {r}).",
                                             ru: "Печёночные ферменты указывают на холестатический тип (R = {r}).")
        case .mixedInjury: Translation("Liver enzymes show a mixed hepatocellular and cholestatic pattern (R = {r}).",
                                       uz: "Jigar fermentlari aralash (gepatotsellyulyar va xolestatik) manzarani koʻrsatadi (R = {r}).",
                                       ru: "Печёночные ферменты указывают на смешанный тип повреждения (R = {r}).")
        case .allNormal: Translation("All results are within their reference ranges.", uz: "Barcha natijalar meʼyor doirasida.",
                                     ru: "Все результаты в пределах нормы.")
        case .disclaimer: Translation("This reading is generated by rules; it does not replace a doctor's judgment.",
                                      uz: "Bu xulosa qoidalar asosida tuzilgan; u shifokor xulosasining oʻrnini bosmaydi.",
                                      ru: "Это заключение составлено по правилам и не заменяет решения врача.")
        }
    }

    /// The word for a flag.
    public static func level(_ flag: LabFlag) -> ReadingText? {
        switch flag {
        case .low: .low
        case .high: .high
        case .criticalLow: .criticalLow
        case .criticalHigh: .criticalHigh
        case .normal: nil
        }
    }
}

extension ReadingFinding {
    /// The sentence in `language`.
    public func text(_ language: Language) -> String {
        switch rule {
        case .abnormal:
            let test = code.flatMap(LabCatalogue.test(code:))
            var args = values
            args["test"] = test?.name[language] ?? code ?? ""
            args["level"] = flag.flatMap(ReadingText.level)?.text(language) ?? ""
            return ReadingText.abnormal.text(language, args)
        case .microcyticAnaemia: return ReadingText.microcyticAnaemia.text(language, values)
        case .ironDeficiency: return ReadingText.ironDeficiency.text(language, values)
        case .macrocyticAnaemia: return ReadingText.macrocyticAnaemia.text(language, values)
        case .anaemia: return ReadingText.anaemia.text(language, values)
        case .ckdStage: return ReadingText.ckdStage.text(language, values)
        case .dyslipidaemia: return ReadingText.dyslipidaemia.text(language, values)
        case .diabetesRange: return ReadingText.diabetesRange.text(language, values)
        case .prediabetes: return ReadingText.prediabetes.text(language, values)
        case .hypothyroidism: return ReadingText.hypothyroidism.text(language, values)
        case .subclinicalHypothyroidism: return ReadingText.subclinicalHypothyroidism.text(language, values)
        case .hyperthyroidism: return ReadingText.hyperthyroidism.text(language, values)
        case .subclinicalHyperthyroidism: return ReadingText.subclinicalHyperthyroidism.text(language, values)
        case .hepatocellularInjury: return ReadingText.hepatocellularInjury.text(language, values)
        case .cholestaticInjury: return ReadingText.cholestaticInjury.text(language, values)
        case .mixedInjury: return ReadingText.mixedInjury.text(language, values)
        case .allNormal: return ReadingText.allNormal.text(language, values)
        case .aiReading: return values["text"] ?? ""
        }
    }
}
