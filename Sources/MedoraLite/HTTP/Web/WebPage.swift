import Foundation
import Hummingbird
import MedoraStorage

/// Renders a page: the template's own values plus what every page has (language, strings,
/// signed-in user, CSRF token, flash message). Pages are never cached (they hold patient data).
enum WebPage {
    static func render(_ template: String, _ values: [String: Any], request: Request, identity: Identity?,
                       status: HTTPResponse.Status = .ok, flash: String? = nil) -> Response {
        let lang = Language.of(request)
        // An empty string would still open a `{{#section}}`: absent values are left out instead.
        var context = values.filter { !(($0.value as? String)?.isEmpty ?? false) }
        context["lang"] = lang.rawValue
        context["t"] = strings(lang)
        context["privacyLink"] = PageText.privacyTitle.text(lang)
        context["termsLink"] = PageText.termsTitle.text(lang)
        context["languages"] = Language.allCases.map { ["code": $0.rawValue, "current": $0 == lang] as [String: Any] }
        if let identity {
            context["user"] = true
            context["isAdmin"] = identity.user.role == .admin
            context["csrf"] = identity.session.csrf
            context["signedInAs"] = WebText.signedInAs.text(lang, ["name": identity.user.displayName])
        }
        if let flash { context["flash"] = flash }
        let html = WebTemplates.library?.render(context, withTemplate: template) ?? ""
        return Response(status: status, headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store"],
                        body: .init(byteBuffer: ByteBuffer(string: html)))
    }

    static func strings(_ lang: Language) -> [String: String] {
        Dictionary(uniqueKeysWithValues: WebText.allCases.map { ($0.rawValue, $0.text(lang)) })
    }

    static func redirect(_ location: String) -> Response {
        Response(status: .seeOther, headers: [.location: location])
    }
}
