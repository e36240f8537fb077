import Foundation
import Hummingbird
import MedoraStorage

/// `/privacy` and `/terms`: public pages, linked from every footer.
enum DocumentPages {
    static func addRoutes(to router: Router<AppRequestContext>) {
        for (path, title, body) in [("privacy", PageText.privacyTitle, PageText.privacyBody),
                                    ("terms", PageText.termsTitle, PageText.termsBody)] {
            router.get(RouterPath(path)) { request, context in
                let lang = Language.of(request)
                return WebPage.render("document", ["title": title.text(lang),
                                                   "paragraphs": body.text(lang).components(separatedBy: "\n\n")],
                                      request: request, identity: context.identity)
            }
        }
    }
}
