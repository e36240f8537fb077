/// Words of the analysis pages and API: derived values, flags, column heads, actions.
public enum LabText: String, LocalizedKey {
    case egfr, ldlFriedewald, nonHDL, homaIR, anionGap, correctedCalcium, bmi
    case egfrFormula, ldlFormula, nonHDLFormula, homaFormula, anionGapFormula, calciumFormula, bmiFormula
    case flagNormal, flagLow, flagHigh, flagCriticalLow, flagCriticalHigh
    case analyses, newAnalysis, editAnalysis, panel, test, value, unit, reference, flag, change, derived, formula, reading
    case takenOn, lab, comment, pregnant, labRange, rangeLow, rangeHigh, saveAnalysis, analysisSaved, analysisDeleted
    case confirmDeleteAnalysis, noAnalyses, trends, report, print, results, choosePanel, previousValue, sourceLab, sourceCatalogue
    case abnormalCount, allNormalShort, pasteTitle, pasteHint, pasteButton, pastePreview, notUnderstood, importTitle, importHint
    case importButton, importPreview, importSave, importErrors, importSaved, row, column, problem, chooseFile, orPanel
    case problemNoValue, problemUnknownTest, problemUnknownUnit, problemRepeated, aiReading, aiAsk, aiGenerated, aiStored

