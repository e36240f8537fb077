import Foundation
import Hummingbird
import MedoraStorage

/// `/settings` for administrators: the clinic's name, default language and idle timeout, backups,
/// the AI reading and the request limits (in force as soon as they are saved).
struct SettingsPages: Sendable {
    let settings: any SettingsRepository
    let limits: RateLimits

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
                let limitFields = RequestLimits.Budget.allCases.reduce(into: [RequestLimits.Budget: String]()) { $0[$1] = form[$1.rawValue] }
                do {
                    new.requestLimits = try RequestLimits.validated(limitFields, current: new.requestLimits)
                } catch let e as MedoraError { issues += e.issues }
                if !issues.isEmpty { throw MedoraError.invalid(issues) }
                try await settings.save(new)
                limits.apply(new.requestLimits)
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
            "budgets": budgets(current.requestLimits, form: form, lang: lang, error: error),
        ], context: context, status: status, flash: flash)
    }

    /// One field per request budget; a budget fixed on the command line is shown with its value
    /// in force and cannot be edited here.
    func budgets(_ stored: RequestLimits, form: WebForm?, lang: Language, error: (String) -> String) -> [[String: Any]] {
        let inForce = limits.inForce
        return RequestLimits.Budget.allCases.map { budget in
            let pinned = limits.settings.pinned.contains(budget)
            let label: WebText = switch budget {
            case .perAddressPerMinute: .limitPerAddress
            case .apiAnonymousPerHour: .limitApiAnonymous
            case .apiUserPerHour: .limitApiUser
            case .pagesUserPerMinute: .limitPagesUser
            }
            let item: [String: String] = [
                "name": budget.rawValue, "label": label.text(lang), "value": form?[budget.rawValue] ?? String(stored[budget]),
                "error": error(budget.rawValue), "min": String(budget.range.lowerBound), "max": String(budget.range.upperBound),
                "hint": WebText.limitRange.text(lang, ["min": String(budget.range.lowerBound), "max": String(budget.range.upperBound),
                                                       "standard": String(budget.standard)]),
                "pinned": pinned ? WebText.limitPinned.text(lang, ["value": String(inForce[budget]), "option": Self.option(budget)]) : "",
            ]
            // An empty string would still open its `{{#section}}`.
            return item.filter { !$0.value.isEmpty }
        }
    }

    static func option(_ budget: RequestLimits.Budget) -> String {
        switch budget {
        case .perAddressPerMinute: "--limit-per-address"
        case .apiAnonymousPerHour: "--limit-api-anonymous"
        case .apiUserPerHour: "--limit-api-user"
        case .pagesUserPerMinute: "--limit-pages-user"
        }
    }
}
