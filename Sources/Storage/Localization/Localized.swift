import Foundation

/// One string in every language of the product. The initialiser takes all three, so a missing
/// translation does not compile.
public struct Translation: Sendable, Equatable {
    public let en: String
    public let uz: String
    public let ru: String

    public init(_ en: String, uz: String, ru: String) {
        self.en = en
        self.uz = uz
        self.ru = ru
    }

    public subscript(_ language: Language) -> String {
        switch language {
        case .en: en
        case .uz: uz
        case .ru: ru
        }
    }

    /// The `{name}` placeholders of one language's text.
    public static func placeholders(in text: String) -> Set<String> {
        var names: Set<String> = []
        var current: String?
        for c in text {
            if c == "{" { current = "" } else if c == "}", let name = current {
                if !name.isEmpty { names.insert(name) }
                current = nil
            } else if current != nil {
                if c.isLetter { current?.append(c) } else { current = nil }
            }
        }
        return names
    }
}

/// A typed key of the string catalogue. Each catalogue area (errors, command line, check report,
/// pages, ...) is an enum whose `translation` is one exhaustive `switch`: a key without its row does
/// not compile. Text is produced only through `text(_:_:)`.
public protocol LocalizedKey: CaseIterable, Sendable {
    var translation: Translation { get }
}

extension LocalizedKey {
    /// The text in `language` with its `{name}` placeholders filled from `arguments`.
    public func text(_ language: Language, _ arguments: [String: String] = [:]) -> String {
        var s = translation[language]
        for (name, value) in arguments { s = s.replacingOccurrences(of: "{\(name)}", with: value) }
        return s
    }
}

/// Every catalogue area, for the tests that hold the catalogue to its rules.
public enum StringCatalogue {
    public static var all: [(key: String, translation: Translation)] {
        func rows<K: LocalizedKey>(_ type: K.Type) -> [(key: String, translation: Translation)] {
            K.allCases.map { ("\(K.self).\($0)", $0.translation) }
        }
        return rows(ErrorText.self) + rows(ValidationIssue.Code.self) + rows(ValidationIssue.AllowedCharacters.self)
            + rows(CLIText.self) + rows(CheckText.self) + rows(AuditText.self) + rows(AuditAction.self) + rows(ErasureText.self)
            + rows(PageText.self) + rows(WebText.self) + rows(Sex.self) + rows(HelpText.self) + rows(ReadingText.self) + rows(LabText.self)
            + rows(ExportText.self)
            + LabCatalogue.tests.map { ("LabTest.\($0.key)", $0.name) } + LabCatalogue.panels.map { ("LabPanel.\($0.id)", $0.name) }
            + AnalysisField.allCases.map { ("AnalysisField.\($0)", $0.label) }
            + PatientField.allCases.map { ("PatientField.\($0)", $0.label) }
    }
}
