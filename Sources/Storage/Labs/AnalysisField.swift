import Foundation

/// The sealed fields of an analysis, under its patient's data key: erasing the patient's key
/// erases their analyses too. The results and the reading are sealed as one JSON value each.
public enum AnalysisField: Int, SealedFieldSet {
    case takenOn, lab, comment, pregnant, results, reading

    public static let table = "analyses"

    public var column: String {
        switch self {
        case .takenOn: "taken_on"
        case .lab: "lab"
        case .comment: "comment"
        case .pregnant: "pregnant"
        case .results: "results"
        case .reading: "reading"
        }
    }

    public var jsonName: String {
        switch self {
        case .takenOn: "takenOn"
        case .lab: "lab"
        case .comment: "comment"
        case .pregnant: "pregnant"
        case .results: "results"
        case .reading: "reading"
        }
    }

    public var rule: FieldRule {
        switch self {
        case .takenOn: .birthDate
        case .lab: .text(max: 200, multiline: false)
        case .comment: .text(max: 4000, multiline: true)
        case .pregnant: .choice(["true", "false"])
        case .results, .reading: .text(max: 1 << 20, multiline: true)
        }
    }

    public var isRequired: Bool { self == .takenOn || self == .results || self == .pregnant || self == .reading }
    public var ordinal: Int { rawValue }

    public var label: Translation {
        switch self {
        case .takenOn: Translation("Date taken", uz: "Olingan sana", ru: "Дата взятия")
        case .lab: Translation("Laboratory", uz: "Laboratoriya", ru: "Лаборатория")
        case .comment: Translation("Comment", uz: "Izoh", ru: "Комментарий")
        case .pregnant: Translation("Pregnant", uz: "Homilador", ru: "Беременность")
        case .results: Translation("Results", uz: "Natijalar", ru: "Результаты")
        case .reading: Translation("Reading", uz: "Xulosa", ru: "Заключение")
        }
    }
}
