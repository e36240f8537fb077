import Foundation
import Hummingbird
import MedoraStorage

/// Results that arrive as text: a table pasted from a lab's PDF or a spreadsheet (read into the
/// entry form to check and save), and a CSV file (checked row by row; saved all at once, or not
/// at all with each problem named by row and column).
struct AnalysisImportPages: Sendable {
    let analyses: any AnalysisRepository
    let entry: AnalysisPages
    let clock: any WallClock

    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.post("patients/:id/analyses/paste") { request, context in
            let (form, _) = try await WebForm.checked(request, context: context)
            let list = try await entry.patientList(context)
            let lines = LabTableParser.parse(form["table"] ?? "")
            let results = lines.compactMap(\.result)
            let draft = AnalysisDraft(takenOn: LabDates.string(clock.now()), results: results)
            let lang = context.language
            let unread = lines.filter { $0.result == nil }.map { line in
                ["number": String(line.number), "text": String(line.text.prefix(200)),
                 "problem": line.problem.map { LabText.problem($0).text(lang) } ?? ""]
            }
            return entry.form(list, draft: draft, tests: results.compactMap { LabCatalogue.test(code: $0.code) }, context: context,
                              action: "/patients/\(WebPage.key(list.patient.id))/analyses", version: nil,
                              extra: ["pasted": true, "unread": unread, "hasUnread": !unread.isEmpty])
        }
        group.post("patients/:id/analyses/import") { request, context in
            let (form, _) = try await WebForm.checked(request, context: context)
            let list = try await entry.patientList(context)
            let csv = form["csv"] ?? ""
            let lang = context.language
            let parsed = LabCSV.read(csv, birthDate: list.patient.details[.birthDate], today: clock.now())
            var values: [String: Any] = ["title": LabText.importTitle.text(lang), "patientName": AnalysisPages.name(list.patient),
                                         "patientId": WebPage.key(list.patient.id), "csv": csv, "l": AnalysisPages.strings(lang)]
            if !parsed.errors.isEmpty {
                values["hasErrors"] = true
                values["errors"] = parsed.errors.prefix(200).map { e in
                    ["row": String(e.row), "column": e.column, "problem": e.code.text(lang)]
                }
                return WebPage.render("analysisImport", values, context: context, status: .unprocessableContent)
            }
            if form["confirm"] == "1" {
                guard let created = try await analyses.createMany(patientID: list.patient.id, scope: try entry.scope(context),
                                                                  drafts: parsed.drafts) else { throw APIError(.patientNotFound) }
                context.logger.info("analyses imported", metadata: ["count": .stringConvertible(created.count)])
                return WebPage.redirect("/patients/\(WebPage.key(list.patient.id))?imported=\(created.count)")
            }
            values["preview"] = LabText.importPreview.text(lang, ["count": String(parsed.drafts.count)])
            values["groups"] = parsed.drafts.map { d in
                ["takenOn": WebPage.displayDate(d.takenOn), "lab": d.lab ?? "",
                 "tests": d.results.compactMap { r in
                     LabCatalogue.test(code: r.code).map { "\($0.key) \(String(format: "%g", r.value)) \(LabCatalogue.unit(r.unit, of: $0)?.display ?? r.unit)" }
                 }.joined(separator: " · ")] as [String: Any]
            }
            return WebPage.render("analysisImport", values, context: context)
        }
    }
}
