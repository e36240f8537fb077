/// The help pages: a user guide, an administrator guide and troubleshooting, in the three
/// languages. Paragraphs are separated by a blank line; a paragraph whose first line starts with
/// "## " opens with that line as a heading.
public enum HelpText: String, CaseIterable, LocalizedKey {
    case user, admin, troubleshooting

    public var translation: Translation {
        switch self {
        case .user: Translation(
            """
            ## First steps
            Sign in with the login and password the administrator gave you. The first time, you read and accept the privacy notice and the terms. Change your password under “My account”: at least 10 characters, not a common one; a few unrelated words work well.

            ## Patients
            “Patients” lists your patients by last name. “New patient” opens the form: last and first name are required, the rest is optional. A field with a problem is marked and explained, and what you typed is kept. The patient's page shows the details; “Edit” changes them and “Delete” moves the patient to the trash (“Patients → Trash”), where they can be restored for 30 days before they are erased for good. “Erase for good” (on the page or in the trash) destroys the record and every analysis at once, when a patient asks to be forgotten: nothing can bring them back, not even an older backup. “Export for the patient” makes one encrypted file with the whole record and a one-time code: give the file and the code separately; the patient opens the file in any browser with the code. Below, “Who accessed this record” lists who opened or changed the record, and when.

            ## Searching
            Type in the search box: results appear as you type. Search by last, first or middle name, as it is written on whatever document the patient brings — “Karimova”, “Каримова” and “karim” all find the same person, and so do the Russian and passport forms of an Uzbek name: “Шахрух” and “SHAKHRUKH” find Shohruh, “Юлдашев” finds Yoʻldoshev, “Rustamovich” finds “Rustam oʻgʻli”, “Ибрагим” finds Ibrohim. The spelling as typed comes first, then the other script, then the Russian forms. Different names stay apart: Komil does not find Kamol. Several words narrow the search (“karimova dil”). Digits search the phone number: the last four digits are usually enough.

            ## Lab analyses
            On a patient's page, “New analysis” offers three ways in. Pick a panel (blood count, lipids, liver…) and type the values: Tab moves to the next field, the unit is chosen for you and can be switched, and a flag (low, high, critical) appears as you type. Or paste a table copied from the lab's PDF or a spreadsheet: names, abbreviations (HGB, WBC, ALT) and units in any of the three languages are read into the form for you to check. Or import a CSV file: nothing is saved unless every row is right, and each problem is named by row and column. The report shows each result against the range for the patient's sex and age (or the range the lab printed), the change since the last result, derived values such as eGFR and LDL with their formulas, a reading, and trends; print it from the report page. The reading is made by rules; an AI reading, when the clinic has set one up, is marked as such. Neither replaces your judgment.

            ## Sessions
            You stay signed in while you work; after a time without activity (30 minutes unless the clinic chose otherwise) and at most 12 hours after signing in, you are asked to sign in again. “My account” lists where you are signed in: end a session you do not recognise, or all others at once. Always sign out on a shared computer.

            ## Roles
            A doctor works on their own patients. An assistant works on the patients of the doctor they are assigned to, and cannot delete patients or export records. An administrator manages users and settings and sees every patient.

            ## Language
            Choose English, Oʻzbekcha or Русский in the header; signed in, the choice is kept for your account. Names are shown as they were entered.
            """,
            uz: """
            ## Birinchi qadamlar
            Administrator bergan login va parol bilan kiring. Birinchi marta maxfiylik bayonoti va foydalanish shartlarini oʻqib, qabul qilasiz. Parolni «Mening hisobim» boʻlimida oʻzgartiring: kamida 10 ta belgi, keng tarqalgan parol emas; bir nechta bogʻliq boʻlmagan soʻz yaxshi ishlaydi.

            ## Bemorlar
            «Bemorlar» roʻyxati familiya boʻyicha tartiblangan. «Yangi bemor» shaklni ochadi: familiya va ism majburiy, qolgani ixtiyoriy. Xato maydon belgilanadi va izohlanadi, kiritilgan qiymatlar saqlanib qoladi. Bemor sahifasida maʼlumotlar koʻrinadi; «Tahrirlash» ularni oʻzgartiradi, «Oʻchirish» bemorni savatga oʻtkazadi («Bemorlar → Savat»): u yerda 30 kun davomida qaytarish mumkin, soʻng butunlay oʻchiriladi. «Butunlay oʻchirish» (sahifada yoki savatda) bemor unutilishni soʻraganda yozuv va barcha tahlillarni darhol yoʻq qiladi: ularni hech narsa, hatto eski zaxira nusxa ham qaytarmaydi. «Bemor uchun eksport» butun yozuvni bitta shifrlangan faylga va bir martalik kodga joylaydi: fayl va kodni alohida bering; bemor faylni istalgan brauzerda kod bilan ochadi. Pastda «Bu yozuvni kim koʻrgan» yozuvni kim va qachon ochgani yoki oʻzgartirganini koʻrsatadi.

            ## Qidiruv
            Qidiruv maydoniga yozing: natijalar yozayotganingizda chiqadi. Familiya, ism yoki otasining ismi boʻyicha bemor olib kelgan hujjatda qanday yozilgan boʻlsa, shunday qidiring — «Karimova», «Каримова» va «karim» bir odamni topadi, oʻzbekcha ismning ruscha va pasportdagi shakllari ham: «Шахрух» va «SHAKHRUKH» Shohruhni, «Юлдашев» Yoʻldoshevni, «Rustamovich» «Rustam oʻgʻli»ni, «Ибрагим» Ibrohimni topadi. Avval yozilganidek yozilgani, keyin boshqa yozuvdagisi, keyin ruscha shakllari chiqadi. Har xil ismlar aralashmaydi: Komil Kamolni topmaydi. Bir nechta soʻz qidiruvni toraytiradi («karimova dil»). Raqamlar telefon boʻyicha qidiradi: odatda oxirgi toʻrt raqam yetarli.

            ## Tahlillar
            Bemor sahifasidagi «Yangi tahlil» uch yoʻlni taklif qiladi. Panelni tanlang (qon tahlili, lipidlar, jigar…) va qiymatlarni kiriting: Tab keyingi maydonga oʻtadi, birlik oʻzi tanlanadi va uni almashtirish mumkin, yozayotganingizda belgi (past, yuqori, xavfli) chiqadi. Yoki laboratoriya PDF faylidan yoki jadvaldan nusxalangan jadvalni qoʻying: uch tildagi nomlar, qisqartmalar (HGB, WBC, ALT) va birliklar tekshirishingiz uchun shaklga oʻqiladi. Yoki CSV faylni import qiling: barcha qatorlar toʻgʻri boʻlmasa hech narsa saqlanmaydi, har bir muammo qator va ustun bilan koʻrsatiladi. Hisobotda har bir natija bemorning jinsi va yoshiga mos meʼyor (yoki laboratoriya meʼyori) bilan, oxirgi natijadan beri oʻzgarish, formulalari bilan eGFR va LDL kabi hisoblangan qiymatlar, xulosa va dinamika koʻrsatiladi; uni hisobot sahifasidan chop eting. Xulosa qoidalar asosida tuziladi; klinika sozlagan boʻlsa, AI xulosasi alohida belgilanadi. Ikkalasi ham sizning xulosangiz oʻrnini bosmaydi.

            ## Seanslar
            Ishlayotganingizda tizimda qolasiz; harakatsizlikdan keyin (klinika boshqacha tanlamagan boʻlsa 30 daqiqa) va kirganingizdan 12 soat oʻtgach qayta kirish soʻraladi. «Mening hisobim» qayerda kirganingizni koʻrsatadi: notanish seansni yoki boshqa barchasini yakunlang. Umumiy kompyuterda doim chiqing.

            ## Rollar
            Shifokor oʻz bemorlari bilan ishlaydi. Yordamchi biriktirilgan shifokorning bemorlari bilan ishlaydi, bemorlarni oʻchira olmaydi va yozuvlarni eksport qila olmaydi. Administrator foydalanuvchilar va sozlamalarni boshqaradi va barcha bemorlarni koʻradi.

            ## Til
            Sarlavhada English, Oʻzbekcha yoki Русский ni tanlang; tizimga kirgan boʻlsangiz, tanlov hisobingiz uchun saqlanadi. Ismlar qanday kiritilgan boʻlsa, shunday koʻrsatiladi.
            """,
            ru: """
            ## Первые шаги
            Войдите с логином и паролем, которые выдал администратор. В первый раз вы прочитаете и примете уведомление о конфиденциальности и условия. Смените пароль в разделе «Моя учётная запись»: не короче 10 символов и не из распространённых; хорошо подходят несколько не связанных слов.

            ## Пациенты
            «Пациенты» — список ваших пациентов по фамилии. «Новый пациент» открывает форму: фамилия и имя обязательны, остальное по желанию. Поле с ошибкой отмечается и поясняется, введённое сохраняется. На странице пациента — его данные; «Изменить» правит их, «Удалить» перемещает пациента в корзину («Пациенты → Корзина»), откуда его можно восстановить в течение 30 дней, затем он удаляется навсегда. «Удалить навсегда» (на странице или в корзине) сразу уничтожает запись и все анализы, когда пациент просит его забыть: вернуть их нельзя, даже из старой резервной копии. «Экспорт для пациента» создаёт один зашифрованный файл со всей записью и одноразовый код: передайте файл и код отдельно; пациент открывает файл в любом браузере с этим кодом. Ниже «Кто обращался к записи» показывает, кто и когда открывал или менял запись.

            ## Поиск
            Печатайте в поле поиска: результаты появляются по мере ввода. Ищите по фамилии, имени или отчеству так, как они записаны в документе пациента, — «Karimova», «Каримова» и «karim» находят одного человека, как и русские и паспортные формы узбекского имени: «Шахрух» и «SHAKHRUKH» находят Shohruh, «Юлдашев» — Yoʻldoshev, «Рустамович» — «Rustam oʻgʻli», «Ибрагим» — Ibrohim. Сначала идёт написание как введено, затем другая письменность, затем русские формы. Разные имена не смешиваются: Komil не находит Kamol. Несколько слов сужают поиск («каримова дил»). Цифры ищут по телефону: обычно хватает последних четырёх.

            ## Анализы
            На странице пациента «Новый анализ» предлагает три пути. Выберите панель (общий анализ крови, липиды, печень…) и введите значения: Tab переходит к следующему полю, единица выбрана заранее и её можно сменить, а отметка (понижен, повышен, критично) появляется по мере ввода. Или вставьте таблицу, скопированную из PDF лаборатории или из таблицы: названия, сокращения (HGB, WBC, АЛТ) и единицы на любом из трёх языков будут прочитаны в форму для проверки. Или импортируйте CSV-файл: ничего не сохраняется, пока все строки не верны, и каждая проблема названа строкой и столбцом. В отчёте каждый результат сравнивается с нормой для пола и возраста пациента (или с нормой лаборатории), показаны изменение с прошлого результата, расчётные показатели (СКФ, ЛПНП) с формулами, заключение и динамика; печатайте со страницы отчёта. Заключение составляется по правилам; ИИ-заключение, если клиника его настроила, помечено отдельно. Ни то, ни другое не заменяет вашего решения.

            ## Сеансы
            Пока вы работаете, вход сохраняется; после бездействия (30 минут, если клиника не выбрала иначе) и не позже чем через 12 часов после входа нужно войти снова. «Моя учётная запись» показывает, где выполнен вход: завершите незнакомый сеанс или все остальные сразу. На общем компьютере всегда выходите.

            ## Роли
            Врач работает со своими пациентами. Ассистент работает с пациентами врача, к которому прикреплён, и не может удалять пациентов и выгружать записи. Администратор управляет пользователями и настройками и видит всех пациентов.

            ## Язык
            Выберите English, Oʻzbekcha или Русский в заголовке; после входа выбор сохраняется для вашей учётной записи. Имена показываются так, как были введены.
            """)
        case .admin: Translation(
            """
            ## Users and roles
            Under “Users” add an account for each person: a login, their full name, a role and a first password they change later. Give assistants their doctor: they then work on that doctor's patients. Change a role, set a new password for someone who forgot theirs, or disable an account: each of these ends that user's sessions at once. The last active administrator cannot be disabled or demoted.

            ## Settings
            “Settings” holds the clinic's name (shown in the header), the language pages use when nobody chose one, and after how many idle minutes a session ends (5 to 480; 30 by default). Every session also ends 12 hours after sign-in. “Request limits” are how many requests the server answers before it says “too many requests” for a while: per address without signing in, and per signed-in user. The standard numbers stop floods and password guessing and are far above what a busy practice uses; raise them only if several people share one address behind a proxy. They apply as soon as you save.

            ## The AI reading (optional)
            Off unless you set it under Settings: the chat-completions URL of an OpenAI-compatible service (a local Ollama or llama.cpp server keeps everything on this network), the model, a key if the service needs one, and how many AI readings each doctor may ask for in a month. Only de-identified results are sent: age band, sex and values, never names, ids, phone numbers, birth dates or exact dates. The answer is stored encrypted with the analysis and marked as written by AI.

            ## The passphrase and the recovery key
            The database is encrypted with a key that only the passphrase, the keyfile or the recovery key printed at installation can open. Keep the recovery key on paper, away from the laptop. Change the passphrase with `medora-lite passwd --passphrase`: the data is not rewritten.

            ## Audit trail and patients' rights
            “Audit” (in the header) lists every sign-in, every record opened or changed, every export, backup and restore, with who, when and from where; filter it by user, action, patient or dates. No name or medical value is written there. `medora-lite audit verify` checks that no entry was altered, deleted or added; with `--against` a backup file it also checks that the database was not swapped for an older copy. Under “Users”, deleting a doctor's account exports their patients into one encrypted FHIR file (the code is shown once), erases them for good and then deletes the account. “Backups” → “Export all patients (FHIR)” gives the whole practice in the same form, to move to another system.

            ## Health of the data
            `medora-lite check` verifies the whole file: SQLite's own check, every record's seal and the set of rows. A damaged record is named by id and not shown; the rest of the clinic keeps working. The server also reports problems in its log at start.

            ## Moving and copying
            Stop the server, copy the data folder (medora.db with its -wal file, keyfile if used), start it on the other computer with the same passphrase. Never copy the file while the server runs.
            """,
            uz: """
            ## Foydalanuvchilar va rollar
            «Foydalanuvchilar» boʻlimida har bir xodimga hisob qoʻshing: login, toʻliq ism, rol va keyin oʻzgartiriladigan birinchi parol. Yordamchilarga shifokorini belgilang: ular shu shifokorning bemorlari bilan ishlaydi. Rolni oʻzgartirish, parolini unutgan xodimga yangi parol oʻrnatish yoki hisobni bloklash mumkin: bularning har biri foydalanuvchi seanslarini darhol yakunlaydi. Oxirgi faol administratorni bloklab yoki pasaytirib boʻlmaydi.

            ## Sozlamalar
            «Sozlamalar»da klinika nomi (sarlavhada koʻrinadi), hech kim til tanlamaganda ishlatiladigan til va necha daqiqa harakatsizlikdan soʻng seans tugashi (5 dan 480 gacha; odatda 30) saqlanadi. Har bir seans kirishdan 12 soat oʻtgach ham tugaydi. «Soʻrovlar cheklovi» — server bir muddat “soʻrovlar juda koʻp” deyishidan oldin nechta soʻrovga javob berishi: tizimga kirmagan har bir manzil va tizimdagi har bir foydalanuvchi uchun. Odatiy qiymatlar hujum va parol terishni toʻxtatadi va band klinika ishlatadiganidan ancha yuqori; faqat bir nechta kishi proksi ortida bitta manzilni ulashsa oshiring. Saqlangan zahoti kuchga kiradi.

            ## AI xulosasi (ixtiyoriy)
            Sozlamalarda yoqmaguningizcha oʻchiq: OpenAI bilan mos xizmatning chat-completions manzili (mahalliy Ollama yoki llama.cpp serveri hammasini shu tarmoqda qoldiradi), model, kerak boʻlsa kalit va har bir shifokor oyiga nechta AI xulosasi soʻrashi mumkinligi. Faqat anonimlashtirilgan natijalar yuboriladi: yosh oraligʻi, jins va qiymatlar; ism, identifikator, telefon, tugʻilgan sana yoki aniq sanalar hech qachon yuborilmaydi. Javob tahlil bilan shifrlangan holda saqlanadi va AI yozgani belgilanadi.

            ## Parol iborasi va tiklash kaliti
            Baza faqat parol iborasi, kalit fayli yoki oʻrnatishda chop etilgan tiklash kaliti ochadigan kalit bilan shifrlangan. Tiklash kalitini qogʻozda, noutbukdan uzoqda saqlang. Parol iborasini `medora-lite passwd --passphrase` bilan oʻzgartiring: maʼlumotlar qayta yozilmaydi.

            ## Audit jurnali va bemor huquqlari
            «Audit» (sarlavhada) har bir kirishni, ochilgan yoki oʻzgartirilgan har bir yozuvni, har bir eksport, zaxira nusxa va tiklashni kim, qachon va qayerdan qilgani bilan koʻrsatadi; uni foydalanuvchi, amal, bemor yoki sana boʻyicha saralang. U yerga hech qanday ism yoki tibbiy qiymat yozilmaydi. `medora-lite audit verify` hech bir yozuv oʻzgartirilmagan, oʻchirilmagan yoki qoʻshilmaganini tekshiradi; `--against` zaxira fayli bilan baza eskiroq nusxaga almashtirilmaganini ham tekshiradi. «Foydalanuvchilar»da shifokor hisobini oʻchirish uning bemorlarini bitta shifrlangan FHIR fayliga eksport qiladi (kod bir marta koʻrsatiladi), ularni butunlay oʻchiradi va soʻng hisobni oʻchiradi. «Zaxira nusxalar» → «Barcha bemorlarni eksport qilish (FHIR)» butun amaliyotni xuddi shu koʻrinishda beradi — boshqa tizimga oʻtish uchun.

            ## Maʼlumotlar holati
            `medora-lite check` butun faylni tekshiradi: SQLite tekshiruvi, har bir yozuv muhri va qatorlar toʻplami. Shikastlangan yozuv identifikatori bilan koʻrsatiladi va ochilmaydi; klinikaning qolgan ishi davom etadi. Server ham ishga tushganda muammolarni jurnalga yozadi.

            ## Koʻchirish va nusxa olish
            Serverni toʻxtating, maʼlumotlar papkasini nusxalang (medora.db va -wal fayli, ishlatilsa kalit fayli), boshqa kompyuterda oʻsha parol iborasi bilan ishga tushiring. Server ishlayotganda faylni hech qachon nusxalamang.
            """,
            ru: """
            ## Пользователи и роли
            В разделе «Пользователи» добавьте учётную запись каждому сотруднику: логин, полное имя, роль и первый пароль, который он потом сменит. Ассистентам укажите врача: они будут работать с пациентами этого врача. Смена роли, новый пароль для забывшего свой или блокировка — каждое из этих действий сразу завершает сеансы пользователя. Последнего активного администратора нельзя заблокировать или понизить.

            ## Настройки
            В «Настройках» — название клиники (в заголовке), язык страниц, если никто не выбрал другой, и через сколько минут бездействия завершается сеанс (от 5 до 480; по умолчанию 30). Любой сеанс также завершается через 12 часов после входа. «Ограничения запросов» — сколько запросов сервер принимает, прежде чем какое-то время отвечать «слишком много запросов»: с одного адреса без входа и на одного вошедшего пользователя. Обычные значения останавливают наплыв запросов и подбор паролей и намного выше того, что нужно занятой практике; повышайте их, только если несколько человек работают с одного адреса за прокси. Действуют сразу после сохранения.

            ## ИИ-заключение (необязательно)
            Выключено, пока вы не настроите его в Настройках: адрес chat-completions OpenAI-совместимого сервиса (локальный сервер Ollama или llama.cpp оставляет всё в этой сети), модель, ключ, если он нужен, и сколько ИИ-заключений каждый врач может запросить в месяц. Отправляются только обезличенные результаты: возрастная группа, пол и значения — никогда имена, идентификаторы, телефоны, даты рождения или точные даты. Ответ хранится зашифрованным вместе с анализом и помечен как написанный ИИ.

            ## Парольная фраза и ключ восстановления
            База зашифрована ключом, который открывают только парольная фраза, файл ключа или ключ восстановления, напечатанный при установке. Храните ключ восстановления на бумаге, отдельно от ноутбука. Парольная фраза меняется командой `medora-lite passwd --passphrase`: данные не перезаписываются.

            ## Журнал аудита и права пациентов
            «Аудит» (в шапке) показывает каждый вход, каждую открытую или изменённую запись, каждый экспорт, резервную копию и восстановление — кто, когда и откуда; фильтруйте по пользователю, действию, пациенту или датам. Имён и медицинских значений там нет. `medora-lite audit verify` проверяет, что ни одна запись не изменена, не удалена и не добавлена; с `--against` и файлом резервной копии — ещё и что базу не подменили более старой копией. В разделе «Пользователи» удаление учётной записи врача выгружает его пациентов в один зашифрованный файл FHIR (код показывается один раз), удаляет их навсегда и затем удаляет учётную запись. «Резервные копии» → «Экспорт всех пациентов (FHIR)» выдаёт всю практику в том же виде — для перехода на другую систему.

            ## Состояние данных
            `medora-lite check` проверяет весь файл: проверку SQLite, печать каждой записи и набор строк. Повреждённая запись называется по идентификатору и не показывается; остальная работа клиники продолжается. Сервер также пишет о проблемах в журнал при запуске.

            ## Перенос и копирование
            Остановите сервер, скопируйте папку данных (medora.db с файлом -wal, файл ключа, если есть), запустите на другом компьютере с той же парольной фразой. Никогда не копируйте файл во время работы сервера.
            """)
        case .troubleshooting: Translation(
            """
            ## I forgot my password
            Ask an administrator to set a new one on the “Users” page; sign in with it and change it under “My account”. An administrator who forgot theirs runs `medora-lite user passwd LOGIN` on the clinic's computer.

            ## The passphrase is forgotten
            Use the recovery key printed at installation: `medora-lite passwd --passphrase --recovery-key` opens the database with it and sets a new passphrase. Without the passphrase, the keyfile and the recovery key, the data cannot be opened by anyone.

            ## “Too many attempts”
            After several wrong passwords, sign-in from that address pauses for a minute; the page says how many seconds to wait.

            ## The disk is full
            Medora refuses the change and says so; nothing already saved is lost. Free some space (old downloads, the trash) and save again.

            ## A record is damaged
            A patient who cannot be shown is listed as damaged, usually after a disk fault or an edit of the file outside Medora. Everything else works. The administrator runs `medora-lite check` to see which records, and restores them from a backup.

            ## Moving to another laptop
            Stop the server on the old laptop, copy the whole data folder, and start `medora-lite serve --data FOLDER` on the new one with the same passphrase. Keep the old copy until you have checked the new one.
            """,
            uz: """
            ## Parolimni unutdim
            Administratordan «Foydalanuvchilar» sahifasida yangi parol oʻrnatishni soʻrang; u bilan kiring va «Mening hisobim»da oʻzgartiring. Parolini unutgan administrator klinika kompyuterida `medora-lite user passwd LOGIN` buyrugʻini bajaradi.

            ## Parol iborasi unutildi
            Oʻrnatishda chop etilgan tiklash kalitidan foydalaning: `medora-lite passwd --passphrase --recovery-key` bazani u bilan ochadi va yangi parol iborasini oʻrnatadi. Parol iborasi, kalit fayli va tiklash kalitisiz maʼlumotlarni hech kim ocha olmaydi.

            ## «Urinishlar juda koʻp»
            Bir necha notoʻgʻri paroldan soʻng shu manzildan kirish bir daqiqaga toʻxtatiladi; sahifa necha soniya kutish kerakligini aytadi.

            ## Disk toʻlgan
            Medora oʻzgarishni rad etadi va buni aytadi; avval saqlangan hech narsa yoʻqolmaydi. Joy boʻshating (eski yuklamalar, savat) va qayta saqlang.

            ## Yozuv shikastlangan
            Koʻrsatib boʻlmaydigan bemor shikastlangan deb belgilanadi, odatda disk nosozligi yoki faylni Medoradan tashqarida tahrirlashdan soʻng. Qolgan hamma narsa ishlaydi. Administrator qaysi yozuvlar ekanini `medora-lite check` bilan koʻradi va ularni zaxira nusxadan tiklaydi.

            ## Boshqa noutbukka koʻchish
            Eski noutbukda serverni toʻxtating, butun maʼlumotlar papkasini nusxalang va yangisida oʻsha parol iborasi bilan `medora-lite serve --data PAPKA` ni ishga tushiring. Yangisini tekshirmaguningizcha eski nusxani saqlang.
            """,
            ru: """
            ## Я забыл(а) пароль
            Попросите администратора задать новый на странице «Пользователи»; войдите с ним и смените его в «Моей учётной записи». Администратор, забывший свой пароль, выполняет `medora-lite user passwd ЛОГИН` на компьютере клиники.

            ## Забыта парольная фраза
            Используйте ключ восстановления, напечатанный при установке: `medora-lite passwd --passphrase --recovery-key` открывает им базу и задаёт новую фразу. Без парольной фразы, файла ключа и ключа восстановления данные не откроет никто.

            ## «Слишком много попыток»
            После нескольких неверных паролей вход с этого адреса приостанавливается на минуту; страница говорит, сколько секунд ждать.

            ## Диск заполнен
            Medora отказывает в изменении и сообщает об этом; ничего из сохранённого не теряется. Освободите место (старые загрузки, корзина) и сохраните снова.

            ## Запись повреждена
            Пациент, которого нельзя показать, отмечается как повреждённый — обычно после сбоя диска или правки файла вне Medora. Всё остальное работает. Администратор запускает `medora-lite check`, чтобы увидеть какие записи, и восстанавливает их из резервной копии.

            ## Переезд на другой ноутбук
            Остановите сервер на старом ноутбуке, скопируйте всю папку данных и запустите `medora-lite serve --data ПАПКА` на новом с той же парольной фразой. Храните старую копию, пока не проверите новую.
            """)
        }
    }

    public var title: WebText {
        switch self {
        case .user: .userGuide
        case .admin: .adminGuide
        case .troubleshooting: .troubleshooting
        }
    }
}
