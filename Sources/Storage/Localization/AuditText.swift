/// The words of the audit trail: `audit verify`, the audit page and the patient's access panel.
public enum AuditText: LocalizedKey {
    case verified, entries, head, problemAltered, problemMissing, problemOutOfOrder, problemHeadDamaged, problemTruncated
    case problemOlderThanHead, problemDivergesFromHead, againstHead, noHeadInBackup, badHead, broken
    case title, accessPanel, accessNone, when, who, action, fromAddress, origin, commandLine, server, unknownUser
    case filterUser, filterAction, filterPatient, filterFrom, filterTo, anyone, anyAction, noEntries, chainHead, entryAltered, exportHead
    case originWeb, originApi, originCli, originServer, entityPatient, entityAnalysis, entityUser, entitySession, entitySettings
    case entityBackup, entityPractice, entityAudit, entityRepair

    public var translation: Translation {
        switch self {
        case .verified: Translation("audit trail intact", uz: "audit jurnali butun", ru: "журнал аудита не нарушен")
        case .entries: Translation("entries", uz: "yozuvlar", ru: "записей")
        case .head: Translation("head", uz: "oxirgi yozuv", ru: "вершина")
        case .problemAltered: Translation("entry {seq} was altered or inserted (its MAC does not hold)",
                                          uz: "{seq}-yozuv oʻzgartirilgan yoki qoʻshilgan (MAC mos emas)",
                                          ru: "запись {seq} изменена или вставлена (MAC не сходится)")
        case .problemMissing: Translation("entries {seq}–{through} are missing (deleted)",
                                          uz: "{seq}–{through} yozuvlar yoʻq (oʻchirilgan)",
                                          ru: "записи {seq}–{through} отсутствуют (удалены)")
        case .problemOutOfOrder: Translation("entry {seq} does not follow the entry before it (entries moved or replaced)",
                                             uz: "{seq}-yozuv oldingisidan keyin kelmaydi (yozuvlar koʻchirilgan yoki almashtirilgan)",
                                             ru: "запись {seq} не следует за предыдущей (записи переставлены или заменены)")
        case .problemHeadDamaged: Translation("the chain's head record (entry {seq}) is damaged or does not match the last entry",
                                              uz: "zanjir boshi yozuvi ({seq}) shikastlangan yoki oxirgi yozuvga mos emas",
                                              ru: "запись вершины цепочки ({seq}) повреждена или не совпадает с последней записью")
        case .problemTruncated: Translation("entries {seq}–{through} were cut off the end",
                                            uz: "{seq}–{through} yozuvlar oxiridan kesib tashlangan",
                                            ru: "записи {seq}–{through} отрезаны с конца")
        case .problemOlderThanHead: Translation(
            "this database has no entry {seq}, which the backup names: it is an older copy than that backup",
            uz: "bu bazada zaxira nusxada koʻrsatilgan {seq}-yozuv yoʻq: u shu zaxira nusxadan eskiroq nusxa",
            ru: "в этой базе нет записи {seq}, которую называет резервная копия: это более старая копия, чем она")
        case .problemDivergesFromHead: Translation(
            "entry {seq} differs from the backup's: this database has another history",
            uz: "{seq}-yozuv zaxira nusxadagidan farq qiladi: bu bazaning tarixi boshqa",
            ru: "запись {seq} отличается от записи в резервной копии: у этой базы другая история")
        case .againstHead: Translation("checked against the head {head}", uz: "{head} bilan solishtirildi", ru: "сверено с вершиной {head}")
        case .noHeadInBackup: Translation("{path} was made before the audit trail existed: it has no head to check against",
                                          uz: "{path} audit jurnalidan oldin yaratilgan: solishtirish uchun boshi yoʻq",
                                          ru: "{path} создана до появления журнала аудита: сверять не с чем")
        case .badHead: Translation("not a head: expected NUMBER:HEX as printed by a backup or an export",
                                   uz: "bosh emas: zaxira nusxa yoki eksport chiqargan RAQAM:HEX kutilgan",
                                   ru: "это не вершина: ожидается ЧИСЛО:HEX, как печатают резервная копия и экспорт")
        case .broken: Translation("audit trail BROKEN", uz: "audit jurnali BUZILGAN", ru: "журнал аудита НАРУШЕН")
        case .title: Translation("Audit trail", uz: "Audit jurnali", ru: "Журнал аудита")
        case .accessPanel: Translation("Who accessed this record", uz: "Bu yozuvni kim koʻrgan", ru: "Кто обращался к записи")
        case .accessNone: Translation("Nobody yet.", uz: "Hali hech kim.", ru: "Пока никто.")
        case .when: Translation("When", uz: "Qachon", ru: "Когда")
        case .who: Translation("Who", uz: "Kim", ru: "Кто")
        case .action: Translation("What", uz: "Nima", ru: "Что")
        case .fromAddress: Translation("From", uz: "Qayerdan", ru: "Откуда")
        case .origin: Translation("Through", uz: "Orqali", ru: "Через")
        case .commandLine: Translation("command line", uz: "buyruq qatori", ru: "командная строка")
        case .server: Translation("the server itself", uz: "serverning oʻzi", ru: "сам сервер")
        case .unknownUser: Translation("deleted user", uz: "oʻchirilgan foydalanuvchi", ru: "удалённый пользователь")
        case .filterUser: Translation("User", uz: "Foydalanuvchi", ru: "Пользователь")
        case .filterAction: Translation("Action", uz: "Amal", ru: "Действие")
        case .filterPatient: Translation("Patient id", uz: "Bemor identifikatori", ru: "Идентификатор пациента")
        case .filterFrom: Translation("From date", uz: "Sanadan", ru: "С даты")
        case .filterTo: Translation("To date", uz: "Sanagacha", ru: "По дату")
        case .anyone: Translation("Anyone", uz: "Har kim", ru: "Любой")
        case .anyAction: Translation("Any action", uz: "Har qanday amal", ru: "Любое действие")
        case .noEntries: Translation("No entries match.", uz: "Mos yozuvlar yoʻq.", ru: "Подходящих записей нет.")
        case .chainHead: Translation("Chain head: {head}", uz: "Zanjir boshi: {head}", ru: "Вершина цепочки: {head}")
        case .exportHead: Translation("Audit head at export: {head} (check a database against it with `audit verify --head`)",
                                      uz: "Eksport paytidagi audit boshi: {head} (bazani u bilan `audit verify --head` orqali tekshiring)",
                                      ru: "Вершина журнала аудита при экспорте: {head} (сверить базу: `audit verify --head`)")
        case .originWeb: Translation("web", uz: "veb", ru: "веб")
        case .originApi: Translation("API", uz: "dasturiy interfeys (API)", ru: "программный интерфейс (API)")
        case .originCli: Translation("command line", uz: "buyruq qatori", ru: "командная строка")
        case .originServer: Translation("server", uz: "server", ru: "сервер")
        case .entityPatient: Translation("patient", uz: "bemor", ru: "пациент")
        case .entityAnalysis: Translation("analysis", uz: "tahlil", ru: "анализ")
        case .entityUser: Translation("user", uz: "foydalanuvchi", ru: "пользователь")
        case .entitySession: Translation("session", uz: "seans", ru: "сеанс")
        case .entitySettings: Translation("settings", uz: "sozlamalar", ru: "настройки")
        case .entityBackup: Translation("backup", uz: "zaxira nusxa", ru: "резервная копия")
        case .entityPractice: Translation("practice", uz: "amaliyot", ru: "практика")
        case .entityAudit: Translation("audit trail", uz: "audit jurnali", ru: "журнал аудита")
        case .entityRepair: Translation("repair", uz: "tuzatish", ru: "исправление")
        case .entryAltered: Translation("altered", uz: "oʻzgartirilgan", ru: "изменена")
        }
    }
}
