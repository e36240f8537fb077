import Foundation
import Hummingbird
import MedoraStorage

/// `/settings` for administrators: the clinic's name, default language and idle timeout.
struct SettingsPages: Sendable {
    let settings: any SettingsRepository

    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.get("settings") { _, context in
            try context.require(.manageSettings)
            return page(context, settings.current)
        }
        group.post("settings") { request, context in
            let (form, _) = try await WebForm.checked(request, context: context)
            try context.require(.manageSettings)
            let entered = (name: form["clinicName"] ?? "", language: form["defaultLanguage"] ?? "",
                           minutes: form["idleTimeoutMinutes"] ?? "")
            do {
                var issues: [ValidationIssue] = []
                var new = settings.current
                do {
                    let clinic = try ClinicSettings.validated(clinicName: entered.name, defaultLanguage: entered.language,
                                                              idleMinutes: entered.minutes)
                    (new.clinicName, new.defaultLanguage, new.idleTimeout) = (clinic.clinicName, clinic.defaultLanguage, clinic.idleTimeout)
                } catch let e as MedoraError { issues += e.issues }
                // A form without the AI fields (an older page, a script) leaves the AI settings alone.
                if form["aiEndpoint"] != nil || form["aiMonthlyLimit"] != nil {
                    do {
                        new.ai = try AISettings.validated(endpoint: form["aiEndpoint"] ?? "", model: form["aiModel"] ?? "",
                                                          key: form["aiKey"] ?? "", monthlyLimit: form["aiMonthlyLimit"] ?? "",
                                                          currentKey: settings.current.ai.key)
                    } catch let e as MedoraError { issues += e.issues }
                }
                if form["backupMinutes"] != nil {
                    do {
                        (new.backupMinutes, new.backupFolder) = try ClinicSettings.validatedBackup(minutes: form["backupMinutes"] ?? "",
                                                                                                   folder: form["backupFolder"] ?? "")
                    } catch let e as MedoraError { issues += e.issues }
                }
                if !issues.isEmpty { throw MedoraError.invalid(issues) }
                try await settings.save(new)
                context.logger.info("settings changed")
                var context = context
                context.clinicName = new.clinicName
                return page(context, new, flash: WebText.settingsSaved.text(context.language))
            } catch let e as MedoraError where e.kind == .validationFailed {
                return page(context, settings.current, entered: entered, form: form, issues: e.issues, status: .unprocessableContent)
            }
        }
    }

    func page(_ context: AppRequestContext, _ current: ClinicSettings,
              entered: (name: String, language: String, minutes: String)? = nil, form: WebForm? = nil, issues: [ValidationIssue] = [],
              flash: String? = nil, status: HTTPResponse.Status = .ok) -> Response {
        let lang = context.language
        func error(_ field: String) -> String { issues.first { $0.field == field }?.message(lang) ?? "" }
        let language = entered?.language ?? current.defaultLanguage.rawValue
        return WebPage.render("settings", [
            "title": WebText.settings.text(lang), "hasErrors": !issues.isEmpty,
            "clinicName": entered?.name ?? current.clinicName, "clinicNameError": error("clinicName"),
            "languagesChoice": Language.allCases.map { l in
                ["value": l.rawValue, "text": l.nativeName,
                 "selected": l.rawValue == language] as [String: Any]
            },
            "minutes": entered?.minutes ?? String(Int(current.idleTimeout / 60)), "minutesError": error("idleTimeoutMinutes"),
            "minMinutes": String(ClinicSettings.idleMinutes.lowerBound), "maxMinutes": String(ClinicSettings.idleMinutes.upperBound),
            "aiEndpoint": form?["aiEndpoint"] ?? current.ai.endpoint, "aiEndpointError": error("aiEndpoint"),
            "aiModel": form?["aiModel"] ?? current.ai.model, "aiModelError": error("aiModel"), "aiKeyError": error("aiKey"),
            "aiKeySet": current.ai.key != nil,
            "backupMinutes": form?["backupMinutes"] ?? String(current.backupMinutes), "backupMinutesError": error("backupMinutes"),
            "backupFolder": form?["backupFolder"] ?? current.backupFolder, "backupFolderError": error("backupFolder"),
            "aiMonthlyLimit": form?["aiMonthlyLimit"] ?? String(current.ai.monthlyLimit), "aiMonthlyLimitError": error("aiMonthlyLimit"),
        ], context: context, status: status, flash: flash)
    }
}
