/// Text of the web pages (forms, navigation, messages).
public enum WebText: String, LocalizedKey {
    case signIn, login, password, signOut, dashboard, patients, newPatient, searchPlaceholder, searchButton
    case noPatients, noMatches, save, cancel, edit, delete, confirmDelete, patientSaved, patientDeleted
    case patientCount, damagedNotice, disclaimer, analysesPlaceholder, previous, next, language, choose
    case details, recentPatients, signedInAs, fixErrors, editPatient, back, version, analyses, demoCredentials
    case account, changePassword, currentPassword, newPassword, repeatPassword, passwordsDiffer, wrongCurrentPassword
    case passwordChangedSignIn, sessions, thisSession, endSession, endOthers, sessionsEnded, started, ends, from
    case users, addUser, displayName, role, status, disable, enable, resetPassword, userSaved, roleAdmin, roleDoctor
    case roleAssistant, statusActive, statusDisabled
    case settings, clinicName, defaultLanguage, idleTimeoutMinutes, settingsSaved, consentTitle, consentIntro, consentAccept
    case consentRecorded, help, userGuide, adminGuide, troubleshooting, statPatients, statCreated, statChanged, thisMonth
    case noRecent, doctor, noDoctor, changeRole, passwordResetDone, tryAgainIn, myLanguage, languageAuto, languageSaved
    case apply, noAssistantDoctor, everyPatient, languageSwitch, skipToContent, aiSettings, aiEndpoint, aiModel, aiKey, aiMonthlyLimit
    case backups, backupStale, backupNow, backupMade, backupFailed, backupLastGood, backupNone, backupFile, backupSize, backupTime
    case backupSettings, backupMinutes, backupFolder, backupFolderMissing, download, backupState, backupVerified, backupUnchecked
    case limitsSettings, limitsIntro, limitPerAddress, limitApiAnonymous, limitApiUser, limitPagesUser, limitRange, limitPinned, audit

