/// Messages of the error kinds (`ErrorKind`): what the API returns and the command line prints.
public enum ErrorText: LocalizedKey {
    case badRequest, invalidJSON, validation, unauthorized, invalidCredentials, forbidden, notFound
    case patientNotFound, userNotFound, methodNotAllowed, conflict, tooLarge, tooManyRequests, misdirected, busy, tooSlow, internalError
    case unavailable, invalidID, unsupportedMediaType, duplicateLogin, lastAdministrator, userHasPatients, roleChangeRefused, noDoctorAssigned, aiNotConfigured, aiLimitReached, aiUnavailable, recordDamaged, integrityDamaged
    case wrongPassphrase, tamperedKeySlot, noSecret, passphraseMismatch, notInitialized, alreadyInitialized, restoreNeedsForce
    case corruptDatabase, locked, notAccessible, diskFull, unsafeConnection, cannotListen, tlsInvalid, serviceFailed
    case checkFailed, auditBroken, backupInvalid, exportWrongCode, exportInvalid

    public var translation: Translation {
        switch self {
        case .badRequest: Translation("The request is not valid.", uz: "Soʻrov notoʻgʻri.", ru: "Некорректный запрос.")
        case .invalidJSON: Translation("The request body is not valid JSON of the expected shape.",
                                       uz: "Soʻrov tanasi kutilgan koʻrinishdagi JSON emas.",
                                       ru: "Тело запроса не является JSON ожидаемого вида.")
        case .validation: Translation("Some fields are not valid.", uz: "Baʼzi maydonlar notoʻgʻri toʻldirilgan.",
                                      ru: "Некоторые поля заполнены неверно.")
        case .unauthorized: Translation("Sign in first: a valid bearer token is required.",
                                        uz: "Avval tizimga kiring: yaroqli token kerak.",
                                        ru: "Сначала войдите: нужен действительный токен.")
        case .invalidCredentials: Translation("Wrong login or password.", uz: "Login yoki parol notoʻgʻri.",
                                              ru: "Неверный логин или пароль.")
        case .forbidden: Translation("You are not allowed to do this.", uz: "Bunga ruxsatingiz yoʻq.",
                                     ru: "У вас нет прав на это действие.")
        case .notFound: Translation("Not found.", uz: "Topilmadi.", ru: "Не найдено.")
        case .patientNotFound: Translation("No such patient.", uz: "Bunday bemor yoʻq.", ru: "Такого пациента нет.")
        case .userNotFound: Translation("No user with the login \"{login}\".", uz: "\"{login}\" loginli foydalanuvchi yoʻq.",
                                        ru: "Нет пользователя с логином \"{login}\".")
        case .methodNotAllowed: Translation("This method is not allowed here.", uz: "Bu usulga bu yerda ruxsat yoʻq.",
                                            ru: "Этот метод здесь не разрешён.")
        case .conflict: Translation("The record was changed by someone else; reload it and try again.",
                                    uz: "Yozuvni boshqa foydalanuvchi oʻzgartirgan; qayta yuklab, yana urinib koʻring.",
                                    ru: "Запись изменена другим пользователем; обновите её и повторите.")
        case .tooLarge: Translation("The request body is larger than 1 MB.", uz: "Soʻrov tanasi 1 MB dan katta.",
                                    ru: "Тело запроса больше 1 МБ.")
        case .tooSlow: Translation("This took too long and was stopped; nothing was changed. Try again in a moment.",
                                   uz: "Bu juda uzoq davom etdi va toʻxtatildi; hech narsa oʻzgarmadi. Birozdan soʻng qayta urinib koʻring.",
                                   ru: "Это заняло слишком много времени и было остановлено; ничего не изменено. Повторите чуть позже.")
        case .misdirected: Translation("This server does not answer to that address. Open it by the address it was started with.",
                                       uz: "Bu server bu manzilga javob bermaydi. Uni ishga tushirilgan manzil orqali oching.",
                                       ru: "Этот сервер не отвечает на этот адрес. Откройте его по адресу, с которым он запущен.")
        case .tooManyRequests: Translation("Too many attempts; wait and try again.",
                                           uz: "Urinishlar juda koʻp; biroz kutib, qayta urinib koʻring.",
                                           ru: "Слишком много попыток; подождите и повторите.")
        case .busy: Translation("The server is busy; try again in a moment.",
                                uz: "Server band; birozdan keyin urinib koʻring.", ru: "Сервер занят; повторите через минуту.")
        case .internalError: Translation("Something went wrong on the server; the request id in the log tells what.",
                                         uz: "Serverda xatolik yuz berdi; jurnaldagi soʻrov identifikatori sababini koʻrsatadi.",
                                         ru: "На сервере произошла ошибка; причину покажет идентификатор запроса в журнале.")
        case .unavailable: Translation("The service is temporarily unavailable.", uz: "Xizmat vaqtincha ishlamayapti.",
                                       ru: "Сервис временно недоступен.")
        case .invalidID: Translation("The identifier is not a valid UUID.", uz: "Identifikator UUID formatida emas.",
                                     ru: "Идентификатор не является UUID.")
        case .unsupportedMediaType: Translation("Send the body as application/json.",
                                                uz: "Tanani application/json sifatida yuboring.",
                                                ru: "Отправьте тело как application/json.")
        case .duplicateLogin: Translation("That login is already taken.", uz: "Bu login band.", ru: "Этот логин уже занят.")
        case .lastAdministrator: Translation("This is the last active administrator; add or enable another one first.",
                                             uz: "Bu oxirgi faol administrator; avval boshqasini qoʻshing yoki faollashtiring.",
                                             ru: "Это последний активный администратор; сначала добавьте или включите другого.")
        case .userHasPatients: Translation("This user still has patients; disable the account instead of deleting it.",
                                           uz: "Bu foydalanuvchida hali bemorlar bor; hisobni oʻchirish oʻrniga bloklang.",
                                           ru: "У этого пользователя есть пациенты; заблокируйте учётную запись вместо удаления.")
        case .roleChangeRefused: Translation("This user owns patients or has assistants, so they cannot become an assistant.",
                                             uz: "Bu foydalanuvchining bemorlari yoki yordamchilari bor, u yordamchi boʻla olmaydi.",
                                             ru: "У этого пользователя есть пациенты или ассистенты, он не может стать ассистентом.")
        case .noDoctorAssigned: Translation("You are not assigned to a doctor yet; ask the administrator.",
                                            uz: "Siz hali shifokorga biriktirilmagansiz; administratorga murojaat qiling.",
                                            ru: "Вы ещё не прикреплены к врачу; обратитесь к администратору.")
        case .aiNotConfigured: Translation("The AI reading is off; an administrator can set it up under Settings.",
                                           uz: "AI xulosasi oʻchirilgan; administrator uni Sozlamalarda yoqishi mumkin.",
                                           ru: "ИИ-заключение выключено; администратор может настроить его в Настройках.")
        case .aiLimitReached: Translation("This month's AI readings for this doctor are used up.",
                                          uz: "Bu shifokorning shu oydagi AI xulosalari tugadi.",
                                          ru: "ИИ-заключения этого врача на этот месяц исчерпаны.")
        case .aiUnavailable: Translation("The AI service did not answer; the rule-based reading stands. Try again later.",
                                         uz: "AI xizmati javob bermadi; qoidalar asosidagi xulosa oʻz kuchida. Keyinroq urinib koʻring.",
                                         ru: "ИИ-сервис не ответил; заключение по правилам остаётся в силе. Попробуйте позже.")
        case .recordDamaged: Translation(
            "The record {record} is damaged (changed outside Medora, or a failing disk) and is not shown; `medora-lite check` lists it.",
            uz: "{record} yozuvi shikastlangan (Medoradan tashqarida oʻzgartirilgan yoki disk nosoz) va koʻrsatilmaydi; `medora-lite check` uni koʻrsatadi.",
            ru: "Запись {record} повреждена (изменена вне Medora или неисправен диск) и не показывается; её называет `medora-lite check`.")
        case .integrityDamaged: Translation(
            "The integrity record of {table} has been altered; changes to it are refused until an administrator runs `medora-lite repair`.",
            uz: "{table} butunlik yozuvi oʻzgartirilgan; administrator `medora-lite repair` ni bajarmaguncha oʻzgartirishlar rad etiladi.",
            ru: "Запись целостности {table} изменена; изменения отклоняются, пока администратор не выполнит `medora-lite repair`.")
        case .wrongPassphrase: Translation("wrong passphrase", uz: "parol notoʻgʻri", ru: "неверная парольная фраза")
        case .tamperedKeySlot: Translation("a key slot has been altered or uses weak parameters; refusing to unlock",
                                           uz: "kalit sloti oʻzgartirilgan yoki zaif parametrlarga ega; ochish rad etildi",
                                           ru: "слот ключа изменён или использует слабые параметры; разблокировка отклонена")
        case .noSecret: Translation("no passphrase: set {variable}, pass --keyfile, or run in a terminal",
                                    uz: "parol berilmagan: {variable} ni oʻrnating, --keyfile bering yoki terminalda ishga tushiring",
                                    ru: "нет парольной фразы: задайте {variable}, укажите --keyfile или запустите в терминале")
        case .passphraseMismatch: Translation("the passphrases do not match", uz: "parollar mos emas",
                                              ru: "парольные фразы не совпадают")
        case .notInitialized: Translation("no Medora database in {path}; run `medora-lite init --data {path}` first",
                                          uz: "{path} da Medora bazasi yoʻq; avval `medora-lite init --data {path}` ni bajaring",
                                          ru: "в {path} нет базы Medora; сначала выполните `medora-lite init --data {path}`")
        case .alreadyInitialized: Translation("a Medora database already exists in {path}; nothing was changed",
                                              uz: "{path} da Medora bazasi allaqachon bor; hech narsa oʻzgartirilmadi",
                                              ru: "в {path} уже есть база Medora; ничего не изменено")
        case .corruptDatabase: Translation(
            "the database file {path} is damaged or is not a Medora database ({detail}); restore it from a backup",
            uz: "{path} fayli shikastlangan yoki Medora bazasi emas ({detail}); zaxira nusxadan tiklang",
            ru: "файл базы {path} повреждён или не является базой Medora ({detail}); восстановите из резервной копии")
        case .locked: Translation("the database is in use: {detail}", uz: "baza band: {detail}", ru: "база занята: {detail}")
        case .notAccessible: Translation("cannot open {path}: {detail}", uz: "{path} ochilmadi: {detail}",
                                         ru: "не удаётся открыть {path}: {detail}")
        case .diskFull: Translation("the disk is full; nothing was written", uz: "disk toʻlgan; hech narsa yozilmadi",
                                    ru: "диск заполнен; ничего не записано")
        case .unsafeConnection: Translation("refusing to run: {detail}", uz: "ishga tushirish rad etildi: {detail}",
                                            ru: "запуск отклонён: {detail}")
        case .cannotListen: Translation("cannot listen on {address}: {detail}", uz: "{address} da tinglab boʻlmadi: {detail}",
                                        ru: "не удаётся слушать {address}: {detail}")
        case .tlsInvalid: Translation("{path} is not a usable TLS certificate or key ({detail})",
                                      uz: "{path} yaroqli TLS sertifikati yoki kaliti emas ({detail})",
                                      ru: "{path} — непригодный TLS-сертификат или ключ ({detail})")
        case .serviceFailed: Translation("the {service} service failed: {detail}",
                                         uz: "{service} xizmati ishdan chiqdi: {detail}",
                                         ru: "сбой службы {service}: {detail}")
        case .backupInvalid: Translation("{path} is not a usable backup ({detail}); nothing was changed",
                                         uz: "{path} yaroqli zaxira nusxa emas ({detail}); hech narsa oʻzgartirilmadi",
                                         ru: "{path} — непригодная резервная копия ({detail}); ничего не изменено")
        case .exportWrongCode: Translation("the code does not open this export; nothing was written",
                                           uz: "kod bu eksportni ochmaydi; hech narsa yozilmadi",
                                           ru: "код не открывает этот экспорт; ничего не записано")
        case .exportInvalid: Translation("not a Medora Lite export file, or a damaged one ({detail}); nothing was written",
                                         uz: "bu Medora Lite eksport fayli emas yoki u shikastlangan ({detail}); hech narsa yozilmadi",
                                         ru: "это не файл экспорта Medora Lite или он повреждён ({detail}); ничего не записано")
        case .restoreNeedsForce: Translation("{path} already holds a database; to replace it with the backup, stop the server and add --force (the current one is kept beside as medora.db.before-restore-…)",
                                             uz: "{path} da allaqachon baza bor; uni zaxira nusxa bilan almashtirish uchun serverni toʻxtating va --force qoʻshing (joriy baza yonida medora.db.before-restore-… sifatida saqlanadi)",
                                             ru: "в {path} уже есть база; чтобы заменить её резервной копией, остановите сервер и добавьте --force (текущая сохранится рядом как medora.db.before-restore-…)")
        case .checkFailed: Translation("check FAILED", uz: "tekshiruv MUVAFFAQIYATSIZ", ru: "проверка НЕ пройдена")
        case .auditBroken: Translation("audit trail BROKEN: {detail}", uz: "audit jurnali BUZILGAN: {detail}", ru: "журнал аудита НАРУШЕН: {detail}")
        }
    }
}
