import Foundation
import MedoraStorage

/// A minimal landing page until the web UI lands: what this is and where the API lives.
enum HomePage {
    static func render(_ lang: Language) -> String {
        """
        <!doctype html>
        <html lang="\(lang.rawValue)"><head><meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(PageText.appName.text(lang))</title></head>
        <body style="font-family: system-ui, sans-serif; max-width: 40rem; margin: 3rem auto; padding: 0 1rem">
        <h1>\(PageText.appName.text(lang))</h1>
        <p>\(PageText.homeTagline.text(lang))</p>
        <ul><li><a href="/api/v1/patients">\(PageText.homeAPI.text(lang))</a>: <code>/api/v1</code></li>
        <li><a href="/health">\(PageText.homeHealth.text(lang))</a></li></ul>
        </body></html>
        """
    }
}
