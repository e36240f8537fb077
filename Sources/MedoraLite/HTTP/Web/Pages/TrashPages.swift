import Foundation
import Hummingbird
import MedoraStorage

/// The trash (`/trash`): patients deleted in the last 30 days, restorable; and erasure for good
/// (from the trash or the patient's page, after the browser's confirmation). Doctors and
/// administrators, within their scope.
struct TrashPages<Patients: PatientRepository>: Sendable {
    let patients: Patients

    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.get("trash") { _, context in
            let me = try context.require(.deletePatients).user
            let lang = context.language
            let items = try await patients.trash(scope: me.patientScope)
            return WebPage.render("trash", [
                "title": ErasureText.trash.text(lang), "intro": ErasureText.trashIntro.text(lang), "empty": ErasureText.trashEmpty.text(lang),
                "hasItems": !items.isEmpty,
                "items": items.map { t in
                    ["id": WebPage.key(t.patient.id), "lastName": t.patient.details.lastName, "firstName": t.patient.details.firstName,
                     "deleted": WebPage.display(t.deletedAt),
                     "erasedOn": WebPage.display(t.deletedAt.addingTimeInterval(Double(SQLitePatientRepository.trashDays) * 86400))]
                },
                "lastNameLabel": PatientField.lastName.label[lang], "firstNameLabel": PatientField.firstName.label[lang],
                "deletedLabel": ErasureText.deletedOn.text(lang), "erasedLabel": ErasureText.erasedAfter.text(lang),
                "restoreLabel": ErasureText.restore.text(lang), "eraseLabel": ErasureText.eraseForGood.text(lang),
                "confirmErase": ErasureText.confirmErase.text(lang),
            ], context: context)
        }
        group.post("trash/:id/restore") { request, context in
            let (_, identity) = try await WebForm.checked(request, context: context)
            try context.require(.deletePatients)
            let id = try context.uuidParameter(else: .patientNotFound)
            guard try await patients.restoreFromTrash(id: id, scope: identity.user.patientScope) != nil else { throw APIError(.patientNotFound) }
            context.logger.info("patient restored from the trash", metadata: ["patient_id": .string(id.uuidString)])
            return WebPage.redirect("/patients/\(WebPage.key(id))?restored")
        }
        group.post("patients/:id/erase") { request, context in
            let (_, identity) = try await WebForm.checked(request, context: context)
            try context.require(.deletePatients)
            let id = try context.uuidParameter(else: .patientNotFound)
            guard try await patients.erase(id: id, scope: identity.user.patientScope) else { throw APIError(.patientNotFound) }
            context.logger.info("patient erased", metadata: ["patient_id": .string(id.uuidString)])
            let done = ErasureText.erased.text(context.language)
            return WebPage.render("message", ["title": done, "text": done], context: context)
        }
    }
}
