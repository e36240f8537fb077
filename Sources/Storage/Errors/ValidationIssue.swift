/// One rejected field: which field (its JSON name) and why.
public struct ValidationIssue: Equatable, Sendable, Codable {
    /// Why a value was rejected. The raw value is what the API returns; the translation is the
    /// message shown beside the field.
    public enum Code: String, Sendable, Codable, LocalizedKey {
        case required, tooLong = "too_long", tooShort = "too_short", invalidCharacters = "invalid_characters"
        case invalidFormat = "invalid_format", outOfRange = "out_of_range", unknownField = "unknown_field"
        case invalidValue = "invalid_value"
        case commonPassword = "common_password", duplicate

        public var translation: Translation {
            switch self {
            case .required: Translation("This field is required.", uz: "Bu maydon majburiy.", ru: "Обязательное поле.")
            case .tooLong: Translation("This value is too long.", uz: "Qiymat juda uzun.", ru: "Слишком длинное значение.")
            case .tooShort: Translation("This value is too short.", uz: "Qiymat juda qisqa.", ru: "Слишком короткое значение.")
            case .invalidCharacters: Translation("Only letters, spaces, apostrophes and hyphens are allowed here.",
                                                 uz: "Bu yerda faqat harflar, boʻsh joy, apostrof va chiziqcha ruxsat etiladi.",
                                                 ru: "Допустимы только буквы, пробелы, апострофы и дефисы.")
            case .invalidFormat: Translation("The format is not valid.", uz: "Format notoʻgʻri.", ru: "Неверный формат.")
            case .outOfRange: Translation("The value is out of the allowed range.",
                                          uz: "Qiymat ruxsat etilgan oraliqdan tashqarida.",
                                          ru: "Значение вне допустимого диапазона.")
            case .unknownField: Translation("Unknown field.", uz: "Nomaʼlum maydon.", ru: "Неизвестное поле.")
            case .invalidValue: Translation("The value is not one of the allowed values.",
                                            uz: "Qiymat ruxsat etilganlardan emas.", ru: "Недопустимое значение.")
            case .duplicate: Translation("This appears twice.", uz: "Bu ikki marta kiritilgan.", ru: "Указано дважды.")
            case .commonPassword: Translation("This password is too common or too easy to guess; a few unrelated words work well.",
                                              uz: "Bu parol juda keng tarqalgan yoki oson topiladi; bir nechta bogʻliq boʻlmagan soʻz yaxshi parol boʻladi.",
                                              ru: "Этот пароль слишком распространён или легко угадывается; хорошо подходят несколько не связанных слов.")
            }
        }
    }

    /// Which characters a field takes, for an `invalidCharacters` issue: the message names them.
    public enum AllowedCharacters: String, Sendable, Codable, LocalizedKey {
        case name, identifier, printable

        public var translation: Translation {
            switch self {
            case .name: Code.invalidCharacters.translation
            case .identifier: Translation("Only Latin letters, digits and hyphens are allowed here.",
                                          uz: "Bu yerda faqat lotin harflari, raqamlar va chiziqcha ruxsat etiladi.",
                                          ru: "Допустимы только латинские буквы, цифры и дефисы.")
            case .printable: Translation("Control characters are not allowed here.",
                                         uz: "Bu yerda boshqaruv belgilariga ruxsat yoʻq.",
                                         ru: "Управляющие символы здесь недопустимы.")
            }
        }
    }

    public var field: String
    public var code: Code
    public var allowed: AllowedCharacters?

    public init(_ field: String, _ code: Code, allowed: AllowedCharacters? = nil) {
        self.field = field
        self.code = code
        self.allowed = allowed
    }

    /// The message shown beside the field.
    public func message(_ language: Language) -> String {
        (code == .invalidCharacters ? allowed?.text(language) : nil) ?? code.text(language)
    }
}
