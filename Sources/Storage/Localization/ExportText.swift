/// The words of the patient export: the file's prompt, the readable record, the commands and the
/// web page that hands the file and its code over.
public enum ExportText: String, LocalizedKey {
    // The file's prompt.
    case pageTitle, enterCode, codeLabel, open, opening, wrongCode, malformedCode, noWebCrypto, offlineNote, downloadFHIR, print
    // The record.
    case recordOf, preparedOn, disclaimer, patientDetails, analyses, noAnalyses, takenOn, laboratory, test, result, unit
    case referenceRange, flag, normal, reading, comment, trends, accessLog, noAccessLog, accessWhen, accessWho, accessWhat
    case auditHead, noAuditHead, laboratoryReport
    // The commands.
    case exportWritten, codeLine, codeAdvice, codePrompt, decryptWrote
    // The web page.
    case exportButton, exportLanguage, exportReadyTitle, exportCodeIntro, exportDownload, exportOnce, exportGone

    public var translation: Translation {
        switch self {
        case .pageTitle: Translation("Medical record", uz: "Tibbiy yozuv", ru: "Медицинская запись")
        case .enterCode: Translation("Enter the one-time code your clinic gave you to open this record.",
                                     uz: "Bu yozuvni ochish uchun klinika bergan bir martalik kodni kiriting.",
                                     ru: "Введите одноразовый код, который вам дали в клинике, чтобы открыть запись.")
        case .codeLabel: Translation("One-time code", uz: "Bir martalik kod", ru: "Одноразовый код")
        case .open: Translation("Open", uz: "Ochish", ru: "Открыть")
        case .opening: Translation("Opening…", uz: "Ochilmoqda…", ru: "Открываем…")
        case .wrongCode: Translation("This code does not open the record. Check it and try again.",
                                     uz: "Bu kod yozuvni ochmaydi. Tekshirib, qayta urinib koʻring.",
                                     ru: "Этот код не открывает запись. Проверьте его и попробуйте снова.")
        case .malformedCode: Translation("A code has 16 letters and digits, for example 7KMR-X4PQ-9TWD-3HNE.",
                                         uz: "Kod 16 ta harf va raqamdan iborat, masalan 7KMR-X4PQ-9TWD-3HNE.",
                                         ru: "Код состоит из 16 букв и цифр, например 7KMR-X4PQ-9TWD-3HNE.")
        case .noWebCrypto: Translation("This browser cannot open the record. Use a current Firefox, Chrome, Edge or Safari.",
                                       uz: "Bu brauzer yozuvni ocha olmaydi. Firefox, Chrome, Edge yoki Safari’ning yangi versiyasidan foydalaning.",
                                       ru: "Этот браузер не может открыть запись. Используйте актуальный Firefox, Chrome, Edge или Safari.")
        case .offlineNote: Translation("The file opens without the internet; nothing you type is sent anywhere.",
                                       uz: "Fayl internetsiz ochiladi; kiritganingiz hech qayerga yuborilmaydi.",
                                       ru: "Файл открывается без интернета; введённое никуда не отправляется.")
        case .downloadFHIR: Translation("Download the data (FHIR JSON)", uz: "Maʼlumotlarni yuklab olish (FHIR JSON)",
                                        ru: "Скачать данные (FHIR JSON)")
        case .print: Translation("Print", uz: "Chop etish", ru: "Печать")
        case .recordOf: Translation("Medical record: {name}", uz: "Tibbiy yozuv: {name}", ru: "Медицинская запись: {name}")
        case .preparedOn: Translation("Prepared on {date}.", uz: "Tayyorlangan sana: {date}.", ru: "Подготовлено {date}.")
        case .disclaimer: Translation("This record is not a substitute for medical advice. Discuss your results with your doctor.",
                                      uz: "Bu yozuv shifokor maslahatining oʻrnini bosmaydi. Natijalaringizni shifokoringiz bilan muhokama qiling.",
                                      ru: "Эта запись не заменяет консультацию врача. Обсудите результаты со своим врачом.")
        case .patientDetails: Translation("Patient", uz: "Bemor", ru: "Пациент")
        case .analyses: Translation("Analyses", uz: "Tahlillar", ru: "Анализы")
        case .noAnalyses: Translation("No analyses are recorded.", uz: "Tahlillar qayd etilmagan.", ru: "Анализов нет.")
        case .takenOn: Translation("Taken on {date}", uz: "Olingan sana: {date}", ru: "Дата взятия: {date}")
        case .laboratory: Translation("Laboratory: {lab}", uz: "Laboratoriya: {lab}", ru: "Лаборатория: {lab}")
        case .test: Translation("Test", uz: "Koʻrsatkich", ru: "Показатель")
        case .result: Translation("Result", uz: "Natija", ru: "Результат")
        case .unit: Translation("Unit", uz: "Birlik", ru: "Единица")
        case .referenceRange: Translation("Reference range", uz: "Meʼyor", ru: "Норма")
        case .flag: Translation("Flag", uz: "Belgi", ru: "Отметка")
        case .normal: Translation("normal", uz: "meʼyorda", ru: "в норме")
        case .reading: Translation("Reading", uz: "Xulosa", ru: "Заключение")
        case .comment: Translation("Comment:", uz: "Izoh:", ru: "Комментарий:")
        case .trends: Translation("Trends", uz: "Oʻzgarishlar", ru: "Динамика")
        case .accessLog: Translation("Who accessed this record", uz: "Bu yozuvni kim koʻrgan", ru: "Кто обращался к записи")
        case .noAccessLog: Translation("No access entries are included in this export.",
                                       uz: "Bu eksportda kirish yozuvlari yoʻq.", ru: "В этот экспорт записи об обращениях не включены.")
        case .accessWhen: Translation("When", uz: "Qachon", ru: "Когда")
        case .accessWho: Translation("Who", uz: "Kim", ru: "Кто")
        case .accessWhat: Translation("What", uz: "Nima", ru: "Что")
        case .auditHead: Translation("Audit chain head at export:", uz: "Eksport paytidagi audit zanjiri boshi:",
                                     ru: "Вершина цепочки аудита на момент экспорта:")
        case .noAuditHead: Translation("The audit chain head is not included in this export.",
                                       uz: "Bu eksportda audit zanjiri boshi yoʻq.", ru: "Вершина цепочки аудита в этот экспорт не включена.")
        case .laboratoryReport: Translation("Laboratory report", uz: "Laboratoriya xulosasi", ru: "Лабораторное заключение")
        case .exportWritten: Translation("Export written to {path}.", uz: "Eksport {path} ga yozildi.", ru: "Экспорт записан в {path}.")
        case .codeLine: Translation("One-time code: {code}", uz: "Bir martalik kod: {code}", ru: "Одноразовый код: {code}")
        case .codeAdvice: Translation(
            "Give this code to the patient separately (in person or by phone), never with the file. It is shown only this once.",
            uz: "Bu kodni bemorga alohida bering (shaxsan yoki telefon orqali), hech qachon fayl bilan birga emas. U faqat bir marta koʻrsatiladi.",
            ru: "Передайте этот код пациенту отдельно (лично или по телефону), никогда вместе с файлом. Он показан только один раз.")
        case .codePrompt: Translation("One-time code: ", uz: "Bir martalik kod: ", ru: "Одноразовый код: ")
        case .decryptWrote: Translation("Wrote {files}.", uz: "Yozildi: {files}.", ru: "Записано: {files}.")
        case .exportButton: Translation("Export for the patient", uz: "Bemor uchun eksport", ru: "Экспорт для пациента")
        case .exportLanguage: Translation("Language of the record", uz: "Yozuv tili", ru: "Язык записи")
        case .exportReadyTitle: Translation("Export for the patient is ready", uz: "Bemor uchun eksport tayyor",
                                            ru: "Экспорт для пациента готов")
        case .exportCodeIntro: Translation(
            "The file opens in any browser with this one-time code. Give the code to the patient separately (in person or by phone), never with the file. It is shown only once.",
            uz: "Fayl istalgan brauzerda shu bir martalik kod bilan ochiladi. Kodni bemorga alohida bering (shaxsan yoki telefon orqali), hech qachon fayl bilan birga emas. U faqat bir marta koʻrsatiladi.",
            ru: "Файл открывается в любом браузере с этим одноразовым кодом. Передайте код пациенту отдельно (лично или по телефону), никогда вместе с файлом. Он показан только один раз.")
        case .exportDownload: Translation("Download the file", uz: "Faylni yuklab olish", ru: "Скачать файл")
        case .exportOnce: Translation("The file can be downloaded once, within 10 minutes.",
                                      uz: "Faylni 10 daqiqa ichida bir marta yuklab olish mumkin.",
                                      ru: "Файл можно скачать один раз в течение 10 минут.")
        case .exportGone: Translation("This download has expired or was already used. Make a new export from the patient's page.",
                                      uz: "Bu yuklab olish muddati tugagan yoki allaqachon ishlatilgan. Bemor sahifasidan yangi eksport qiling.",
                                      ru: "Срок этой загрузки истёк, или она уже использована. Сделайте новый экспорт на странице пациента.")
        }
    }
}
