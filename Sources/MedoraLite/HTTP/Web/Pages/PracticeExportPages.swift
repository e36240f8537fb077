import Foundation
import Hummingbird
import MedoraStorage

/// Administrators: the whole practice exported as FHIR Bulk Data in one encrypted file (from the
/// Backups page), and a doctor's account deleted after their patients are exported and erased for
/// good (from the user's page, after ticking the confirmation). The code is shown once; the file
/// downloads once, by this session, within ten minutes (`ExportDownloads`).
struct PracticeExportPages: Sendable {
    let store: MedoraStore
    let downloads: ExportDownloads

    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.post("exports/practice") { request, context in
            let (_, identity) = try await WebForm.checked(request, context: context)
            try context.require(.viewAudit)
            let made = try await store.practiceExport(scope: .everyone)
            context.logger.info("practice exported", metadata: ["patients": .stringConvertible(made.summary.patients)])
            return ready(made, session: identity.session.id, note: nil, context: context)
        }
        group.post("users/:id/delete") { request, context in
            let (form, identity) = try await WebForm.checked(request, context: context)
            try context.requireAdministrator()
            let id = try context.uuidParameter(else: .userNotFound)
            guard try await store.users.find(id: id) != nil else { throw APIError(.userNotFound) }
            guard form["confirm"] == "yes" else {
                let text = ErasureText.confirmNeeded.text(context.language)
                return WebPage.render("message", ["title": ErasureText.deleteAccount.text(context.language), "text": text],
                                      context: context, status: .unprocessableContent)
            }
            let made = try await store.practiceExport(scope: .owner(id))
            for patient in try await store.patientRepository.ownedIDs(id) {
                _ = try await store.patients.erase(id: patient, scope: .owner(id))
            }
            try await store.users.delete(userID: id)
            context.logger.info("account deleted after exporting and erasing its patients",
                                metadata: ["user_id": .string(id.uuidString), "patients": .stringConvertible(made.summary.patients)])
            let note = ErasureText.accountDeleted.text(context.language, ["count": String(made.summary.patients)])
            return ready(made, session: identity.session.id, note: note, context: context)
        }
    }

    func ready(_ made: (archive: Data, code: String, summary: PracticeExport.Summary), session: UUID, note: String?,
               context: AppRequestContext) -> Response {
        let lang = context.language
        let token = downloads.put(made.archive, fileName: "medora-fhir-\(LabDates.string(store.clock.now())).mlfhir", session: session)
        let s = made.summary
        return WebPage.render("practiceReady", [
            "title": ErasureText.practiceReady.text(lang), "x": ExportPages.strings(lang), "code": made.code, "token": token,
            "note": note ?? "",
            "summary": ErasureText.practiceSummary.text(lang, ["patients": String(s.patients), "observations": String(s.observations),
                                                               "reports": String(s.reports)]),
        ], context: context)
    }
}
