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
            try context.require(.manageBackups)
            let made = try await store.practiceExport(scope: .everyone)
            context.logger.info("practice exported", metadata: ["patients": .stringConvertible(made.summary.patients)])
            return ready(made, session: identity.session.id, note: nil, context: context)
        }
        group.post("users/:id/delete") { request, context in
            let (form, identity) = try await WebForm.checked(request, context: context)
            try context.requireAdministrator()
            let id = try context.uuidParameter(else: .userNotFound)
            guard let target = try await store.users.find(id: id) else { throw APIError(.userNotFound) }
            // Refused before anything is exported or erased: one's own account, the last administrator.
            guard id != identity.user.id else { throw APIError(.forbidden) }
            if target.role == .admin, try await !store.users.list().contains(where: { $0.id != id && $0.role == .admin && $0.status == .active }) {
                throw APIError(.lastAdministrator)
            }
            guard form["confirm"] == "yes" else {
                let text = ErasureText.confirmNeeded.text(context.language)
                return WebPage.render("message", ["title": ErasureText.deleteAccount.text(context.language), "text": text],
                                      context: context, status: .unprocessableContent)
            }
            // Disabled first (their sessions end), so no patient of theirs appears meanwhile; the file is
            // handed over before anything is erased, and only what it holds (and the trash) is erased.
            if target.status == .active { try await store.users.setStatus(userID: id, status: .disabled) }
            let trashed = try await store.patients.trash(scope: .owner(id)).map(\.patient.id)
            let made = try await store.practiceExport(scope: .owner(id))
            let response = { (note: String) in ready(made, session: identity.session.id, note: note, context: context) }
            for patient in made.patientIDs + trashed {
                _ = try await store.patients.erase(id: patient, scope: .owner(id))
            }
            do {
                try await store.users.delete(userID: id)
            } catch let e as MedoraError where e.kind == .userHasPatients {
                // An assistant added a patient meanwhile: exported and erased what there was, the account stays.
                return response(ErasureText.accountKept.text(context.language, ["count": String(made.summary.patients)]))
            }
            context.logger.info("account deleted after exporting and erasing its patients",
                                metadata: ["user_id": .string(id.uuidString), "patients": .stringConvertible(made.summary.patients)])
            return response(ErasureText.accountDeleted.text(context.language, ["count": String(made.summary.patients)]))
        }
    }

    func ready(_ made: PracticeExport.Made, session: UUID, note: String?,
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
