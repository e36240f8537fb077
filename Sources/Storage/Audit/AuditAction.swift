import Foundation

/// What an audit entry records. The raw value is what the file holds (stable, never renamed);
/// the entity type follows from the action. Declared once: the label on the audit pages, the
/// entity and whether the action is a read (recorded in batches) derive from here.
public enum AuditAction: String, LocalizedKey, Codable {
    case signIn = "session.sign_in"
    case signInFailed = "session.sign_in_failed"
    case signOut = "session.sign_out"
    case patientCreate = "patient.create"
    case patientRead = "patient.read"
    case patientList = "patient.list"
    case patientUpdate = "patient.update"
    case patientDelete = "patient.delete"
    case patientRestore = "patient.restore"
    case patientErase = "patient.erase"
    case patientExport = "patient.export"
    case analysisCreate = "analysis.create"
    case analysisRead = "analysis.read"
    case analysisUpdate = "analysis.update"
    case analysisDelete = "analysis.delete"
    case userCreate = "user.create"
    case userUpdate = "user.update"
    case userDelete = "user.delete"
    case settingsChange = "settings.change"
    case backupCreate = "backup.create"
    case backupRestore = "backup.restore"
    case practiceExport = "practice.export"
    case auditView = "audit.view"
    case repairAccept = "repair.accept"
    case repairRemove = "repair.remove"

    /// The kind of thing the entry's id names.
    public var entity: String { String(rawValue.prefix { $0 != "." }) }

    /// Reads are kept in memory and committed in batches (at least once a second); every other
    /// action is written in the transaction of the change it records.
    public var isRead: Bool {
        switch self {
        case .patientRead, .patientList, .analysisRead, .signInFailed, .auditView: true
        default: false
        }
    }

    public var translation: Translation {
        switch self {
        case .signIn: Translation("Signed in", uz: "Tizimga kirdi", ru: "Вход в систему")
        case .signInFailed: Translation("Failed sign-in", uz: "Muvaffaqiyatsiz kirish", ru: "Неудачный вход")
        case .signOut: Translation("Signed out", uz: "Tizimdan chiqdi", ru: "Выход из системы")
        case .patientCreate: Translation("Created the record", uz: "Yozuvni yaratdi", ru: "Создал запись")
        case .patientRead: Translation("Opened the record", uz: "Yozuvni ochdi", ru: "Открыл запись")
        case .patientList: Translation("Listed or searched patients", uz: "Bemorlar roʻyxati yoki qidiruvi",
                                       ru: "Список или поиск пациентов")
        case .patientUpdate: Translation("Changed the details", uz: "Maʼlumotlarni oʻzgartirdi", ru: "Изменил данные")
        case .patientDelete: Translation("Moved to the trash", uz: "Savatga oʻtkazdi", ru: "Переместил в корзину")
        case .patientRestore: Translation("Restored from the trash", uz: "Savatdan qaytardi", ru: "Восстановил из корзины")
        case .patientErase: Translation("Erased for good", uz: "Butunlay oʻchirdi", ru: "Удалил навсегда")
        case .patientExport: Translation("Exported for the patient", uz: "Bemor uchun eksport qildi", ru: "Экспортировал для пациента")
        case .analysisCreate: Translation("Added an analysis", uz: "Tahlil qoʻshdi", ru: "Добавил анализ")
        case .analysisRead: Translation("Opened an analysis", uz: "Tahlilni ochdi", ru: "Открыл анализ")
        case .analysisUpdate: Translation("Changed an analysis", uz: "Tahlilni oʻzgartirdi", ru: "Изменил анализ")
        case .analysisDelete: Translation("Deleted an analysis", uz: "Tahlilni oʻchirdi", ru: "Удалил анализ")
        case .userCreate: Translation("Added a user", uz: "Foydalanuvchi qoʻshdi", ru: "Добавил пользователя")
        case .userUpdate: Translation("Changed a user", uz: "Foydalanuvchini oʻzgartirdi", ru: "Изменил пользователя")
        case .userDelete: Translation("Deleted a user", uz: "Foydalanuvchini oʻchirdi", ru: "Удалил пользователя")
        case .settingsChange: Translation("Changed the settings", uz: "Sozlamalarni oʻzgartirdi", ru: "Изменил настройки")
        case .backupCreate: Translation("Started a backup", uz: "Zaxira nusxalashni boshladi", ru: "Начал резервное копирование")
        case .backupRestore: Translation("Restored a backup", uz: "Zaxira nusxani tikladi", ru: "Восстановил резервную копию")
        case .practiceExport: Translation("Exported the practice", uz: "Amaliyotni eksport qildi", ru: "Экспортировал практику")
        case .auditView: Translation("Viewed the audit trail", uz: "Audit jurnalini koʻrdi", ru: "Просмотрел журнал аудита")
        case .repairAccept: Translation("Accepted the sets of rows (repair)", uz: "Yozuvlar toʻplamini qabul qildi (tuzatish)",
                                        ru: "Принял наборы строк (исправление)")
        case .repairRemove: Translation("Removed a damaged record (repair)", uz: "Shikastlangan yozuvni olib tashladi (tuzatish)",
                                        ru: "Удалил повреждённую запись (исправление)")
        }
    }
}

/// Who acts, as the audit trail records it: the signed-in user (nil for the command line or the
/// server's own work), where the request came from, and through which face of the program.
public struct AuditActor: Sendable, Equatable {
    public enum Origin: String, Sendable, Codable, CaseIterable { case web, api, cli, server }

    public var userID: UUID?
    public var address: String?
    public var origin: Origin

    public init(userID: UUID?, address: String?, origin: Origin) {
        self.userID = userID
        self.address = address.map { String($0.prefix(64)) }
        self.origin = origin
    }

    /// The actor of the work running in this task: set by the HTTP layer once a session resolves
    /// and by each command; the server's own work otherwise.
    @TaskLocal public static var current = AuditActor(userID: nil, address: nil, origin: .server)
}
