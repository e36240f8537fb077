/// The trash and erasure for good: the pages and the command line.
public enum ErasureText: LocalizedKey {
    case trash, trashIntro, trashEmpty, deletedOn, erasedAfter, restore, eraseForGood, confirmErase, erased, restored, movedToTrash
    case eraseCommandDone, eraseCommandConfirm, eraseCommandNotFound
    case practiceExport, practiceExportIntro, practiceReady, practiceSummary, deleteAccount, deleteAccountIntro, deleteAccountEmpty
    case deleteAccountConfirm, accountDeleted, accountKept, confirmNeeded, bulkWritten

    public var translation: Translation {
        switch self {
        case .trash: Translation("Trash", uz: "Savat", ru: "Корзина")
        case .trashIntro: Translation(
            "Deleted patients stay here for 30 days and can be restored; then they are erased for good.",
            uz: "Oʻchirilgan bemorlar bu yerda 30 kun turadi va ularni qaytarish mumkin; keyin ular butunlay oʻchiriladi.",
            ru: "Удалённые пациенты хранятся здесь 30 дней, их можно восстановить; затем они удаляются навсегда.")
        case .trashEmpty: Translation("The trash is empty.", uz: "Savat boʻsh.", ru: "Корзина пуста.")
        case .deletedOn: Translation("Deleted", uz: "Oʻchirilgan", ru: "Удалён")
        case .erasedAfter: Translation("Erased for good on", uz: "Butunlay oʻchiriladi", ru: "Будет удалён навсегда")
        case .restore: Translation("Restore", uz: "Qaytarish", ru: "Восстановить")
        case .eraseForGood: Translation("Erase for good", uz: "Butunlay oʻchirish", ru: "Удалить навсегда")
        case .confirmErase: Translation(
            "Erase this patient for good? The record and every analysis are destroyed and cannot be restored; restoring an older backup erases them again.",
            uz: "Bu bemor butunlay oʻchirilsinmi? Yozuv va barcha tahlillar yoʻq qilinadi va qaytarib boʻlmaydi; eski zaxira nusxani tiklash ularni yana oʻchiradi.",
            ru: "Удалить пациента навсегда? Запись и все анализы будут уничтожены без возможности восстановления; при восстановлении старой резервной копии они будут удалены снова.")
        case .erased: Translation("The patient was erased for good.", uz: "Bemor butunlay oʻchirildi.", ru: "Пациент удалён навсегда.")
        case .restored: Translation("The patient is back from the trash.", uz: "Bemor savatdan qaytarildi.", ru: "Пациент восстановлен из корзины.")
        case .movedToTrash: Translation("Patient moved to the trash: restorable for 30 days.",
                                        uz: "Bemor savatga oʻtkazildi: 30 kun ichida qaytarish mumkin.",
                                        ru: "Пациент перемещён в корзину: его можно восстановить в течение 30 дней.")
        case .eraseCommandDone: Translation("Erased patient {id} for good.", uz: "{id} bemor butunlay oʻchirildi.",
                                            ru: "Пациент {id} удалён навсегда.")
        case .eraseCommandConfirm: Translation("Erasing cannot be undone, not even from a backup. Run again with --yes to erase {id}.",
                                               uz: "Oʻchirishni bekor qilib boʻlmaydi, hatto zaxira nusxadan ham. {id} ni oʻchirish uchun --yes bilan qayta ishga tushiring.",
                                               ru: "Удаление нельзя отменить, даже из резервной копии. Чтобы удалить {id}, запустите снова с --yes.")
        case .eraseCommandNotFound: Translation("No patient {id}.", uz: "{id} bemor yoʻq.", ru: "Пациента {id} нет.")
        case .practiceExport: Translation("Export all patients (FHIR)", uz: "Barcha bemorlarni eksport qilish (FHIR)",
                                          ru: "Экспорт всех пациентов (FHIR)")
        case .practiceExportIntro: Translation(
            "Every patient with their analyses as FHIR Bulk Data (NDJSON) in one encrypted file, for moving to a larger system.",
            uz: "Barcha bemorlar tahlillari bilan FHIR Bulk Data (NDJSON) koʻrinishida bitta shifrlangan faylda, kattaroq tizimga oʻtish uchun.",
            ru: "Все пациенты с анализами в формате FHIR Bulk Data (NDJSON) в одном зашифрованном файле — для перехода на бо́льшую систему.")
        case .practiceReady: Translation("The export is ready", uz: "Eksport tayyor", ru: "Экспорт готов")
        case .practiceSummary: Translation("{patients} patients, {observations} results, {reports} reports.",
                                           uz: "{patients} ta bemor, {observations} ta natija, {reports} ta hisobot.",
                                           ru: "Пациентов: {patients}, результатов: {observations}, отчётов: {reports}.")
        case .deleteAccount: Translation("Delete the account", uz: "Hisobni oʻchirish", ru: "Удалить учётную запись")
        case .deleteAccountIntro: Translation(
            "{name} has {count} patients. Deleting the account first exports them into one encrypted FHIR file (its code is shown once), then erases them for good.",
            uz: "{name}da {count} ta bemor bor. Hisobni oʻchirish avval ularni bitta shifrlangan FHIR fayliga eksport qiladi (kodi bir marta koʻrsatiladi), soʻng ularni butunlay oʻchiradi.",
            ru: "У {name} пациентов: {count}. Удаление учётной записи сначала выгрузит их в один зашифрованный файл FHIR (код покажется один раз), затем удалит их навсегда.")
        case .deleteAccountEmpty: Translation("{name} has no patients: the account can be deleted.",
                                              uz: "{name}da bemorlar yoʻq: hisobni oʻchirish mumkin.",
                                              ru: "У {name} нет пациентов: учётную запись можно удалить.")
        case .deleteAccountConfirm: Translation("Export, erase the patients and delete the account",
                                                uz: "Eksport qilish, bemorlarni oʻchirish va hisobni oʻchirish",
                                                ru: "Выгрузить, удалить пациентов и удалить учётную запись")
        case .accountDeleted: Translation("The account was deleted; its {count} patients were exported and erased for good.",
                                          uz: "Hisob oʻchirildi; uning {count} ta bemori eksport qilindi va butunlay oʻchirildi.",
                                          ru: "Учётная запись удалена; её пациенты ({count}) выгружены и удалены навсегда.")
        case .accountKept: Translation(
            "{count} patients were exported and erased for good; the account stays (disabled) because a patient was added meanwhile: delete it again.",
            uz: "{count} ta bemor eksport qilindi va butunlay oʻchirildi; shu orada bemor qoʻshilgani uchun hisob (oʻchirilgan holda) qoldi: yana oʻchiring.",
            ru: "Пациенты ({count}) выгружены и удалены навсегда; учётная запись осталась (отключена), так как тем временем добавлен пациент: удалите её ещё раз.")
        case .confirmNeeded: Translation("Tick the box to confirm.", uz: "Tasdiqlash uchun belgini qoʻying.", ru: "Отметьте флажок для подтверждения.")
        case .bulkWritten: Translation("Wrote {path}: {summary}", uz: "{path} yozildi: {summary}", ru: "Записан {path}: {summary}")
        }
    }
}