    public var translation: Translation {
        switch self {
        case .signIn: Translation("Sign in", uz: "Kirish", ru: "Войти")
        case .login: Translation("Login", uz: "Login", ru: "Логин")
        case .password: Translation("Password", uz: "Parol", ru: "Пароль")
        case .signOut: Translation("Sign out", uz: "Chiqish", ru: "Выйти")
        case .dashboard: Translation("Dashboard", uz: "Bosh sahifa", ru: "Главная")
        case .patients: Translation("Patients", uz: "Bemorlar", ru: "Пациенты")
        case .newPatient: Translation("New patient", uz: "Yangi bemor", ru: "Новый пациент")
        case .searchPlaceholder: Translation("Name or phone, Latin or Cyrillic", uz: "Ism yoki telefon, lotin yoki kirill",
                                             ru: "Имя или телефон, латиница или кириллица")
        case .searchButton: Translation("Search", uz: "Qidirish", ru: "Найти")
        case .noPatients: Translation("No patients yet. Add the first one with “New patient”.",
                                      uz: "Hali bemorlar yoʻq. Birinchisini «Yangi bemor» orqali qoʻshing.",
                                      ru: "Пациентов пока нет. Добавьте первого кнопкой «Новый пациент».")
        case .noMatches: Translation("Nobody matches. Try fewer letters (the start of a name is enough), or part of the phone number.",
                                     uz: "Hech kim topilmadi. Kamroq harf yozing (ismning boshi yetarli) yoki telefon raqamining bir qismini.",
                                     ru: "Никого не найдено. Введите меньше букв (достаточно начала имени) или часть номера телефона.")
        case .save: Translation("Save", uz: "Saqlash", ru: "Сохранить")
        case .cancel: Translation("Cancel", uz: "Bekor qilish", ru: "Отмена")
        case .edit: Translation("Edit", uz: "Tahrirlash", ru: "Изменить")
        case .delete: Translation("Delete", uz: "Oʻchirish", ru: "Удалить")
        case .confirmDelete: Translation("Delete this patient? Their record leaves every list.",
                                         uz: "Bu bemor oʻchirilsinmi? Uning yozuvi barcha roʻyxatlardan chiqadi.",
                                         ru: "Удалить этого пациента? Запись исчезнет из всех списков.")
        case .patientSaved: Translation("Patient saved.", uz: "Bemor saqlandi.", ru: "Пациент сохранён.")
        case .patientDeleted: Translation("Patient deleted.", uz: "Bemor oʻchirildi.", ru: "Пациент удалён.")
        case .patientCount: Translation("Patients: {count}", uz: "Bemorlar: {count}", ru: "Пациентов: {count}")
        case .damagedNotice: Translation(
            "{count} records are damaged and not shown; the administrator sees them with `medora-lite check`.",
            uz: "{count} ta yozuv shikastlangan va koʻrsatilmaydi; administrator ularni `medora-lite check` bilan koʻradi.",
            ru: "Повреждённых записей: {count}, они не показываются; администратор видит их через `medora-lite check`.")
        case .disclaimer: Translation("Medora Lite keeps records; it does not replace a doctor's judgment.",
                                      uz: "Medora Lite yozuvlarni saqlaydi; u shifokor xulosasining oʻrnini bosmaydi.",
                                      ru: "Medora Lite хранит записи и не заменяет решения врача.")
        case .analysesPlaceholder: Translation("Lab analyses will appear here.", uz: "Tahlillar shu yerda koʻrinadi.",
                                               ru: "Здесь появятся анализы.")
        case .previous: Translation("Previous", uz: "Oldingi", ru: "Назад")
        case .next: Translation("Next", uz: "Keyingi", ru: "Далее")
        case .language: Translation("Language", uz: "Til", ru: "Язык")
        case .choose: Translation("—", uz: "—", ru: "—")
        case .details: Translation("Details", uz: "Maʼlumotlar", ru: "Данные")
        case .recentPatients: Translation("Recent patients", uz: "Soʻnggi bemorlar", ru: "Недавние пациенты")
        case .signedInAs: Translation("Signed in as {name}", uz: "{name} sifatida kirilgan", ru: "Вы вошли как {name}")
        case .fixErrors: Translation("Some fields need attention.", uz: "Baʼzi maydonlarni tuzatish kerak.",
                                     ru: "Некоторые поля требуют исправления.")
        case .editPatient: Translation("Edit patient", uz: "Bemorni tahrirlash", ru: "Изменить пациента")
        case .back: Translation("Back to patients", uz: "Bemorlarga qaytish", ru: "К списку пациентов")
        case .demoCredentials: Translation("Demo: sign in as {login} with the password {password}.",
                                           uz: "Demo: {login} sifatida {password} paroli bilan kiring.",
                                           ru: "Демо: войдите как {login} с паролем {password}.")
        case .account: Translation("My account", uz: "Mening hisobim", ru: "Моя учётная запись")
        case .changePassword: Translation("Change password", uz: "Parolni oʻzgartirish", ru: "Сменить пароль")
        case .currentPassword: Translation("Current password", uz: "Joriy parol", ru: "Текущий пароль")
        case .newPassword: Translation("New password (at least 10 characters)", uz: "Yangi parol (kamida 10 ta belgi)",
                                       ru: "Новый пароль (не короче 10 символов)")
        case .repeatPassword: Translation("Repeat the new password", uz: "Yangi parolni takrorlang", ru: "Повторите новый пароль")
        case .passwordsDiffer: Translation("The new passwords do not match.", uz: "Yangi parollar mos emas.",
                                           ru: "Новые пароли не совпадают.")
        case .wrongCurrentPassword: Translation("The current password is wrong.", uz: "Joriy parol notoʻgʻri.",
                                                ru: "Текущий пароль неверен.")
        case .passwordChangedSignIn: Translation("Password changed; every session ended. Sign in with the new password.",
                                                 uz: "Parol oʻzgartirildi; barcha seanslar yakunlandi. Yangi parol bilan kiring.",
                                                 ru: "Пароль изменён; все сеансы завершены. Войдите с новым паролем.")
        case .sessions: Translation("Signed-in sessions", uz: "Faol seanslar", ru: "Активные сеансы")
        case .thisSession: Translation("this session", uz: "joriy seans", ru: "текущий сеанс")
        case .endSession: Translation("End", uz: "Yakunlash", ru: "Завершить")
        case .endOthers: Translation("End all other sessions", uz: "Boshqa barcha seanslarni yakunlash",
                                     ru: "Завершить все остальные сеансы")
        case .sessionsEnded: Translation("Sessions ended: {count}.", uz: "Yakunlangan seanslar: {count}.",
                                         ru: "Завершено сеансов: {count}.")
        case .started: Translation("Started", uz: "Boshlangan", ru: "Начат")
        case .ends: Translation("Ends", uz: "Tugaydi", ru: "Истекает")
        case .from: Translation("From", uz: "Qayerdan", ru: "Откуда")
        case .users: Translation("Users", uz: "Foydalanuvchilar", ru: "Пользователи")
        case .addUser: Translation("Add a user", uz: "Foydalanuvchi qoʻshish", ru: "Добавить пользователя")
        case .displayName: Translation("Full name", uz: "Toʻliq ism", ru: "Полное имя")
        case .role: Translation("Role", uz: "Rol", ru: "Роль")
        case .status: Translation("Status", uz: "Holat", ru: "Статус")
        case .disable: Translation("Disable", uz: "Bloklash", ru: "Заблокировать")
        case .enable: Translation("Enable", uz: "Faollashtirish", ru: "Разблокировать")
        case .resetPassword: Translation("Set a new password", uz: "Yangi parol oʻrnatish", ru: "Задать новый пароль")
        case .userSaved: Translation("Saved.", uz: "Saqlandi.", ru: "Сохранено.")
        case .roleAdmin: Translation("administrator", uz: "administrator", ru: "администратор")
        case .roleDoctor: Translation("doctor", uz: "shifokor", ru: "врач")
        case .roleAssistant: Translation("assistant", uz: "yordamchi", ru: "ассистент")
        case .statusActive: Translation("active", uz: "faol", ru: "активен")
        case .statusDisabled: Translation("disabled", uz: "bloklangan", ru: "заблокирован")
        case .analyses: Translation("Lab analyses", uz: "Tahlillar", ru: "Анализы")
        case .version: Translation("Version {version}", uz: "Versiya {version}", ru: "Версия {version}")
        case .settings: Translation("Settings", uz: "Sozlamalar", ru: "Настройки")
        case .clinicName: Translation("Clinic name (shown in the header)", uz: "Klinika nomi (sarlavhada koʻrinadi)",
                                      ru: "Название клиники (в заголовке)")
        case .defaultLanguage: Translation("Default language", uz: "Asosiy til", ru: "Язык по умолчанию")
        case .idleTimeoutMinutes: Translation("Sign out after this many idle minutes (5–480)",
                                              uz: "Shuncha daqiqa harakatsizlikdan soʻng chiqish (5–480)",
                                              ru: "Выход после стольких минут бездействия (5–480)")
        case .settingsSaved: Translation("Settings saved.", uz: "Sozlamalar saqlandi.", ru: "Настройки сохранены.")
        case .consentTitle: Translation("Before you start", uz: "Boshlashdan oldin", ru: "Перед началом работы")
        case .consentIntro: Translation(
            "Please read the privacy notice and the terms of use. By accepting, you agree to keep patients' data confidential and to use Medora Lite as a record-keeping tool, not as a substitute for clinical judgment. Your acceptance is recorded with the time.",
            uz: "Iltimos, maxfiylik bayonoti va foydalanish shartlarini oʻqing. Qabul qilib, bemorlar maʼlumotlarini sir saqlashga va Medora Lite'dan klinik xulosa oʻrnida emas, yozuv yuritish vositasi sifatida foydalanishga rozilik bildirasiz. Roziligingiz vaqti bilan qayd etiladi.",
            ru: "Прочитайте уведомление о конфиденциальности и условия использования. Принимая их, вы обязуетесь хранить данные пациентов в тайне и использовать Medora Lite для ведения записей, а не вместо клинического решения. Ваше согласие записывается со временем.")
        case .consentAccept: Translation("I have read them and accept", uz: "Oʻqidim va qabul qilaman", ru: "Я прочитал(а) и принимаю")
        case .consentRecorded: Translation("Thank you; your acceptance is recorded.", uz: "Rahmat; roziligingiz qayd etildi.",
                                           ru: "Спасибо; ваше согласие записано.")
        case .help: Translation("Help", uz: "Yordam", ru: "Справка")
        case .userGuide: Translation("User guide", uz: "Foydalanuvchi qoʻllanmasi", ru: "Руководство пользователя")
        case .adminGuide: Translation("Administrator guide", uz: "Administrator qoʻllanmasi", ru: "Руководство администратора")
        case .troubleshooting: Translation("Troubleshooting", uz: "Muammolarni hal qilish", ru: "Решение проблем")
        case .statPatients: Translation("Patients", uz: "Bemorlar", ru: "Пациенты")
        case .statCreated: Translation("New this month", uz: "Shu oy yangi", ru: "Новых за месяц")
        case .statChanged: Translation("Updated this month", uz: "Shu oy yangilangan", ru: "Изменено за месяц")
        case .thisMonth: Translation("This month", uz: "Shu oy", ru: "Этот месяц")
        case .noRecent: Translation("Nothing yet: patients you add or edit appear here.",
                                    uz: "Hozircha hech narsa yoʻq: siz qoʻshgan yoki tahrirlagan bemorlar shu yerda chiqadi.",
                                    ru: "Пока пусто: здесь появятся пациенты, которых вы добавите или измените.")
        case .doctor: Translation("Doctor (for an assistant)", uz: "Shifokor (yordamchi uchun)", ru: "Врач (для ассистента)")
        case .noDoctor: Translation("— none —", uz: "— yoʻq —", ru: "— нет —")
        case .changeRole: Translation("Change role", uz: "Rolni oʻzgartirish", ru: "Сменить роль")
        case .passwordResetDone: Translation("New password set; the user's sessions ended.",
                                             uz: "Yangi parol oʻrnatildi; foydalanuvchi seanslari yakunlandi.",
                                             ru: "Новый пароль задан; сеансы пользователя завершены.")
        case .tryAgainIn: Translation("Too many attempts. Try again in {seconds} seconds.",
                                      uz: "Urinishlar juda koʻp. {seconds} soniyadan soʻng qayta urinib koʻring.",
                                      ru: "Слишком много попыток. Повторите через {seconds} с.")
        case .myLanguage: Translation("My language", uz: "Mening tilim", ru: "Мой язык")
        case .languageAuto: Translation("As the browser or the clinic", uz: "Brauzer yoki klinika boʻyicha",
                                        ru: "Как в браузере или клинике")
        case .languageSaved: Translation("Language saved.", uz: "Til saqlandi.", ru: "Язык сохранён.")
        case .apply: Translation("Apply", uz: "Qoʻllash", ru: "Применить")
        case .noAssistantDoctor: Translation("You are not assigned to a doctor yet, so there are no patients to show. Ask the administrator to assign you.",
                                             uz: "Siz hali shifokorga biriktirilmagansiz, shuning uchun bemorlar yoʻq. Administratordan biriktirishni soʻrang.",
                                             ru: "Вы ещё не прикреплены к врачу, поэтому пациентов нет. Попросите администратора прикрепить вас.")
        case .everyPatient: Translation("As an administrator you see every doctor's patients.",
                                        uz: "Administrator sifatida barcha shifokorlarning bemorlarini koʻrasiz.",
                                        ru: "Как администратор вы видите пациентов всех врачей.")
        case .aiSettings: Translation("AI reading (optional)", uz: "AI xulosasi (ixtiyoriy)", ru: "ИИ-заключение (необязательно)")
        case .aiEndpoint: Translation("Chat-completions URL of an OpenAI-compatible service, e.g. a local Ollama (empty: off)",
                                      uz: "OpenAI bilan mos xizmatning chat-completions manzili, masalan mahalliy Ollama (boʻsh: oʻchiq)",
                                      ru: "Адрес chat-completions OpenAI-совместимого сервиса, например локальной Ollama (пусто: выключено)")
        case .aiModel: Translation("Model", uz: "Model", ru: "Модель")
        case .aiKey: Translation("Key (leave empty to keep the saved one)", uz: "Kalit (saqlanganini qoldirish uchun boʻsh qoldiring)",
                                 ru: "Ключ (оставьте пустым, чтобы сохранить прежний)")
        case .aiMonthlyLimit: Translation("AI readings per doctor per month", uz: "Har bir shifokor uchun oyiga AI xulosalari",
                                          ru: "ИИ-заключений на врача в месяц")
        case .backups: Translation("Backups", uz: "Zaxira nusxalar", ru: "Резервные копии")
        case .backupStale: Translation("No verified backup in the last 24 hours: make one now.",
                                       uz: "Soʻnggi 24 soatda tekshirilgan zaxira nusxa yoʻq: hozir yarating.",
                                       ru: "За последние 24 часа нет проверенной резервной копии: сделайте её сейчас.")
        case .backupNow: Translation("Make a backup now", uz: "Hozir zaxira nusxa yaratish", ru: "Сделать копию сейчас")
        case .backupMade: Translation("Backup made and verified.", uz: "Zaxira nusxa yaratildi va tekshirildi.", ru: "Копия сделана и проверена.")
        case .backupFailed: Translation("The backup failed ({code}); the database is untouched.",
                                        uz: "Zaxira nusxa yaratilmadi ({code}); baza oʻzgarmadi.",
                                        ru: "Копия не сделана ({code}); база не изменена.")
        case .backupLastGood: Translation("Last verified backup: {time}", uz: "Oxirgi tekshirilgan nusxa: {time}",
                                          ru: "Последняя проверенная копия: {time}")
        case .backupNone: Translation("No backup yet.", uz: "Hali zaxira nusxa yoʻq.", ru: "Копий пока нет.")
        case .backupFile: Translation("File", uz: "Fayl", ru: "Файл")
        case .backupSize: Translation("Size", uz: "Hajmi", ru: "Размер")
        case .backupTime: Translation("Made", uz: "Yaratilgan", ru: "Создана")
        case .backupSettings: Translation("Backups", uz: "Zaxira nusxalar", ru: "Резервные копии")
        case .backupMinutes: Translation("Back up every this many minutes when something changed (1–1440)",
                                         uz: "Oʻzgarish boʻlsa, har shuncha daqiqada zaxira nusxa (1–1440)",
                                         ru: "Делать копию каждые столько минут, если были изменения (1–1440)")
        case .backupFolder: Translation("Also copy to this folder (a USB stick or a synced folder; full path, optional)",
                                        uz: "Shuningdek bu papkaga (USB yoki sinxron papka; toʻliq yoʻl, ixtiyoriy)",
                                        ru: "Также копировать в эту папку (флешка или синхронизируемая папка; полный путь, необязательно)")
        case .backupFolderMissing: Translation("The second backup folder is not there (a USB stick unplugged?); backups go to the data folder only.",
                                               uz: "Ikkinchi zaxira papkasi topilmadi (USB ulanmaganmi?); nusxalar faqat maʼlumotlar papkasiga yoziladi.",
                                               ru: "Второй папки для копий нет (флешка не вставлена?); копии пишутся только в папку данных.")
        case .backupState: Translation("Checked", uz: "Tekshiruv", ru: "Проверка")
        case .backupVerified: Translation("verified", uz: "tekshirilgan", ru: "проверена")
        case .backupUnchecked: Translation("not checked since the server started (`medora-lite backup verify`)",
                                           uz: "server ishga tushgandan beri tekshirilmagan (`medora-lite backup verify`)",
                                           ru: "не проверялась с запуска сервера (`medora-lite backup verify`)")
        case .download: Translation("Download", uz: "Yuklab olish", ru: "Скачать")
        case .limitsSettings: Translation("Request limits", uz: "Soʻrovlar cheklovi", ru: "Ограничения запросов")
        case .limitsIntro: Translation("Past a limit the server answers “too many requests” for a while. They stop floods and password guessing; a doctor at work never comes near them. Changes apply at once.",
                                       uz: "Cheklovdan oshganda server bir muddat “soʻrovlar juda koʻp” deb javob beradi. Ular hujum va parol terishni toʻxtatadi; ishlayotgan shifokor ularga yaqinlashmaydi. Oʻzgarishlar darhol kuchga kiradi.",
                                       ru: "Сверх ограничения сервер какое-то время отвечает «слишком много запросов». Они останавливают наплыв запросов и подбор паролей; врач за работой до них не доходит. Изменения действуют сразу.")
        case .limitPerAddress: Translation("Requests without signing in, per address and minute",
                                           uz: "Tizimga kirmasdan soʻrovlar, har bir manzil uchun daqiqasiga",
                                           ru: "Запросов без входа с одного адреса в минуту")
        case .limitApiAnonymous: Translation("API requests without a token, per address and hour",
                                             uz: "Tokensiz API soʻrovlari, har bir manzil uchun soatiga",
                                             ru: "Запросов к API без токена с одного адреса в час")
        case .limitApiUser: Translation("API requests per user and hour", uz: "Har bir foydalanuvchi uchun soatiga API soʻrovlari",
                                        ru: "Запросов к API на пользователя в час")
        case .limitPagesUser: Translation("Pages per signed-in user and minute", uz: "Tizimdagi foydalanuvchi uchun daqiqasiga sahifalar",
                                          ru: "Страниц на вошедшего пользователя в минуту")
        case .limitRange: Translation("{min}–{max}; standard {standard}", uz: "{min}–{max}; odatiy {standard}",
                                      ru: "{min}–{max}; обычно {standard}")
        case .audit: Translation("Audit", uz: "Audit", ru: "Аудит")
        case .limitPinned: Translation("Set to {value} by {option} when the server was started; this applies until it is started without it.",
                                       uz: "Server ishga tushirilganda {option} bilan {value} qilib belgilangan; usiz ishga tushirilguncha amal qiladi.",
                                       ru: "Задано значением {value} через {option} при запуске сервера; действует, пока сервер не запущен без него.")
        case .skipToContent: Translation("Skip to content", uz: "Asosiy qismga oʻtish", ru: "Перейти к содержанию")
        case .languageSwitch: Translation("Language of the pages", uz: "Sahifalar tili", ru: "Язык страниц")
        }
    }
}

extension Sex: LocalizedKey {
    public var translation: Translation {
        switch self {
        case .male: Translation("male", uz: "erkak", ru: "мужской")
        case .female: Translation("female", uz: "ayol", ru: "женский")
        case .other: Translation("other", uz: "boshqa", ru: "другой")
        case .unknown: Translation("unknown", uz: "nomaʼlum", ru: "неизвестно")
        }
    }
}
