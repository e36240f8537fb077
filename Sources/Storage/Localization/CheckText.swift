/// The lines of `medora-lite check`.
public enum CheckText: LocalizedKey {
    case integrity, foreignKeys, slot, migrations, users, patients, sessions, damaged, rowSets, audit, violations, weak, passed

    public var translation: Translation {
        switch self {
        case .integrity: Translation("SQLite integrity", uz: "SQLite butunligi", ru: "Целостность SQLite")
        case .foreignKeys: Translation("foreign keys", uz: "tashqi kalitlar", ru: "внешние ключи")
        case .slot: Translation("key slot", uz: "kalit sloti", ru: "слот ключа")
        case .migrations: Translation("migrations", uz: "migratsiyalar", ru: "миграции")
        case .users: Translation("users", uz: "foydalanuvchilar", ru: "пользователи")
        case .patients: Translation("patients", uz: "bemorlar", ru: "пациенты")
        case .sessions: Translation("sessions", uz: "seanslar", ru: "сеансы")
        case .damaged: Translation("damaged records", uz: "shikastlangan yozuvlar", ru: "повреждённые записи")
        case .rowSets: Translation("sets of rows", uz: "yozuvlar toʻplami", ru: "наборы строк")
        case .audit: Translation("audit trail", uz: "audit jurnali", ru: "журнал аудита")
        case .violations: Translation("{count} violations", uz: "{count} ta buzilish", ru: "нарушений: {count}")
        case .weak: Translation("WEAK", uz: "ZAIF", ru: "СЛАБЫЙ")
        case .passed: Translation("check passed", uz: "tekshiruv muvaffaqiyatli", ru: "проверка пройдена")
        }
    }
}
