import Foundation

/// The three languages of the product.
enum Language: String, CaseIterable, Sendable {
    case en, uz, ru

    /// Picks a language from an explicit choice (cookie/flag) or an `Accept-Language` header.
    static func negotiate(explicit: String? = nil, acceptLanguage: String?) -> Language {
        if let explicit, let l = Language(rawValue: explicit.lowercased()) { return l }
        guard let header = acceptLanguage else { return .en }
        let ranked = header.split(separator: ",").compactMap { part -> (String, Double)? in
            let pieces = part.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
            guard let tag = pieces.first, !tag.isEmpty else { return nil }
            let q = pieces.dropFirst().first { $0.hasPrefix("q=") }.flatMap { Double($0.dropFirst(2)) } ?? 1
            return (tag.lowercased(), q)
        }.sorted { $0.1 > $1.1 }
        for (tag, _) in ranked {
            let primary = String(tag.prefix { $0 != "-" && $0 != "_" })
            if let l = Language(rawValue: primary) { return l }
        }
        return .en
    }

    /// From the process environment, for CLI messages (`MEDORA_LANG`, then `LANG`).
    static var cli: Language {
        let env = ProcessInfo.processInfo.environment
        if let l = env["MEDORA_LANG"].flatMap(Language.init(rawValue:)) { return l }
        return negotiate(acceptLanguage: env["LANG"].map { String($0.prefix(2)) })
    }
}

/// Every user-facing string, in English, Uzbek (Latin) and Russian. One lookup: `L10n.text`.
enum L10n {
    enum Key: String, CaseIterable, Sendable {
        // API errors
        case errBadRequest, errInvalidJSON, errValidation, errUnauthorized, errInvalidCredentials
        case errForbidden, errNotFound, errPatientNotFound, errMethodNotAllowed, errConflict
        case errTooLarge, errTooManyRequests, errBusy, errInternal, errUnavailable, errInvalidID
        case errUnsupportedMediaType, errDuplicateLogin
        // validation field messages
        case vRequired, vTooLong, vTooShort, vInvalidCharacters, vInvalidFormat, vOutOfRange
        case vUnknownField, vInvalidValue
        // CLI
        case cliWrongPassphrase, cliNotInitialized, cliAlreadyInitialized, cliCorrupt, cliLocked
        case cliNotAccessible, cliDiskFull, cliUnsafe, cliTampered, cliNoSecret, cliPassphrasePrompt
        case cliPassphraseConfirm, cliPassphraseMismatch, cliRecoveryKeyNotice, cliInitDone, cliServing
        case cliDemoLogin, cliCheckHealthy, cliCheckUnhealthy, cliUserAdded, cliPasswordChanged
        case cliPasswordPrompt, cliInvalidInput, cliGenerated, cliKeyfileWritten, cliBusy, cliPortInUse
        case cliDataDirectory, cliTryAPI, cliPassphraseChanged, cliNewPassphrasePrompt
        case chkIntegrity, chkForeignKeys, chkSlot, chkMigrations, chkUsers, chkPatients, chkSessions
        case chkUndecryptable, chkViolations, chkWeak
        // pages
        case appName, homeTagline, homeAPI, homeHealth
    }

    static func text(_ key: Key, _ lang: Language) -> String {
        let row = table[key]!
        switch lang {
        case .en: return row.en
        case .uz: return row.uz
        case .ru: return row.ru
        }
    }

    /// Fills `{name}` placeholders.
    static func text(_ key: Key, _ lang: Language, _ args: [String: String]) -> String {
        var s = text(key, lang)
        for (k, v) in args { s = s.replacingOccurrences(of: "{\(k)}", with: v) }
        return s
    }

