import Foundation

/// The three languages of the product: English, Uzbek (Latin) and Russian.
public enum Language: String, CaseIterable, Sendable {
    case en, uz, ru

    /// Picks a language from an explicit choice (cookie, flag) or an `Accept-Language` header.
    /// `fallback` (the clinic's default) when neither names one of the three.
    public static func negotiate(explicit: String? = nil, acceptLanguage: String?, fallback: Language = .en) -> Language {
        if let explicit, let l = Language(rawValue: explicit.lowercased()) { return l }
        guard let header = acceptLanguage else { return fallback }
        let ranked = header.split(separator: ",").compactMap { part -> (String, Double)? in
            let pieces = part.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
            guard let tag = pieces.first, !tag.isEmpty else { return nil }
            let q = pieces.dropFirst().first { $0.hasPrefix("q=") }.flatMap { Double($0.dropFirst(2)) } ?? 1
            return (tag.lowercased(), q)
        }.sorted { $0.1 > $1.1 }
        for (tag, _) in ranked {
            let primary = String(tag.prefix { $0 != "-" && $0 != "_" })
            if let l = Language(rawValue: primary) { return l }
        }
        return fallback
    }
}
