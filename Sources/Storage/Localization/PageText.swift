/// Text of the web pages.
public enum PageText: LocalizedKey {
    case appName, homeTagline, homeAPI, homeHealth, privacyTitle, privacyBody, termsTitle, termsBody
    case sizeKilobytes, sizeMegabytes

    public var translation: Translation {
        switch self {
        case .appName: Translation("Medora Lite", uz: "Medora Lite", ru: "Medora Lite")
        case .homeTagline: Translation("Medical records for the small clinic: one file, encrypted.",
                                       uz: "Kichik klinika uchun tibbiy yozuvlar: bitta fayl, shifrlangan.",
                                       ru: "Медицинские записи для небольшой клиники: один файл, зашифрован.")
        case .homeAPI: Translation("JSON API", uz: "JSON API", ru: "JSON API")
        case .sizeKilobytes: Translation("{n} KB", uz: "{n} KB", ru: "{n} КБ")
        case .sizeMegabytes: Translation("{n} MB", uz: "{n} MB", ru: "{n} МБ")
        case .homeHealth: Translation("Health", uz: "Holat", ru: "Состояние")
        case .privacyTitle: Translation("Privacy", uz: "Maxfiylik", ru: "Конфиденциальность")
        case .privacyBody: Translation(
            "Medora Lite keeps the clinic's records in one file on this computer. Nothing is sent anywhere.\n\n"
                + "Every personal detail of a patient is encrypted with a key of its own; the file cannot be read without the clinic's passphrase, keyfile or recovery key.\n\n"
                + "Logs hold record ids and times, never names, phone numbers or search words. Each doctor sees only their own patients, an assistant those of the doctor they work for, and the administrator every patient.",
            uz: "Medora Lite klinika yozuvlarini shu kompyuterdagi bitta faylda saqlaydi. Hech narsa hech qayerga yuborilmaydi.\n\n"
                + "Bemorning har bir shaxsiy maʼlumoti alohida kalit bilan shifrlanadi; faylni klinika paroli, kalit fayli yoki tiklash kalitisiz oʻqib boʻlmaydi.\n\n"
                + "Jurnallarda faqat yozuv identifikatorlari va vaqt saqlanadi, ism, telefon yoki qidiruv soʻzlari emas. Har bir shifokor faqat oʻz bemorlarini, yordamchi oʻzi ishlaydigan shifokorning bemorlarini, administrator esa barcha bemorlarni koʻradi.",
            ru: "Medora Lite хранит записи клиники в одном файле на этом компьютере. Ничего никуда не отправляется.\n\n"
                + "Каждое персональное данное пациента зашифровано отдельным ключом; файл нельзя прочитать без парольной фразы клиники, файла ключа или ключа восстановления.\n\n"
                + "В журналах только идентификаторы записей и время — не имена, телефоны и поисковые слова. Каждый врач видит только своих пациентов, ассистент — пациентов своего врача, администратор — всех.")
        case .termsTitle: Translation("Terms of use", uz: "Foydalanish shartlari", ru: "Условия использования")
        case .termsBody: Translation(
            "Medora Lite is a tool for keeping medical records. It does not diagnose and does not replace a doctor's judgment.\n\n"
                + "The clinic is responsible for its passphrase, its backups and who may sign in. Keep the recovery key offline.",
            uz: "Medora Lite tibbiy yozuvlarni yuritish vositasidir. U tashxis qoʻymaydi va shifokor xulosasining oʻrnini bosmaydi.\n\n"
                + "Klinika oʻz paroli, zaxira nusxalari va kim kira olishi uchun javobgar. Tiklash kalitini oflayn saqlang.",
            ru: "Medora Lite — инструмент для ведения медицинских записей. Он не ставит диагнозы и не заменяет решения врача.\n\n"
                + "Клиника отвечает за свою парольную фразу, резервные копии и то, кто может входить. Храните ключ восстановления офлайн.")
        }
    }
}

/// A file's size as people read it: whole kilobytes under a megabyte, else megabytes with one
/// decimal (a comma in Uzbek and Russian). One rule for the Backups page and the command line.
public enum ByteSize {
    public static func text(_ bytes: Int64, _ language: Language) -> String {
        let kilobytes = max(1, (bytes + 512) >> 10)
        if kilobytes < 1024 { return PageText.sizeKilobytes.text(language, ["n": String(kilobytes)]) }
        let tenths = (bytes * 10 + (1 << 19)) >> 20
        let separator = language == .en ? "." : ","
        return PageText.sizeMegabytes.text(language, ["n": "\(tenths / 10)\(separator)\(tenths % 10)"])
    }
}
