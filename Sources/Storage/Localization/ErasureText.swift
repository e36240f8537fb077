/// The trash and erasure for good: the pages and the command line.
public enum ErasureText: LocalizedKey {
    case trash, trashIntro, trashEmpty, deletedOn, erasedAfter, restore, eraseForGood, confirmErase, erased, restored, movedToTrash
    case eraseCommandDone, eraseCommandConfirm, eraseCommandNotFound

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
            "Erase this patient for good? The record and every analysis are destroyed and cannot be restored, not even from a backup.",
            uz: "Bu bemor butunlay oʻchirilsinmi? Yozuv va barcha tahlillar yoʻq qilinadi va ularni hatto zaxira nusxadan ham qaytarib boʻlmaydi.",
            ru: "Удалить пациента навсегда? Запись и все анализы будут уничтожены, их нельзя вернуть даже из резервной копии.")
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
        }
    }
}
