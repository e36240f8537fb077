import Foundation
import Hummingbird
import MedoraStorage

/// Renders a page: the template's own values plus what every page has (language, strings,
/// clinic name, signed-in user, CSRF token, flash message). Pages are never cached (they hold
/// patient data).
enum WebPage {
    /// `signedIn: false` renders the page as for nobody (after a sign-out or password change).
    static func render(_ template: String, _ values: [String: Any], context: AppRequestContext, signedIn: Bool = true,
                       status: HTTPResponse.Status = .ok, flash: String? = nil) -> Response {
        let lang = context.language
        // An empty string would still open a `{{#section}}`: absent values are left out instead.
        var page = values.filter { !(($0.value as? String)?.isEmpty ?? false) }
        page["lang"] = lang.rawValue
        page["t"] = strings(lang)
        page["clinic"] = context.clinicName.isEmpty ? PageText.appName.text(lang) : context.clinicName
        page["privacyLink"] = PageText.privacyTitle.text(lang)
        page["termsLink"] = PageText.termsTitle.text(lang)
        page["languages"] = Language.allCases.map { ["code": $0.rawValue, "current": $0 == lang] as [String: Any] }
        if signedIn, let identity = context.identity {
            page["user"] = true
            page["isAdmin"] = identity.user.role == .admin
            if identity.user.role == .admin && context.backupStale { page["backupWarning"] = WebText.backupStale.text(lang) }
            page["csrf"] = identity.session.csrf
            page["signedInAs"] = WebText.signedInAs.text(lang, ["name": identity.user.displayName])
        } else {
            page["anonymous"] = true
        }
        if let flash { page["flash"] = flash }
        let html = WebTemplates.library?.render(page, withTemplate: template) ?? ""
        return Response(status: status, headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store"],
                        body: .init(byteBuffer: ByteBuffer(string: html)))
    }

    static func strings(_ lang: Language) -> [String: String] {
        Dictionary(uniqueKeysWithValues: WebText.allCases.map { ($0.rawValue, $0.text(lang)) })
    }

    static func redirect(_ location: String) -> Response {
        Response(status: .seeOther, headers: [.location: location])
    }

    /// The cookie the header's language switch sets (the browser's own choice, for a year).
    static func languageCookie(_ lang: Language) -> Cookie {
        Cookie(name: "lang", value: lang.rawValue, maxAge: 365 * 86400, path: "/", httpOnly: true, sameSite: .lax)
    }

    /// The page a request came from, when it is a path on this site ("//host" or "/\\host" would
    /// leave it).
    static func back(_ request: Request) -> String? {
        guard let back = request.headers[.referer].flatMap(URL.init(string:))?.path, back.hasPrefix("/"),
              !back.dropFirst().hasPrefix("/"), !back.dropFirst().hasPrefix("\\") else { return nil }
        return back
    }

    /// `dd.mm.yyyy HH:mm` in the server's time zone.
    static func display(_ date: Date) -> String {
        let c = Calendar(identifier: .gregorian).dateComponents([.year, .month, .day, .hour, .minute], from: date)
        func two(_ n: Int?) -> String { n.map { $0 < 10 ? "0\($0)" : "\($0)" } ?? "--" }
        return "\(two(c.day)).\(two(c.month)).\(c.year.map(String.init) ?? "----") \(two(c.hour)):\(two(c.minute))"
    }

    /// `YYYY-MM-DD` as `dd.mm.yyyy`.
    static func displayDate(_ iso: String?) -> String {
        guard let iso else { return "" }
        let parts = iso.split(separator: "-")
        return parts.count == 3 ? "\(parts[2]).\(parts[1]).\(parts[0])" : iso
    }

    static func key(_ id: UUID) -> String { id.uuidString.lowercased() }
}
