/// Text of the web pages.
public enum PageText: LocalizedKey {
    case appName, homeTagline, homeAPI, homeHealth

    public var translation: Translation {
        switch self {
        case .appName: Translation("Medora Lite", uz: "Medora Lite", ru: "Medora Lite")
        case .homeTagline: Translation("Medical records for the small clinic: one file, encrypted.",
                                       uz: "Kichik klinika uchun tibbiy yozuvlar: bitta fayl, shifrlangan.",
                                       ru: "Медицинские записи для небольшой клиники: один файл, зашифрован.")
        case .homeAPI: Translation("JSON API", uz: "JSON API", ru: "JSON API")
        case .homeHealth: Translation("Health", uz: "Holat", ru: "Состояние")
        }
    }
}
