import Foundation
import Hummingbird
import MedoraStorage

/// Public pages, linked from every header and footer: `/privacy`, `/terms`, and the help pages
/// `/help` (user guide), `/help/admin`, `/help/troubleshooting`. Signed in or not, they render
/// with the header the visitor would see.
struct DocumentPages<Sessions: SessionRepository>: Sendable {
    let sessions: Sessions
    let cookie: SessionCookie

    func addRoutes(to router: Router<AppRequestContext>) {
        for (path, title, body) in [("privacy", PageText.privacyTitle, PageText.privacyBody),
                                    ("terms", PageText.termsTitle, PageText.termsBody)] {
            router.get(RouterPath(path)) { request, context in
                try await render(request, context, title: title.text(context.language), text: body.text(context.language))
            }
        }
        for (path, help) in [("help", HelpText.user), ("help/admin", .admin), ("help/troubleshooting", .troubleshooting)] {
            router.get(RouterPath(path)) { request, context in
                try await render(request, context, title: help.title.text(context.language), text: help.text(context.language),
                                 help: help)
            }
        }
    }

    /// Paragraphs separated by blank lines; a paragraph whose first line starts with "## " opens
    /// with that heading.
    func render(_ request: Request, _ context: AppRequestContext, title: String, text: String,
                help: HelpText? = nil) async throws -> Response {
        var context = context
        if let token = cookie.token(in: request), let (session, user) = try await sessions.resolve(token: token) {
            context.identity = Identity(user: user, session: session, token: token)
            if let own = user.language { context.language = own }
        }
        let lang = context.language
        var blocks: [[String: Any]] = []
        for block in text.components(separatedBy: "\n\n") {
            guard block.hasPrefix("## ") else { blocks.append(["paragraph": true, "parts": Self.parts(block)]); continue }
            let lines = block.dropFirst(3).split(separator: "\n", maxSplits: 1)
            blocks.append(["heading": String(lines.first ?? "")])
            if lines.count > 1 { blocks.append(["paragraph": true, "parts": Self.parts(String(lines[1]))]) }
        }
        var values: [String: Any] = ["title": title, "blocks": blocks]
        if help != nil {
            values["hasGuides"] = true
            values["guides"] = HelpText.allCases.map { h in
                ["href": h == .user ? "/help" : "/help/\(h.rawValue)", "text": h.title.text(lang), "current": h == help]
            }
        }
        return WebPage.render("document", values, context: context)
    }

    /// A paragraph cut at backticks: every other part is a command, shown as code.
    static func parts(_ paragraph: String) -> [[String: Any]] {
        paragraph.split(separator: "`", omittingEmptySubsequences: false).enumerated().compactMap { i, part in
            part.isEmpty ? nil : ["text": String(part), "code": i % 2 == 1]
        }
    }
}
