import Foundation

/// The page around a sealed export: opened from disk in any current browser with no network
/// (inline style and script, no external request), it asks for the one-time code, derives the key
/// with WebCrypto (PBKDF2-SHA256, the embedded salt and count), decrypts with AES-256-GCM and only
/// then shows the record. A wrong code fails the GCM tag check before anything is shown. The page
/// itself holds no patient data: only the words of the prompt, in the reader's language.
enum ExportPage {
    static let sealedOpening = #"<script type="application/json" id="medora-sealed">"#

    static func html(_ sealed: SealedExport, language: Language) -> String {
        let envelope = ExportJSON.obj([
            ("format", .string("medora-export")), ("version", .number("1")),
            ("kdf", .string("PBKDF2-SHA256")), ("iterations", .number(String(sealed.iterations))),
            ("cipher", .string("AES-256-GCM")),
            ("salt", .string(sealed.salt.base64EncodedString())), ("nonce", .string(sealed.nonce.base64EncodedString())),
            ("ciphertext", .string(sealed.ciphertext.base64EncodedString())),
        ]).serialized()
        let words = ExportJSON.obj([
            ("opening", .string(ExportText.opening.text(language))), ("wrongCode", .string(ExportText.wrongCode.text(language))),
            ("malformedCode", .string(ExportText.malformedCode.text(language))),
            ("noWebCrypto", .string(ExportText.noWebCrypto.text(language))),
        ]).serialized()
        func t(_ key: ExportText) -> String { ExportRecord.escape(key.text(language)) }
        return """
            <!doctype html>
            <html lang="\(language.rawValue)"><head><meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="referrer" content="no-referrer">
            <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data: blob:; connect-src blob:">
            <title>\(t(.pageTitle))</title>
            <style>\(style)</style></head>
            <body>
            <main>
            <section id="unlock" class="card">
            <h1>\(t(.pageTitle))</h1>
            <p>\(t(.enterCode))</p>
            <form id="unlock-form" autocomplete="off">
            <label for="code">\(t(.codeLabel))</label>
            <input id="code" name="code" autocapitalize="characters" spellcheck="false" placeholder="XXXX-XXXX-XXXX-XXXX" autofocus>
            <button type="submit" id="open">\(t(.open))</button>
            </form>
            <p id="status" role="alert" aria-live="assertive"></p>
            <p class="note">\(t(.offlineNote))</p>
            </section>
            <section id="opened" hidden>
            <p class="toolbar"><a id="download-fhir" href="#" download>\(t(.downloadFHIR))</a> <button type="button" id="print">\(t(.print))</button></p>
            <div id="record"></div>
            </section>
            </main>
            \(sealedOpening)\(envelope)</script>
            <script>
            "use strict";
            (function () {
              var words = \(words);
              var sealed = JSON.parse(document.getElementById("medora-sealed").textContent);
              var alphabet = "\(String(OneTimeCode.alphabet))";
              var aad = new TextEncoder().encode("\(ExportSealer.associatedData)");
              var form = document.getElementById("unlock-form"), input = document.getElementById("code");
              var status = document.getElementById("status"), button = document.getElementById("open");
              function bytes(b64) {
                var bin = atob(b64), out = new Uint8Array(bin.length);
                for (var i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
                return out;
              }
              // The same rule as the Swift side: any case, spaces and dashes ignored.
              function normalize(typed) {
                var s = typed.toUpperCase().replace(/[\\s\\-_.]/g, "");
                if (s.length !== \(OneTimeCode.length)) return null;
                for (var i = 0; i < s.length; i++) if (alphabet.indexOf(s[i]) < 0) return null;
                return s;
              }
              function fail(message) {
                status.textContent = message;
                status.className = "error";
                button.disabled = false;
              }
              if (!window.crypto || !window.crypto.subtle) { fail(words.noWebCrypto); button.disabled = true; return; }
              form.addEventListener("submit", function (event) {
                event.preventDefault();
                var code = normalize(input.value);
                if (!code) { fail(words.malformedCode); return; }
                button.disabled = true;
                status.className = "";
                status.textContent = words.opening;
                var subtle = window.crypto.subtle;
                subtle.importKey("raw", new TextEncoder().encode(code), "PBKDF2", false, ["deriveKey"]).then(function (base) {
                  return subtle.deriveKey({ name: "PBKDF2", salt: bytes(sealed.salt), iterations: sealed.iterations, hash: "SHA-256" },
                                          base, { name: "AES-GCM", length: 256 }, false, ["decrypt"]);
                }).then(function (key) {
                  return subtle.decrypt({ name: "AES-GCM", iv: bytes(sealed.nonce), additionalData: aad, tagLength: 128 },
                                        key, bytes(sealed.ciphertext));
                }).then(function (plain) {
                  var payload = JSON.parse(new TextDecoder().decode(plain));
                  document.getElementById("record").innerHTML = payload.record;
                  var link = document.getElementById("download-fhir");
                  link.href = URL.createObjectURL(new Blob([payload.fhir], { type: "application/fhir+json" }));
                  link.download = payload.fhirFileName;
                  document.getElementById("unlock").remove();
                  document.getElementById("opened").hidden = false;
                  document.title = document.querySelector("#record h1") ? document.querySelector("#record h1").textContent : document.title;
                }, function () {
                  // The GCM tag did not check out: nothing was decrypted, nothing is shown.
                  fail(words.wrongCode);
                });
              });
              document.getElementById("print").addEventListener("click", function () { window.print(); });
            })();
            </script>
            </body></html>

            """
    }

    static let style = """
        body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif;margin:0;background:#f4f6f8;color:#1d2733;line-height:1.45}
        main{max-width:920px;margin:0 auto;padding:1.5rem}
        .card{background:#fff;border:1px solid #d5dce3;border-radius:8px;padding:1.5rem;max-width:460px;margin:3rem auto}
        label{display:block;font-weight:600;margin:.75rem 0 .25rem}
        input{font:inherit;font-size:1.3rem;letter-spacing:.08em;padding:.5rem;width:100%;box-sizing:border-box;border:1px solid #9aa8b6;border-radius:6px}
        button,.toolbar a{font:inherit;display:inline-block;margin-top:.75rem;padding:.5rem 1rem;border-radius:6px;border:1px solid #1f5f9e;background:#1f6fb8;color:#fff;text-decoration:none;cursor:pointer}
        button[disabled]{opacity:.6}
        .error{color:#a4161a;font-weight:600}
        .note{color:#55606b;font-size:.9rem}
        #record{background:#fff;border:1px solid #d5dce3;border-radius:8px;padding:1.5rem}
        table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem}
        th,td{border-bottom:1px solid #e1e6eb;padding:.35rem .5rem;text-align:left;vertical-align:top}
        th{background:#f0f3f6}
        dl.details{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem}
        dt{font-weight:600}dd{margin:0}
        .flag-low,.flag-high{color:#b35c00;font-weight:600}
        .flag-critical_low,.flag-critical_high{color:#a4161a;font-weight:700}
        .disclaimer{border-left:4px solid #b35c00;background:#fff7ec;padding:.5rem .75rem}
        .trends{display:flex;flex-wrap:wrap;gap:1rem}
        figure{margin:0;border:1px solid #e1e6eb;border-radius:6px;padding:.5rem}
        figcaption{font-weight:600;font-size:.9rem}
        code.head{word-break:break-all}
        @media print{body{background:#fff}.toolbar{display:none}#record{border:0;padding:0}main{padding:0}section.analysis{break-inside:avoid}}
        """
}