    public var translation: Translation {
        switch self {
        case .egfr: Translation("eGFR (CKD-EPI 2021)", uz: "eGFR (CKD-EPI 2021)", ru: "СКФ (CKD-EPI 2021)")
        case .ldlFriedewald: Translation("LDL cholesterol, calculated (Friedewald)", uz: "LDL xolesterin, hisoblangan (Friedewald)",
                                         ru: "Холестерин ЛПНП, расчётный (Фридвальд)")
        case .nonHDL: Translation("Non-HDL cholesterol", uz: "HDL boʻlmagan xolesterin", ru: "Холестерин не-ЛПВП")
        case .homaIR: Translation("HOMA-IR", uz: "HOMA-IR", ru: "HOMA-IR")
        case .anionGap: Translation("Anion gap", uz: "Anion oraligʻi", ru: "Анионный интервал")
        case .correctedCalcium: Translation("Calcium corrected for albumin", uz: "Albuminga tuzatilgan kalsiy",
                                            ru: "Кальций, скорректированный на альбумин")
        case .bmi: Translation("Body mass index", uz: "Tana massasi indeksi", ru: "Индекс массы тела")
        case .egfrFormula: Translation("142 × min(Scr/κ, 1)^α × max(Scr/κ, 1)^−1.200 × 0.9938^age (× 1.012 female)",
                                       uz: "142 × min(Scr/κ, 1)^α × max(Scr/κ, 1)^−1,200 × 0,9938^yosh (× 1,012 ayol)",
                                       ru: "142 × min(Scr/κ, 1)^α × max(Scr/κ, 1)^−1,200 × 0,9938^возраст (× 1,012 жен.)")
        case .ldlFormula: Translation("TC − HDL − TG/5 (mg/dL; not when TG > 400)", uz: "UX − HDL − TG/5 (mg/dL; TG > 400 boʻlsa emas)",
                                      ru: "ОХ − ЛПВП − ТГ/5 (мг/дл; не при ТГ > 400)")
        case .nonHDLFormula: Translation("TC − HDL", uz: "UX − HDL", ru: "ОХ − ЛПВП")
        case .homaFormula: Translation("glucose (mg/dL) × insulin (µIU/mL) / 405", uz: "glyukoza (mg/dL) × insulin (µIU/mL) / 405",
                                       ru: "глюкоза (мг/дл) × инсулин (мкМЕ/мл) / 405")
        case .anionGapFormula: Translation("Na − (Cl + HCO₃)", uz: "Na − (Cl + HCO₃)", ru: "Na − (Cl + HCO₃)")
        case .calciumFormula: Translation("Ca + 0.8 × (4.0 − albumin g/dL)", uz: "Ca + 0,8 × (4,0 − albumin g/dL)",
                                          ru: "Ca + 0,8 × (4,0 − альбумин г/дл)")
        case .bmiFormula: Translation("weight (kg) / height (m)²", uz: "vazn (kg) / boʻy (m)²", ru: "масса (кг) / рост (м)²")
        case .flagNormal: Translation("normal", uz: "meʼyorda", ru: "норма")
        case .flagLow: Translation("low", uz: "past", ru: "понижен")
        case .flagHigh: Translation("high", uz: "yuqori", ru: "повышен")
        case .flagCriticalLow: Translation("critically low", uz: "xavfli past", ru: "критически низкий")
        case .flagCriticalHigh: Translation("critically high", uz: "xavfli yuqori", ru: "критически высокий")
        case .analyses: Translation("Lab analyses", uz: "Tahlillar", ru: "Анализы")
        case .newAnalysis: Translation("New analysis", uz: "Yangi tahlil", ru: "Новый анализ")
        case .editAnalysis: Translation("Edit analysis", uz: "Tahlilni tahrirlash", ru: "Изменить анализ")
        case .panel: Translation("Panel", uz: "Panel", ru: "Панель")
        case .test: Translation("Test", uz: "Koʻrsatkich", ru: "Показатель")
        case .value: Translation("Value", uz: "Qiymat", ru: "Значение")
        case .unit: Translation("Unit", uz: "Birlik", ru: "Ед. изм.")
        case .reference: Translation("Reference", uz: "Meʼyor", ru: "Норма")
        case .flag: Translation("Flag", uz: "Belgi", ru: "Отметка")
        case .change: Translation("Change", uz: "Oʻzgarish", ru: "Изменение")
        case .derived: Translation("Derived values", uz: "Hisoblangan qiymatlar", ru: "Расчётные показатели")
        case .formula: Translation("Formula", uz: "Formula", ru: "Формула")
        case .reading: Translation("Reading", uz: "Xulosa", ru: "Заключение")
        case .takenOn: Translation("Date taken", uz: "Olingan sana", ru: "Дата взятия")
        case .lab: Translation("Laboratory", uz: "Laboratoriya", ru: "Лаборатория")
        case .comment: Translation("Comment", uz: "Izoh", ru: "Комментарий")
        case .pregnant: Translation("The patient was pregnant", uz: "Bemor homilador edi", ru: "Пациентка была беременна")
        case .labRange: Translation("Lab's range (optional)", uz: "Laboratoriya meʼyori (ixtiyoriy)", ru: "Норма лаборатории (необяз.)")
        case .rangeLow: Translation("from", uz: "dan", ru: "от")
        case .rangeHigh: Translation("to", uz: "gacha", ru: "до")
        case .saveAnalysis: Translation("Save analysis", uz: "Tahlilni saqlash", ru: "Сохранить анализ")
        case .analysisSaved: Translation("Analysis saved.", uz: "Tahlil saqlandi.", ru: "Анализ сохранён.")
        case .analysisDeleted: Translation("Analysis deleted.", uz: "Tahlil oʻchirildi.", ru: "Анализ удалён.")
        case .confirmDeleteAnalysis: Translation("Delete this analysis?", uz: "Bu tahlil oʻchirilsinmi?", ru: "Удалить этот анализ?")
        case .noAnalyses: Translation("No analyses yet. Add one with “New analysis”: pick a panel and type the values.",
                                      uz: "Hali tahlillar yoʻq. «Yangi tahlil» orqali qoʻshing: panelni tanlang va qiymatlarni kiriting.",
                                      ru: "Анализов пока нет. Добавьте кнопкой «Новый анализ»: выберите панель и введите значения.")
        case .trends: Translation("Trends", uz: "Dinamika", ru: "Динамика")
        case .report: Translation("Report", uz: "Hisobot", ru: "Отчёт")
        case .print: Translation("Print", uz: "Chop etish", ru: "Печать")
        case .results: Translation("Results", uz: "Natijalar", ru: "Результаты")
        case .choosePanel: Translation("Choose a panel", uz: "Panelni tanlang", ru: "Выберите панель")
        case .previousValue: Translation("previous {value}", uz: "avvalgi {value}", ru: "ранее {value}")
        case .sourceLab: Translation("lab", uz: "laboratoriya", ru: "лаборатория")
        case .sourceCatalogue: Translation("catalogue", uz: "katalog", ru: "справочник")
        case .abnormalCount: Translation("{count} outside the range", uz: "{count} ta meʼyordan tashqari", ru: "вне нормы: {count}")
        case .pasteTitle: Translation("Paste a table", uz: "Jadvalni qoʻyish", ru: "Вставить таблицу")
        case .pasteHint: Translation("Copy the results from the lab's PDF or a spreadsheet: one test per line — name or abbreviation, value, unit, range.",
                                     uz: "Natijalarni laboratoriya PDF faylidan yoki jadvaldan nusxalang: har qatorda bitta koʻrsatkich — nomi yoki qisqartmasi, qiymati, birligi, meʼyori.",
                                     ru: "Скопируйте результаты из PDF лаборатории или таблицы: по одному показателю в строке — название или сокращение, значение, единица, норма.")
        case .pasteButton: Translation("Read the table", uz: "Jadvalni oʻqish", ru: "Прочитать таблицу")
        case .pastePreview: Translation("Check the values read from the table, then save.", uz: "Jadvaldan oʻqilgan qiymatlarni tekshiring va saqlang.",
                                        ru: "Проверьте значения, прочитанные из таблицы, и сохраните.")
        case .notUnderstood: Translation("Lines not read", uz: "Oʻqilmagan qatorlar", ru: "Непрочитанные строки")
        case .importTitle: Translation("Import a CSV file", uz: "CSV faylni import qilish", ru: "Импорт CSV-файла")
        case .importHint: Translation("Columns: taken_on, test, value, and optionally unit, range_low, range_high, lab, comment. One result per row; rows of one day and lab make one analysis.",
                                      uz: "Ustunlar: taken_on, test, value, ixtiyoriy unit, range_low, range_high, lab, comment. Har qatorda bitta natija; bir kun va bir laboratoriya qatorlari bitta tahlil boʻladi.",
                                      ru: "Столбцы: taken_on, test, value и по желанию unit, range_low, range_high, lab, comment. Один результат в строке; строки одного дня и лаборатории — один анализ.")
        case .importButton: Translation("Check the file", uz: "Faylni tekshirish", ru: "Проверить файл")
        case .importPreview: Translation("{count} analyses will be saved:", uz: "{count} ta tahlil saqlanadi:", ru: "Будет сохранено анализов: {count}:")
        case .importSave: Translation("Save all", uz: "Hammasini saqlash", ru: "Сохранить всё")
        case .importErrors: Translation("Nothing was saved. Fix these rows and check the file again:",
                                        uz: "Hech narsa saqlanmadi. Quyidagi qatorlarni tuzating va faylni qayta tekshiring:",
                                        ru: "Ничего не сохранено. Исправьте эти строки и проверьте файл снова:")
        case .importSaved: Translation("Analyses saved: {count}.", uz: "Saqlangan tahlillar: {count}.", ru: "Сохранено анализов: {count}.")
        case .row: Translation("Row", uz: "Qator", ru: "Строка")
        case .column: Translation("Column", uz: "Ustun", ru: "Столбец")
        case .problem: Translation("Problem", uz: "Muammo", ru: "Проблема")
        case .chooseFile: Translation("CSV file", uz: "CSV fayl", ru: "CSV-файл")
        case .orPanel: Translation("Or type the values of a panel", uz: "Yoki panel qiymatlarini kiriting", ru: "Или введите значения панели")
        case .aiReading: Translation("AI reading", uz: "AI xulosasi", ru: "ИИ-заключение")
        case .aiAsk: Translation("Ask the AI for a reading", uz: "AI dan xulosa soʻrash", ru: "Запросить заключение ИИ")
        case .aiGenerated: Translation("Written by an AI model ({model}) from de-identified results; check it against the results.",
                                       uz: "Anonimlashtirilgan natijalar asosida AI modeli ({model}) yozgan; natijalar bilan solishtiring.",
                                       ru: "Написано ИИ-моделью ({model}) по обезличенным результатам; сверьте с результатами.")
        case .aiStored: Translation("The AI reading is saved with the analysis.", uz: "AI xulosasi tahlil bilan saqlandi.",
                                    ru: "ИИ-заключение сохранено с анализом.")
        case .problemNoValue: Translation("no value on this line", uz: "bu qatorda qiymat yoʻq", ru: "в строке нет значения")
        case .problemUnknownTest: Translation("test not recognised", uz: "koʻrsatkich aniqlanmadi", ru: "показатель не распознан")
        case .problemUnknownUnit: Translation("unit does not fit the test", uz: "birlik bu koʻrsatkichga mos emas", ru: "единица не подходит к показателю")
        case .problemRepeated: Translation("the test appears twice", uz: "koʻrsatkich ikki marta uchraydi", ru: "показатель повторяется")
        case .allNormalShort: Translation("all within range", uz: "hammasi meʼyorda", ru: "всё в норме")
        }
    }

