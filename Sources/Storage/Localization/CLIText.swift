/// What the command line says besides errors: prompts, confirmations, the serving banner.
public enum CLIText: LocalizedKey {
    case passphrasePrompt, passphraseConfirm, newPassphrasePrompt, recoveryKeyPrompt, passwordPrompt
    case recoveryKeyNotice, initDone, keyfileWritten, serving, demoLogin, demoOtherLogins, dataDirectory, tryAPI
    case userAdded, passwordChanged, passphraseChanged, invalidInput, generated, damageAtStart
    case userDisabled, userEnabled, userDeleted, userRoleChanged, openBrowser, backupWritten, backupWrittenUnverified, noBackups, backupVerified, restored, restoredNew
    case tlsFingerprint, plainOffLoopback

    public var translation: Translation {
        switch self {
        case .passphrasePrompt: Translation("Passphrase: ", uz: "Parol: ", ru: "Парольная фраза: ")
        case .passphraseConfirm: Translation("Repeat passphrase: ", uz: "Parolni takrorlang: ", ru: "Повторите парольную фразу: ")
        case .newPassphrasePrompt: Translation("New passphrase: ", uz: "Yangi parol: ", ru: "Новая парольная фраза: ")
        case .recoveryKeyPrompt: Translation("Recovery key: ", uz: "Tiklash kaliti: ", ru: "Ключ восстановления: ")
        case .passwordPrompt: Translation("Password for {login}: ", uz: "{login} uchun parol: ", ru: "Пароль для {login}: ")
        case .recoveryKeyNotice: Translation(
            "RECOVERY KEY (shown once; write it down and keep it offline; it opens the database if the passphrase is lost):",
            uz: "TIKLASH KALITI (faqat bir marta koʻrsatiladi; yozib oling va oflayn saqlang; parol yoʻqolsa bazani ochadi):",
            ru: "КЛЮЧ ВОССТАНОВЛЕНИЯ (показывается один раз; запишите и храните офлайн; открывает базу, если парольная фраза утеряна):")
        case .initDone: Translation("Created {path} with administrator \"{login}\".",
                                    uz: "{path} yaratildi, administrator: \"{login}\".",
                                    ru: "Создано {path}, администратор: \"{login}\".")
        case .keyfileWritten: Translation(
            "Keyfile written to {path} (mode 0600): the server unlocks with it unattended; keep it off backups.",
            uz: "Kalit fayli {path} ga yozildi (0600): server u bilan avtomatik ochiladi; uni zaxira nusxalarga qoʻshmang.",
            ru: "Файл ключа записан в {path} (0600): сервер открывается им без участия человека; не кладите его в резервные копии.")
        case .tlsFingerprint: Translation("TLS certificate {path}, SHA-256 fingerprint {fingerprint} (check that the browser shows the same before trusting it)",
                                          uz: "TLS sertifikati {path}, SHA-256 barmoq izi {fingerprint} (ishonishdan oldin brauzer xuddi shuni koʻrsatayotganini tekshiring)",
                                          ru: "TLS-сертификат {path}, отпечаток SHA-256 {fingerprint} (прежде чем доверять, проверьте, что браузер показывает тот же)")
        case .plainOffLoopback: Translation("Warning: listening on {host} without TLS; passwords and patient data cross the network readable. Add --tls-self-signed or --tls-cert/--tls-key.",
                                            uz: "Diqqat: {host} da TLSsiz tinglanmoqda; parollar va bemor maʼlumotlari tarmoqda ochiq oʻtadi. --tls-self-signed yoki --tls-cert/--tls-key qoʻshing.",
                                            ru: "Внимание: прослушивается {host} без TLS; пароли и данные пациентов идут по сети открыто. Добавьте --tls-self-signed или --tls-cert/--tls-key.")
        case .serving: Translation("Medora Lite is running at {url}", uz: "Medora Lite ishlamoqda: {url}",
                                   ru: "Medora Lite работает: {url}")
        case .demoOtherLogins: Translation("Also: administrator {admin}, assistant of the doctor {assistant}",
                                           uz: "Shuningdek: administrator {admin}, shifokor yordamchisi {assistant}",
                                           ru: "Также: администратор {admin}, ассистент врача {assistant}")
        case .demoLogin: Translation("Demo login: {login} / password: {password}",
                                     uz: "Demo login: {login} / parol: {password}",
                                     ru: "Демо-вход: {login} / пароль: {password}")
        case .dataDirectory: Translation("Data: {path}", uz: "Maʼlumotlar: {path}", ru: "Данные: {path}")
        case .tryAPI: Translation("Try the API:", uz: "APIni sinab koʻring:", ru: "Попробуйте API:")
        case .userAdded: Translation("Added {role} \"{login}\".", uz: "{role} \"{login}\" qoʻshildi.",
                                     ru: "Добавлен {role} \"{login}\".")
        case .backupWritten: Translation("Backup written and verified: {path} ({size}, {patients} patients).",
                                         uz: "Zaxira nusxa yozildi va tekshirildi: {path} ({size}, {patients} bemor).",
                                         ru: "Резервная копия записана и проверена: {path} ({size}, пациентов: {patients}).")
        case .backupWrittenUnverified: Translation("Backup written (not verified): {path} ({size}).",
                                                   uz: "Zaxira nusxa yozildi (tekshirilmagan): {path} ({size}).",
                                                   ru: "Резервная копия записана (не проверена): {path} ({size}).")
        case .noBackups: Translation("No backups here yet.", uz: "Bu yerda hali zaxira nusxalar yoʻq.", ru: "Резервных копий здесь пока нет.")
        case .backupVerified: Translation("{path} is good: it decrypts in full and every record checks out ({patients} patients, {users} users).",
                                          uz: "{path} yaroqli: toʻliq ochiladi va har bir yozuv tekshiruvdan oʻtadi ({patients} bemor, {users} foydalanuvchi).",
                                          ru: "{path} исправна: расшифровывается полностью, все записи проверены (пациентов: {patients}, пользователей: {users}).")
        case .restoredNew: Translation("Restored into {path}.", uz: "{path} ga tiklandi.", ru: "Восстановлено в {path}.")
        case .restored: Translation("Restored into {path}; the previous database is kept as {kept}.",
                                    uz: "{path} ga tiklandi; oldingi baza {kept} sifatida saqlandi.",
                                    ru: "Восстановлено в {path}; прежняя база сохранена как {kept}.")
        case .userRoleChanged: Translation("Role of \"{login}\" changed; their sessions were ended.",
                                           uz: "\"{login}\" roli oʻzgartirildi; uning seanslari yakunlandi.",
                                           ru: "Роль \"{login}\" изменена; его сеансы завершены.")
        case .passwordChanged: Translation("Password changed for \"{login}\"; their sessions were ended.",
                                           uz: "\"{login}\" paroli oʻzgartirildi; uning seanslari yakunlandi.",
                                           ru: "Пароль \"{login}\" изменён; его сеансы завершены.")
        case .passphraseChanged: Translation("Database passphrase changed (only its key slot was rewritten).",
                                             uz: "Baza paroli oʻzgartirildi (faqat kalit sloti qayta yozildi).",
                                             ru: "Парольная фраза базы изменена (перезаписан только слот ключа).")
        case .invalidInput: Translation("invalid {field}: {reason}", uz: "notoʻgʻri {field}: {reason}",
                                        ru: "неверное поле {field}: {reason}")
        case .damageAtStart: Translation(
            "warning: {count} integrity problems found (damaged records are not served; the rest works); run `medora-lite check` for the list",
            uz: "ogohlantirish: {count} ta butunlik muammosi topildi (shikastlangan yozuvlar koʻrsatilmaydi; qolganlari ishlaydi); roʻyxat uchun `medora-lite check` ni bajaring",
            ru: "предупреждение: найдено проблем целостности: {count} (повреждённые записи не показываются; остальное работает); список — `medora-lite check`")
        case .userDisabled: Translation("Disabled \"{login}\"; their sessions were ended.",
                                        uz: "\"{login}\" bloklandi; uning seanslari yakunlandi.",
                                        ru: "\"{login}\" заблокирован; его сеансы завершены.")
        case .userEnabled: Translation("Enabled \"{login}\".", uz: "\"{login}\" faollashtirildi.", ru: "\"{login}\" разблокирован.")
        case .userDeleted: Translation("Deleted \"{login}\".", uz: "\"{login}\" oʻchirildi.", ru: "\"{login}\" удалён.")
        case .openBrowser: Translation("Open {url} in a browser and sign in with the demo login.",
                                       uz: "Brauzerda {url} ni oching va demo login bilan kiring.",
                                       ru: "Откройте {url} в браузере и войдите с демо-логином.")
        case .generated: Translation("Generated {count} synthetic patients.", uz: "{count} ta sintetik bemor yaratildi.",
                                     ru: "Создано синтетических пациентов: {count}.")
        }
    }
}
