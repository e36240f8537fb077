import Foundation
import Hummingbird
import MedoraStorage

/// A patient's analyses on the pages: fast entry by panel (keyboard only, units preselected and
/// switchable, flags shown while typing), the printable report (results, ranges, flags, changes,
/// derived values, reading, trends), edit and delete. Scoped like the patient; assistants do not
/// delete.
struct AnalysisPages: Sendable {
    let analyses: any AnalysisRepository
    let ai: AIReadingService
    let clock: any WallClock

    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.get("patients/:id/analyses/new") { request, context in
            let list = try await patientList(context)
            guard let panelID = request.uri.queryParameters["panel"].map(String.init), let panel = LabCatalogue.panel(id: panelID) else {
                return choosePanel(list, context)
            }
            let draft = AnalysisDraft(takenOn: LabDates.string(clock.now()), results: [])
            return form(list, draft: draft, tests: panel.tests.compactMap(LabCatalogue.test(key:)), context: context,
                        action: "/patients/\(WebPage.key(list.patient.id))/analyses", version: nil, panel: panel)
        }
        group.post("patients/:id/analyses") { request, context in
            let (form, _) = try await WebForm.checked(request, context: context)
            let list = try await patientList(context)
            let (draft, tests, issues) = Self.draft(form, context.language)
            let action = "/patients/\(WebPage.key(list.patient.id))/analyses"
            guard issues.isEmpty else { return self.form(list, draft: draft, tests: tests, issues: issues, context: context, action: action, version: nil, entered: form) }
            do {
                guard let a = try await analyses.create(patientID: list.patient.id, scope: try scope(context), draft: draft) else {
                    throw APIError(.patientNotFound)
                }
                context.logger.info("analysis created", metadata: ["analysis_id": .string(a.id.uuidString)])
                return WebPage.redirect("\(action)/\(WebPage.key(a.id))?saved=1")
            } catch let e as MedoraError where e.kind == .validationFailed {
                return self.form(list, draft: draft, tests: tests, issues: Self.byField(e.issues, draft, context.language), context: context, action: action,
                                 version: nil, entered: form)
            }
        }
        group.get("patients/:id/analyses/:analysis") { request, context in
            let (list, a) = try await analysis(context)
            let flash = request.uri.queryParameters["saved"] != nil ? LabText.analysisSaved.text(context.language)
                : request.uri.queryParameters["ai"] != nil ? LabText.aiStored.text(context.language) : nil
            return report(list, a, context: context, flash: flash)
        }
        group.get("patients/:id/analyses/:analysis/edit") { _, context in
            let (list, a) = try await analysis(context)
            return form(list, draft: a.details, tests: a.details.results.compactMap { LabCatalogue.test(code: $0.code) }, context: context,
                        action: "/patients/\(WebPage.key(list.patient.id))/analyses/\(WebPage.key(a.id))", version: a.version)
        }
        group.post("patients/:id/analyses/:analysis") { request, context in
            let (form, _) = try await WebForm.checked(request, context: context)
            let (list, a) = try await analysis(context)
            let (draft, tests, issues) = Self.draft(form, context.language)
            let action = "/patients/\(WebPage.key(list.patient.id))/analyses/\(WebPage.key(a.id))"
            let version = form["version"].flatMap(Int.init)
            guard issues.isEmpty else {
                return self.form(list, draft: draft, tests: tests, issues: issues, context: context, action: action, version: version,
                                 entered: form)
            }
            do {
                guard try await analyses.update(id: a.id, patientID: list.patient.id, scope: try scope(context), draft: draft,
                                                expectedVersion: version) != nil else { throw APIError(.notFound) }
                context.logger.info("analysis updated", metadata: ["analysis_id": .string(a.id.uuidString)])
                return WebPage.redirect("\(action)?saved=1")
            } catch let e as MedoraError where e.kind == .validationFailed {
                return self.form(list, draft: draft, tests: tests, issues: Self.byField(e.issues, draft, context.language), context: context, action: action,
                                 version: version, entered: form)
            }
        }
        group.post("patients/:id/analyses/:analysis/ai") { request, context in
            _ = try await WebForm.checked(request, context: context)
            let (list, a) = try await analysis(context)
            do {
                _ = try await ai.read(a, of: list, scope: try scope(context), language: context.language)
            } catch let e as MedoraError where [.aiNotConfigured, .aiLimitReached, .aiUnavailable].contains(e.kind) {
                return report(list, a, context: context, error: e.message(context.language),
                              status: HTTPResponse.Status(code: e.kind.row.httpStatus))
            }
            context.logger.info("ai reading stored", metadata: ["analysis_id": .string(a.id.uuidString)])
            return WebPage.redirect("/patients/\(WebPage.key(list.patient.id))/analyses/\(WebPage.key(a.id))?ai=1")
        }
        group.post("patients/:id/analyses/:analysis/delete") { request, context in
            _ = try await WebForm.checked(request, context: context)
            try context.require(.deletePatients)
            let (list, a) = try await analysis(context)
            guard try await analyses.delete(id: a.id, patientID: list.patient.id, scope: try scope(context)) else { throw APIError(.notFound) }
            context.logger.info("analysis deleted", metadata: ["analysis_id": .string(a.id.uuidString)])
            return WebPage.redirect("/patients/\(WebPage.key(list.patient.id))?analysisDeleted=1")
        }
    }

    // MARK: Loading

    func scope(_ context: AppRequestContext) throws -> PatientScope { try context.require(.workOnPatients).user.patientScope }

    func patientList(_ context: AppRequestContext) async throws -> AnalysisList {
        let id = try context.uuidParameter("id", else: .patientNotFound)
        guard let list = try await analyses.list(patientID: id, scope: try scope(context)) else { throw APIError(.patientNotFound) }
        return list
    }

    func analysis(_ context: AppRequestContext) async throws -> (AnalysisList, Analysis) {
        let list = try await patientList(context)
        let id = try context.uuidParameter("analysis", else: .notFound)
        if list.damaged.contains(id) { throw APIError(.recordDamaged) }
        guard let a = list.items.first(where: { $0.id == id }) else { throw APIError(.notFound) }
        return (list, a)
    }

    // MARK: Pages

    func choosePanel(_ list: AnalysisList, _ context: AppRequestContext) -> Response {
        let lang = context.language
        let base = "/patients/\(WebPage.key(list.patient.id))/analyses/new?panel="
        return WebPage.render("panels", [
            "title": LabText.choosePanel.text(lang), "patientName": Self.name(list.patient), "patientId": WebPage.key(list.patient.id),
            "panels": LabCatalogue.panels.map { p in
                ["href": base + p.id, "name": p.name[lang],
                 "tests": p.tests.compactMap(LabCatalogue.test(key:)).map(\.key).joined(separator: ", ")] as [String: Any]
            },
        ], context: context)
    }

    /// The entry form: one row per test with the value, a unit chooser (canonical first), the
    /// lab's printed range, and the reference range and critical limits (canonical) for the flag
    /// the script shows while typing. Entered values and a message per field are kept.
    func form(_ list: AnalysisList, draft: AnalysisDraft, tests: [LabTest], issues: [String: String] = [:], context: AppRequestContext,
              action: String, version: Int?, panel: LabPanel? = nil, entered form: WebForm? = nil,
              extra: [String: Any] = [:]) -> Response {
        let lang = context.language
        let patient = list.patient
        let age = patient.age(on: draft.takenOn.isEmpty ? LabDates.string(clock.now()) : draft.takenOn)
        func number(_ d: Double?) -> String { d.map { String(format: "%g", $0) } ?? "" }
        let rows: [[String: Any]] = tests.map { test in
            let entered = draft.results.first { $0.code == test.code }
            let range = test.range(sex: patient.details.sex, ageYears: age, pregnant: draft.pregnant)
            // What was typed is shown again as typed (a refused "abc" included).
            func typed(_ name: String, _ stored: String) -> String { form.map { $0["\(name).\(test.code)"] ?? "" } ?? stored }
            let unitChosen = form?["unit.\(test.code)"] ?? entered?.unit ?? test.unit.ucum
            var row: [String: Any] = [
                "code": test.code, "key": test.key, "name": test.name[lang],
                "value": typed("value", entered.map { String(format: "%g", $0.value) } ?? ""),
                "low": typed("low", number(entered?.rangeLow)), "high": typed("high", number(entered?.rangeHigh)),
                "refLow": number(range?.low), "refHigh": number(range?.high),
                "critLow": number(test.critical.low), "critHigh": number(test.critical.high),
                "reference": LabInterpreter.rangeText(range.map { ($0.low, $0.high) }, test) + " " + test.unit.display,
                "units": test.units.map { u in
                    ["ucum": u.ucum, "display": u.display, "factor": String(format: "%.10g", u.toCanonical),
                     "selected": u.ucum == unitChosen] as [String: Any]
                },
            ]
            if let error = issues[test.code] { row["error"] = error }
            return row
        }
        var values: [String: Any] = [
            "title": version == nil ? LabText.newAnalysis.text(lang) : LabText.editAnalysis.text(lang),
            "patientName": Self.name(patient), "patientId": WebPage.key(patient.id), "action": action,
            "takenOn": draft.takenOn, "lab": draft.lab ?? "", "comment": draft.comment ?? "", "pregnant": draft.pregnant,
            "canBePregnant": patient.details.sex != .male,
            "rows": rows, "codes": tests.map(\.code).joined(separator: ","), "hasErrors": !issues.isEmpty,
            "panelName": panel?.name[lang] ?? "", "l": Self.strings(lang),
            "flagWords": ["low": LabText.flagLow.text(lang), "high": LabText.flagHigh.text(lang),
                          "criticalLow": LabText.flagCriticalLow.text(lang), "criticalHigh": LabText.flagCriticalHigh.text(lang),
                          "normal": LabText.flagNormal.text(lang)],
        ]
        for (field, key) in [("takenOn", "takenOnError"), ("lab", "labError"), ("comment", "commentError"), ("results", "resultsError")] {
            if let e = issues[field] { values[key] = e }
        }
        if let version { values["version"] = String(version) }
        values.merge(extra) { _, b in b }
        return WebPage.render("analysisForm", values, context: context, status: issues.isEmpty ? .ok : .unprocessableContent)
    }

    /// The printable report of one analysis.
    func report(_ list: AnalysisList, _ a: Analysis, context: AppRequestContext, flash: String? = nil, error: String = "",
                status: HTTPResponse.Status = .ok) -> Response {
        let lang = context.language
        let interpretation = list.patient.interpret(a.details, previous: list.previousValues(before: a))
        let rows: [[String: Any]] = zip(a.details.results, interpretation.results).compactMap { entered, r in
            guard let test = LabCatalogue.test(code: r.test) else { return nil }
            let unit = LabCatalogue.unit(entered.unit, of: test) ?? test.unit
            var row: [String: Any] = [
                "name": test.name[lang], "key": test.key, "value": test.format(r.canonical), "unit": test.unit.display,
                "reference": LabInterpreter.rangeText(r.range, test),
                "source": (r.labRange ? LabText.sourceLab : LabText.sourceCatalogue).text(lang),
                "flag": r.flag.isAbnormal ? LabText.flag(r.flag).text(lang) : "", "flagClass": r.flag.rawValue,
            ]
            if unit.ucum != test.unit.ucum { row["entered"] = "\(String(format: "%g", entered.value)) \(unit.display)" }
            if let d = r.delta { row["change"] = (d > 0 ? "+" : "") + test.format(d) }
            return row
        }
        let trends = Self.trends(list, tests: a.details.results.map(\.code), lang: lang)
        return WebPage.render("analysis", [
            "title": "\(LabText.report.text(lang)) · \(WebPage.displayDate(a.details.takenOn))",
            "patientName": Self.name(list.patient), "patientId": WebPage.key(list.patient.id), "id": WebPage.key(a.id),
            "birthDate": WebPage.displayDate(list.patient.details[.birthDate]),
            "sex": list.patient.details.sex.map { $0.text(lang) } ?? "",
            "birthDateLabel": PatientField.birthDate.label[lang], "sexLabel": PatientField.sex.label[lang],
            "takenOn": WebPage.displayDate(a.details.takenOn), "lab": a.details.lab ?? "", "comment": a.details.comment ?? "",
            "rows": rows, "l": Self.strings(lang),
            "derived": interpretation.derived.map { d in
                ["name": LabText.name(d.kind).text(lang), "value": d.formatted, "unit": d.unit, "formula": LabText.formula(d.kind).text(lang),
                 "inputs": d.inputs.map { "\($0.key) \(String(format: "%g", ($0.value * 100).rounded() / 100)) \($0.unit)" }
                    .joined(separator: ", ")] as [String: Any]
            },
            "hasDerived": !interpretation.derived.isEmpty,
            "reading": a.reading.filter { $0.rule != .aiReading }.map { $0.text(lang) },
            "aiText": a.reading.first { $0.rule == .aiReading }?.values["text"] ?? "",
            "aiNote": a.reading.first { $0.rule == .aiReading }.map { LabText.aiGenerated.text(lang, ["model": $0.values["model"] ?? ""]) } ?? "",
            "aiOn": ai.settings.current.ai.isOn, "error": error,
            "disclaimer": ReadingText.disclaimer.text(lang),
            "trends": trends, "hasTrends": !trends.isEmpty,
            "canDelete": context.identity?.user.may(.deletePatients) ?? false,
        ], context: context, status: status, flash: flash)
    }

    /// The analyses section of the patient page: the list, newest first, and the trends.
    static func section(_ list: AnalysisList, lang: Language) -> [String: Any] {
        let items: [[String: Any]] = list.items.map { a in
            let abnormal = list.patient.interpret(a.details).results.filter { $0.flag.isAbnormal }.count
            return ["id": WebPage.key(a.id), "takenOn": WebPage.displayDate(a.details.takenOn), "lab": a.details.lab ?? "",
                    "tests": a.details.results.compactMap { LabCatalogue.test(code: $0.code)?.key }.joined(separator: ", "),
                    "summary": abnormal == 0 ? LabText.allNormalShort.text(lang) : LabText.abnormalCount.text(lang, ["count": String(abnormal)]),
                    "abnormal": abnormal > 0]
        }
        let codes = Array(Set(list.items.flatMap { $0.details.results.map(\.code) }))
        let trends = trends(list, tests: codes, lang: lang)
        return ["patientId": WebPage.key(list.patient.id), "analyses": items, "hasAnalyses": !items.isEmpty, "trends": trends, "hasTrends": !trends.isEmpty,
                "damagedAnalyses": list.damaged.isEmpty ? "" : WebText.damagedNotice.text(lang, ["count": String(list.damaged.count)])]
    }

    /// One chart per test with at least two results, in catalogue order.
    static func trends(_ list: AnalysisList, tests codes: [String], lang: Language) -> [[String: Any]] {
        let wanted = Set(codes)
        let ordered = list.items.sorted { ($0.details.takenOn, $0.createdAt) < ($1.details.takenOn, $1.createdAt) }
        return LabCatalogue.tests.filter { wanted.contains($0.code) }.compactMap { test -> [String: Any]? in
            var points: [TrendChart.Point] = []
            var band: (Double?, Double?)?
            for a in ordered {
                guard let r = a.details.results.first(where: { $0.code == test.code }),
                      let unit = LabCatalogue.unit(r.unit, of: test) else { continue }
                let value = r.value * unit.toCanonical
                let range = test.range(sex: list.patient.details.sex, ageYears: list.patient.age(on: a.details.takenOn),
                                       pregnant: a.details.pregnant)
                band = range.map { ($0.low, $0.high) }
                let flag = test.flag(value, low: range?.low, high: range?.high)
                points.append(TrendChart.Point(day: a.details.takenOn, value: value, flagged: flag.isAbnormal))
            }
            guard points.count >= 2 else { return nil }
            let svg = TrendChart.svg(points, low: band?.0, high: band?.1, label: test.name[lang])
            guard !svg.isEmpty else { return nil }
            return ["name": test.name[lang], "unit": test.unit.display, "svg": svg,
                    "first": "\(WebPage.displayDate(points[0].day)): \(test.format(points[0].value))",
                    "last": "\(WebPage.displayDate(points[points.count - 1].day)): \(test.format(points[points.count - 1].value))"]
        }
    }

    // MARK: Form reading

    /// The draft from the form's rows (a row left empty is not a result), the tests shown, and
    /// what the page refuses before the core sees it (a value that is not a number).
    static func draft(_ form: WebForm, _ lang: Language) -> (AnalysisDraft, [LabTest], [String: String]) {
        let tests = (form["codes"] ?? "").split(separator: ",").prefix(AnalysisValidation.maxResults)
            .compactMap { LabCatalogue.test(code: String($0)) }
        var issues: [String: String] = [:]
        var results: [LabResult] = []
        for test in tests {
            let raw = (form["value.\(test.code)"] ?? "").trimmingCharacters(in: .whitespaces)
            if raw.isEmpty { continue }
            guard let value = AnalysisPayload.decimal(raw) else {
                issues[test.code] = ValidationIssue.Code.invalidFormat.text(lang)
                continue
            }
            let low = (form["low.\(test.code)"]).flatMap(AnalysisPayload.decimal)
            let high = (form["high.\(test.code)"]).flatMap(AnalysisPayload.decimal)
            results.append(LabResult(code: test.code, value: value, unit: form["unit.\(test.code)"] ?? test.unit.ucum,
                                     rangeLow: low, rangeHigh: high))
        }
        let draft = AnalysisDraft(takenOn: form["takenOn"] ?? "", lab: form["lab"], comment: form["comment"],
                                  pregnant: form["pregnant"] == "on", results: results)
        return (draft, tests, issues)
    }

    /// The core's issues by form field: `results[i]...` becomes the code of the i-th result.
    static func byField(_ issues: [ValidationIssue], _ draft: AnalysisDraft, _ lang: Language) -> [String: String] {
        var out: [String: String] = [:]
        for issue in issues {
            if issue.field.hasPrefix("results["), let close = issue.field.firstIndex(of: "]"),
               let i = Int(issue.field[issue.field.index(issue.field.startIndex, offsetBy: 8)..<close]), draft.results.indices.contains(i) {
                out[draft.results[i].code] = issue.message(lang)
            } else {
                out[issue.field] = issue.message(lang)
            }
        }
        return out
    }

    static func name(_ p: Patient) -> String { "\(p.details.lastName) \(p.details.firstName)" }

    static func strings(_ lang: Language) -> [String: String] {
        Dictionary(uniqueKeysWithValues: LabText.allCases.map { ($0.rawValue, $0.text(lang)) })
    }
}
