import Foundation

/// The one list of a patient's personal fields. Each row gives the column stem (stored as
/// `<column>_enc`, and the associated-data name), the JSON name used by the API, exports and sample
/// data, and the validation rule. Everything else about a field derives from this table.
public enum PatientField: Int, SealedFieldSet {
    case firstName, lastName, middleName, phone, birthDate, sex, address, nationalID, notes

    public static let table = "patients"

    struct Spec {
        var column: String
        var json: String
        var label: Translation
        var rule: FieldRule
        var required = false
        /// Decrypted into the in-memory search index at unlock.
        var indexed = false
    }

    /// Built once: fields are looked up on every cell of every record read.
    private static let specs = allCases.map(\.makeSpec)

    var spec: Spec { Self.specs[rawValue] }

    private var makeSpec: Spec {
        switch self {
        case .firstName: Spec(column: "first_name", json: "firstName", label: Translation("First name", uz: "Ism", ru: "Имя"),
                              rule: .name, required: true, indexed: true)
        case .lastName: Spec(column: "last_name", json: "lastName", label: Translation("Last name", uz: "Familiya", ru: "Фамилия"),
                             rule: .name, required: true, indexed: true)
        case .middleName: Spec(column: "middle_name", json: "middleName",
                               label: Translation("Patronymic", uz: "Otasining ismi", ru: "Отчество"), rule: .name, indexed: true)
        case .phone: Spec(column: "phone", json: "phone", label: Translation("Phone", uz: "Telefon", ru: "Телефон"),
                          rule: .phone, indexed: true)
        case .birthDate: Spec(column: "birth_date", json: "birthDate",
                              label: Translation("Birth date", uz: "Tugʻilgan sana", ru: "Дата рождения"), rule: .birthDate)
        case .sex: Spec(column: "sex", json: "sex", label: Translation("Sex", uz: "Jinsi", ru: "Пол"),
                        rule: .choice(Sex.allCases.map(\.rawValue)))
        case .address: Spec(column: "address", json: "address", label: Translation("Address", uz: "Manzil", ru: "Адрес"),
                            rule: .text(max: 500, multiline: false))
        case .nationalID: Spec(column: "national_id", json: "nationalId",
                               label: Translation("National ID (PINFL)", uz: "JShShIR", ru: "ПИНФЛ"), rule: .identifier(max: 32))
        case .notes: Spec(column: "notes", json: "notes", label: Translation("Notes", uz: "Izohlar", ru: "Заметки"),
                          rule: .text(max: 10_000, multiline: true))
        }
    }

    public var column: String { spec.column }
    public var jsonName: String { spec.json }
    public var rule: FieldRule { spec.rule }
    public var isRequired: Bool { spec.required }
    public var ordinal: Int { rawValue }
    /// The field's label on forms and pages.
    public var label: Translation { spec.label }

    /// The fields the search index is built from.
    static let indexed = allCases.filter { $0.spec.indexed }
}