    public static func name(_ kind: DerivedValue.Kind) -> LabText {
        switch kind {
        case .egfr: .egfr
        case .ldlFriedewald: .ldlFriedewald
        case .nonHDL: .nonHDL
        case .homaIR: .homaIR
        case .anionGap: .anionGap
        case .correctedCalcium: .correctedCalcium
        case .bmi: .bmi
        }
    }

    public static func formula(_ kind: DerivedValue.Kind) -> LabText {
        switch kind {
        case .egfr: .egfrFormula
        case .ldlFriedewald: .ldlFormula
        case .nonHDL: .nonHDLFormula
        case .homaIR: .homaFormula
        case .anionGap: .anionGapFormula
        case .correctedCalcium: .calciumFormula
        case .bmi: .bmiFormula
        }
    }

    public static func flag(_ flag: LabFlag) -> LabText {
        switch flag {
        case .normal: .flagNormal
        case .low: .flagLow
        case .high: .flagHigh
        case .criticalLow: .flagCriticalLow
        case .criticalHigh: .flagCriticalHigh
        }
    }

    public static func problem(_ p: LabTableParser.Line.Problem) -> LabText {
        switch p {
        case .noValue: .problemNoValue
        case .unknownTest: .problemUnknownTest
        case .unknownUnit: .problemUnknownUnit
        case .repeated: .problemRepeated
        }
    }
}
