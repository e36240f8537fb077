import Foundation
import Hummingbird
import MedoraStorage

extension Language {
    /// For command-line messages: `MEDORA_LANG`, then `LANG`.
    static var cli: Language {
        let env = ProcessInfo.processInfo.environment
        if let l = env["MEDORA_LANG"].flatMap(Language.init(rawValue:)) { return l }
        return negotiate(acceptLanguage: env["LANG"].map { String($0.prefix(2)) })
    }

    /// The language of a response: the `lang` cookie if set, else `Accept-Language`. Worked out
    /// only where text is produced (errors, pages), not for every request.
    static func of(_ request: Request) -> Language {
        negotiate(explicit: request.cookies["lang"]?.value, acceptLanguage: request.headers[.acceptLanguage])
    }

    /// The language named in itself, for choosers.
    var nativeName: String {
        switch self {
        case .en: "English"
        case .uz: "Oʻzbekcha"
        case .ru: "Русский"
        }
    }
}
