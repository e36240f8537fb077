import Foundation

/// A minimal landing page until the web UI lands: what this is and where the API lives.
enum HomePage {
    static func render(_ lang: Language) -> String {
        """
        <!doctype html>
        <html lang="\(lang.rawValue)"><head><meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(L10n.text(.appName, lang))</title></head>
        <body style="font-family: system-ui, sans-serif; max-width: 40rem; margin: 3rem auto; padding: 0 1rem">
        <h1>\(L10n.text(.appName, lang))</h1>
        <p>\(L10n.text(.homeTagline, lang))</p>
        <ul><li><a href="/api/v1/patients">\(L10n.text(.homeAPI, lang))</a>: <code>/api/v1</code></li>
        <li><a href="/health">\(L10n.text(.homeHealth, lang))</a></li></ul>
        </body></html>
        """
    }
}
