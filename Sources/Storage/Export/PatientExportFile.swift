import Foundation

/// What the sealed part of an export holds: the readable record (an HTML fragment, every value
/// escaped) and the FHIR Bundle as the exact JSON text the download button and `decrypt-export` give.
public struct ExportPayload: Codable, Sendable, Equatable {
    public var format = "medora-export-payload"
    public var version = 1
    public var language: String
    public var record: String
    public var fhir: String
    public var fhirFileName: String
}

/// The self-opening export file: one HTML page with the sealed payload embedded, which asks for
/// the one-time code and decrypts in the browser. `make` and `open` are the whole format.
public enum PatientExportFile {
    /// The file and the one-time code that opens it (to be shown once, never stored).
    public static func make(_ content: PatientExportContent, iterations: Int = ExportSealer.iterations) throws -> (html: Data, code: String) {
        let payload = ExportPayload(language: content.language.rawValue, record: ExportRecord.html(content),
                                    fhir: FHIRBundle.bundle(content).serialized(pretty: true) + "\n",
                                    fhirFileName: "medical-record-\(String(content.patient.id.uuidString.lowercased().prefix(8))).fhir.json")
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let code = OneTimeCode.generate()
        let sealed = try ExportSealer.seal(try encoder.encode(payload), code: code, iterations: iterations)
        return (Data(ExportPage.html(sealed, language: content.language).utf8), code)
    }

    /// The payload of an export file, opened with its code.
    public static func open(html: Data, code: String) throws -> ExportPayload {
        let sealed = try sealedPart(of: html)
        let plain = try ExportSealer.open(sealed, code: code)
        guard let payload = try? JSONDecoder().decode(ExportPayload.self, from: plain), payload.format == "medora-export-payload" else {
            throw MedoraError(.exportInvalid, ["detail": "unreadable payload"])
        }
        return payload
    }

    /// The readable record of an opened export as a page of its own (what `decrypt-export` writes).
    public static func readableDocument(_ payload: ExportPayload) -> String {
        let language = Language(rawValue: payload.language) ?? .en
        return """
            <!doctype html>
            <html lang="\(language.rawValue)"><head><meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(ExportRecord.escape(ExportText.pageTitle.text(language)))</title>
            <style>\(ExportPage.style)</style></head>
            <body><main><div id="record">\(payload.record)</div></main></body></html>

            """
    }

    /// The embedded `<script type="application/json" id="medora-sealed">` block, decoded.
    static func sealedPart(of html: Data) throws -> SealedExport {
        let invalid = MedoraError(.exportInvalid, ["detail": "no sealed record in the file"])
        guard html.count < 512 << 20, let text = String(data: html, encoding: .utf8),
              let start = text.range(of: ExportPage.sealedOpening), let end = text.range(of: "</script>", range: start.upperBound..<text.endIndex),
              let object = try? JSONSerialization.jsonObject(with: Data(text[start.upperBound..<end.lowerBound].utf8)) as? [String: Any],
              object["format"] as? String == "medora-export", object["version"] as? Int == 1,
              object["kdf"] as? String == "PBKDF2-SHA256", object["cipher"] as? String == "AES-256-GCM",
              let iterations = object["iterations"] as? Int,
              let salt = (object["salt"] as? String).flatMap({ Data(base64Encoded: $0) }),
              let nonce = (object["nonce"] as? String).flatMap({ Data(base64Encoded: $0) }),
              let ciphertext = (object["ciphertext"] as? String).flatMap({ Data(base64Encoded: $0) }) else { throw invalid }
        return SealedExport(salt: salt, iterations: iterations, nonce: nonce, ciphertext: ciphertext)
    }
}
