import Foundation

/// The readable record inside an export: the patient's details, every analysis with its values,
/// units, reference ranges, flags and reading, trend charts, the disclaimer, and who accessed the
/// record. An HTML fragment that the page inserts once decrypted; every value is escaped here.
enum ExportRecord {
    static func html(_ c: PatientExportContent) -> String {
        let lang = c.language
        let p = c.patient
        func t(_ key: ExportText, _ args: [String: String] = [:]) -> String { escape(key.text(lang, args)) }
        let name = [p.details.lastName, p.details.firstName, p.details[.middleName] ?? ""].filter { !$0.isEmpty }.joined(separator: " ")
        var out = "<header><p class=\"note\">\(escape(c.clinicName.isEmpty ? PageText.appName.text(lang) : c.clinicName))</p>"
        out += "<h1>\(t(.recordOf, ["name": name]))</h1>"
        out += "<p class=\"note\">\(t(.preparedOn, ["date": dateTime(c.generatedAt)]))</p></header>"
        out += "<p class=\"disclaimer\">\(t(.disclaimer))</p>"

        out += "<section class=\"patient\"><h2>\(t(.patientDetails))</h2><dl class=\"details\">"
        for field in PatientField.allCases where field != .notes {
            guard let value = p.details[field] else { continue }
            let shown = field == .sex ? (Sex(rawValue: value)?.text(lang) ?? value) : field == .birthDate ? day(value) : value
            out += "<dt>\(escape(field.label[lang]))</dt><dd>\(escape(shown))</dd>"
        }
        out += "</dl></section>"

        let analyses = c.analysesInOrder
        out += "<section class=\"analyses\"><h2>\(t(.analyses))</h2>"
        if analyses.isEmpty { out += "<p>\(t(.noAnalyses))</p>" }
        for a in analyses.reversed() { out += analysis(a, patient: p, lang: lang) }
        out += "</section>"

        let charts = ExportTrendChart.charts(analyses, patient: p, language: lang)
        if !charts.isEmpty {
            out += "<section class=\"trends-section\"><h2>\(t(.trends))</h2><div class=\"trends\">\(charts.joined())</div></section>"
        }

        out += "<section class=\"access\"><h2>\(t(.accessLog))</h2>"
        if c.accessLog.isEmpty {
            out += "<p class=\"note\">\(t(.noAccessLog))</p>"
        } else {
            out += "<table><thead><tr><th>\(t(.accessWhen))</th><th>\(t(.accessWho))</th><th>\(t(.accessWhat))</th></tr></thead><tbody>"
            for e in c.accessLog.sorted(by: { $0.at < $1.at }) {
                out += "<tr><td>\(escape(dateTime(e.at)))</td><td>\(escape(e.user))</td><td>\(escape(e.action))</td></tr>"
            }
            out += "</tbody></table>"
        }
        out += c.auditHead.map { "<p>\(t(.auditHead)) <code class=\"head\">\(escape($0))</code></p>" }
            ?? "<p class=\"note\">\(t(.noAuditHead))</p>"
        out += "</section>"
        out += "<p class=\"disclaimer\">\(t(.disclaimer))</p>"
        return out
    }

    static func analysis(_ a: Analysis, patient: Patient, lang: Language) -> String {
        func t(_ key: ExportText, _ args: [String: String] = [:]) -> String { escape(key.text(lang, args)) }
        let interpretation = patient.interpret(a.details)
        var out = "<section class=\"analysis\"><h3>\(t(.takenOn, ["date": day(a.details.takenOn)]))</h3>"
        if let lab = a.details.lab { out += "<p>\(t(.laboratory, ["lab": lab]))</p>" }
        out += "<table><thead><tr><th>\(t(.test))</th><th>\(t(.result))</th><th>\(t(.unit))</th><th>\(t(.referenceRange))</th>"
        out += "<th>\(t(.flag))</th></tr></thead><tbody>"
        for r in a.details.results {
            let test = LabCatalogue.test(code: r.code)
            let unit = test.flatMap { LabCatalogue.unit(r.unit, of: $0) }
            let interpreted = interpretation.results.first { $0.test == r.code }
            let toEntered = unit?.toCanonical ?? 1
            let low = r.rangeLow ?? interpreted?.range?.low.map { $0 / toEntered }
            let high = r.rangeHigh ?? interpreted?.range?.high.map { $0 / toEntered }
            let range = switch (low, high) {
            case let (l?, h?): "\(number(l))–\(number(h))"
            case let (nil, h?): "< \(number(h))"
            case let (l?, nil): "> \(number(l))"
            default: "—"
            }
            let flag = interpreted?.flag
            let flagWord = flag.map { f in ReadingText.level(f)?.text(lang) ?? ExportText.normal.text(lang) } ?? "—"
            out += "<tr><td>\(escape(test?.name[lang] ?? r.code)) <span class=\"note\">LOINC \(escape(r.code))</span></td>"
            out += "<td>\(escape(number(r.value)))</td><td>\(escape(unit?.display ?? r.unit))</td><td>\(escape(range))</td>"
            out += "<td class=\"flag-\(flag?.rawValue ?? "none")\">\(escape(flagWord))</td></tr>"
        }
        out += "</tbody></table>"
        let reading = a.reading.map { $0.text(lang) }.filter { !$0.isEmpty }
        if !reading.isEmpty {
            out += "<h4>\(t(.reading))</h4><ul class=\"reading\">" + reading.map { "<li>\(escape($0))</li>" }.joined() + "</ul>"
            out += "<p class=\"note\">\(escape(ReadingText.disclaimer.text(lang)))</p>"
        }
        if let comment = a.details.comment { out += "<p>\(t(.comment)) \(escape(comment))</p>" }
        return out + "</section>"
    }

    /// A value as entered: no trailing zeros, no exponent.
    static func number(_ v: Double) -> String {
        guard case .number(let s)? = ExportJSON.decimal(v) else { return "—" }
        return s
    }

    /// `YYYY-MM-DD` as `dd.mm.yyyy`.
    static func day(_ iso: String) -> String {
        let parts = iso.split(separator: "-")
        guard parts.count == 3 else { return iso }
        return "\(parts[2]).\(parts[1]).\(parts[0])"
    }

    static func dateTime(_ date: Date) -> String {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(identifier: "UTC")
        f.dateFormat = "dd.MM.yyyy HH:mm 'UTC'"
        return f.string(from: date)
    }

    static func escape(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.count)
        for c in s {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(c)
            }
        }
        return out
    }
}