    static let table: [Key: (en: String, uz: String, ru: String)] = [
        .errBadRequest: ("The request is not valid.", "Soʻrov notoʻgʻri.", "Некорректный запрос."),
        .errInvalidJSON: ("The request body is not valid JSON of the expected shape.",
                          "Soʻrov tanasi kutilgan koʻrinishdagi JSON emas.",
                          "Тело запроса не является JSON ожидаемого вида."),
        .errValidation: ("Some fields are not valid.", "Baʼzi maydonlar notoʻgʻri toʻldirilgan.",
                         "Некоторые поля заполнены неверно."),
        .errUnauthorized: ("Sign in first: a valid bearer token is required.",
                           "Avval tizimga kiring: yaroqli token kerak.",
                           "Сначала войдите: нужен действительный токен."),
        .errInvalidCredentials: ("Wrong login or password.", "Login yoki parol notoʻgʻri.",
                                 "Неверный логин или пароль."),
        .errForbidden: ("You are not allowed to do this.", "Bunga ruxsatingiz yoʻq.",
                        "У вас нет прав на это действие."),
        .errNotFound: ("Not found.", "Topilmadi.", "Не найдено."),
        .errPatientNotFound: ("No such patient.", "Bunday bemor yoʻq.", "Такого пациента нет."),
        .errMethodNotAllowed: ("This method is not allowed here.", "Bu usulga bu yerda ruxsat yoʻq.",
                               "Этот метод здесь не разрешён."),
        .errConflict: ("The record was changed by someone else; reload it and try again.",
                       "Yozuvni boshqa foydalanuvchi oʻzgartirgan; qayta yuklab, yana urinib koʻring.",
                       "Запись изменена другим пользователем; обновите её и повторите."),
        .errTooLarge: ("The request body is larger than 1 MB.", "Soʻrov tanasi 1 MB dan katta.",
                       "Тело запроса больше 1 МБ."),
        .errTooManyRequests: ("Too many attempts; wait and try again.",
                              "Urinishlar juda koʻp; biroz kutib, qayta urinib koʻring.",
                              "Слишком много попыток; подождите и повторите."),
        .errBusy: ("The server is busy; try again in a moment.", "Server band; birozdan keyin urinib koʻring.",
                   "Сервер занят; повторите через минуту."),
        .errInternal: ("Something went wrong on the server; nothing was changed.",
                       "Serverda xatolik yuz berdi; hech narsa oʻzgartirilmadi.",
                       "На сервере произошла ошибка; ничего не изменено."),
        .errUnavailable: ("The service is temporarily unavailable.", "Xizmat vaqtincha ishlamayapti.",
                          "Сервис временно недоступен."),
        .errInvalidID: ("The identifier is not a valid UUID.", "Identifikator UUID formatida emas.",
                        "Идентификатор не является UUID."),
        .errUnsupportedMediaType: ("Send the body as application/json.", "Tanani application/json sifatida yuboring.",
                                   "Отправьте тело как application/json."),
        .errDuplicateLogin: ("That login is already taken.", "Bu login band.", "Этот логин уже занят."),

        .vRequired: ("This field is required.", "Bu maydon majburiy.", "Обязательное поле."),
        .vTooLong: ("This value is too long.", "Qiymat juda uzun.", "Слишком длинное значение."),
        .vTooShort: ("This value is too short.", "Qiymat juda qisqa.", "Слишком короткое значение."),
        .vInvalidCharacters: ("Only letters, spaces, apostrophes and hyphens are allowed here.",
                              "Bu yerda faqat harflar, boʻsh joy, apostrof va chiziqcha ruxsat etiladi.",
                              "Допустимы только буквы, пробелы, апострофы и дефисы."),
        .vInvalidFormat: ("The format is not valid.", "Format notoʻgʻri.", "Неверный формат."),
        .vOutOfRange: ("The value is out of the allowed range.", "Qiymat ruxsat etilgan oraliqdan tashqarida.",
                       "Значение вне допустимого диапазона."),
        .vUnknownField: ("Unknown field.", "Nomaʼlum maydon.", "Неизвестное поле."),
        .vInvalidValue: ("The value is not one of the allowed values.", "Qiymat ruxsat etilganlardan emas.",
                         "Недопустимое значение."),

        .cliWrongPassphrase: ("wrong passphrase", "parol notoʻgʻri", "неверная парольная фраза"),
        .cliNotInitialized: ("no Medora database in {path}; run `medora-lite init --data {path}` first",
                             "{path} da Medora bazasi yoʻq; avval `medora-lite init --data {path}` ni bajaring",
                             "в {path} нет базы Medora; сначала выполните `medora-lite init --data {path}`"),
        .cliAlreadyInitialized: ("a Medora database already exists in {path}; nothing was changed",
                                 "{path} da Medora bazasi allaqachon bor; hech narsa oʻzgartirilmadi",
                                 "в {path} уже есть база Medora; ничего не изменено"),
        .cliCorrupt: ("the database file {path} is damaged or is not a Medora database ({detail}); restore it from a backup",
                      "{path} fayli shikastlangan yoki Medora bazasi emas ({detail}); zaxira nusxadan tiklang",
                      "файл базы {path} повреждён или не является базой Medora ({detail}); восстановите из резервной копии"),
        .cliLocked: ("the database is in use: {detail}", "baza band: {detail}", "база занята: {detail}"),
        .cliNotAccessible: ("cannot open {path}: {detail}", "{path} ochilmadi: {detail}", "не удаётся открыть {path}: {detail}"),
        .cliDiskFull: ("the disk is full; nothing was written", "disk toʻlgan; hech narsa yozilmadi",
                       "диск заполнен; ничего не записано"),
        .cliUnsafe: ("refusing to run: {detail}", "ishga tushirish rad etildi: {detail}", "запуск отклонён: {detail}"),
        .cliTampered: ("a key slot has been altered or uses weak parameters; refusing to unlock",
                       "kalit sloti oʻzgartirilgan yoki zaif parametrlarga ega; ochish rad etildi",
                       "слот ключа изменён или использует слабые параметры; разблокировка отклонена"),
        .cliNoSecret: ("no passphrase: set MEDORA_PASSPHRASE, pass --keyfile, or run in a terminal",
                       "parol berilmagan: MEDORA_PASSPHRASE ni oʻrnating, --keyfile bering yoki terminalda ishga tushiring",
                       "нет парольной фразы: задайте MEDORA_PASSPHRASE, укажите --keyfile или запустите в терминале"),
        .cliPassphrasePrompt: ("Passphrase: ", "Parol: ", "Парольная фраза: "),
        .cliPassphraseConfirm: ("Repeat passphrase: ", "Parolni takrorlang: ", "Повторите парольную фразу: "),
        .cliPassphraseMismatch: ("the passphrases do not match", "parollar mos emas", "парольные фразы не совпадают"),
        .cliRecoveryKeyNotice: ("RECOVERY KEY (shown once; write it down and keep it offline; it opens the database if the passphrase is lost):",
                                "TIKLASH KALITI (faqat bir marta koʻrsatiladi; yozib oling va oflayn saqlang; parol yoʻqolsa bazani ochadi):",
                                "КЛЮЧ ВОССТАНОВЛЕНИЯ (показывается один раз; запишите и храните офлайн; открывает базу, если парольная фраза утеряна):"),
        .cliInitDone: ("Created {path} with administrator \"{login}\".", "{path} yaratildi, administrator: \"{login}\".",
                       "Создано {path}, администратор: \"{login}\"."),
        .cliServing: ("Medora Lite is running at {url}", "Medora Lite ishlamoqda: {url}", "Medora Lite работает: {url}"),
        .cliDemoLogin: ("Demo login: {login} / password: {password}", "Demo login: {login} / parol: {password}",
                        "Демо-вход: {login} / пароль: {password}"),
        .cliCheckHealthy: ("check passed", "tekshiruv muvaffaqiyatli", "проверка пройдена"),
        .cliCheckUnhealthy: ("check FAILED", "tekshiruv MUVAFFAQIYATSIZ", "проверка НЕ пройдена"),
        .cliUserAdded: ("Added {role} \"{login}\".", "{role} \"{login}\" qoʻshildi.", "Добавлен {role} \"{login}\"."),
        .cliPasswordChanged: ("Password changed for \"{login}\"; their sessions were ended.",
                              "\"{login}\" paroli oʻzgartirildi; uning seanslari yakunlandi.",
                              "Пароль \"{login}\" изменён; его сеансы завершены."),
        .cliPasswordPrompt: ("Password for {login}: ", "{login} uchun parol: ", "Пароль для {login}: "),
        .cliInvalidInput: ("invalid {field}: {reason}", "notoʻgʻri {field}: {reason}", "неверное поле {field}: {reason}"),
        .cliGenerated: ("Generated {count} synthetic patients.", "{count} ta sintetik bemor yaratildi.",
                        "Создано синтетических пациентов: {count}."),
        .cliKeyfileWritten: ("Keyfile written to {path} (mode 0600): the server unlocks with it unattended; keep it off backups.",
                             "Kalit fayli {path} ga yozildi (0600): server u bilan avtomatik ochiladi; uni zaxira nusxalarga qoʻshmang.",
                             "Файл ключа записан в {path} (0600): сервер открывается им без участия человека; не кладите его в резервные копии."),
        .cliBusy: ("too many concurrent requests; try again", "soʻrovlar juda koʻp; qayta urinib koʻring",
                   "слишком много одновременных запросов; повторите"),
        .cliPortInUse: ("cannot listen on {address}: {detail}", "{address} da tinglab boʻlmadi: {detail}",
                        "не удаётся слушать {address}: {detail}"),
        .cliDataDirectory: ("Data: {path}", "Maʼlumotlar: {path}", "Данные: {path}"),
        .cliPassphraseChanged: ("Database passphrase changed (only its key slot was rewritten).",
                                "Baza paroli oʻzgartirildi (faqat kalit sloti qayta yozildi).",
                                "Парольная фраза базы изменена (перезаписан только слот ключа)."),
        .cliNewPassphrasePrompt: ("New passphrase: ", "Yangi parol: ", "Новая парольная фраза: "),
        .cliTryAPI: ("Try the API:", "APIni sinab koʻring:", "Попробуйте API:"),
        .chkIntegrity: ("SQLite integrity", "SQLite butunligi", "Целостность SQLite"),
        .chkForeignKeys: ("foreign keys", "tashqi kalitlar", "внешние ключи"),
        .chkSlot: ("key slot", "kalit sloti", "слот ключа"),
        .chkMigrations: ("migrations", "migratsiyalar", "миграции"),
        .chkUsers: ("users", "foydalanuvchilar", "пользователи"),
        .chkPatients: ("patients", "bemorlar", "пациенты"),
        .chkSessions: ("sessions", "seanslar", "сеансы"),
        .chkUndecryptable: ("undecryptable patients", "ochib boʻlmaydigan bemorlar", "нерасшифровываемые пациенты"),
        .chkViolations: ("{count} violations", "{count} ta buzilish", "нарушений: {count}"),
        .chkWeak: ("WEAK", "ZAIF", "СЛАБЫЙ"),

        .appName: ("Medora Lite", "Medora Lite", "Medora Lite"),
        .homeTagline: ("Medical records for the small clinic: one file, encrypted.",
                       "Kichik klinika uchun tibbiy yozuvlar: bitta fayl, shifrlangan.",
                       "Медицинские записи для небольшой клиники: один файл, зашифрован."),
        .homeAPI: ("JSON API", "JSON API", "JSON API"),
        .homeHealth: ("Health", "Holat", "Состояние"),
    ]
}
