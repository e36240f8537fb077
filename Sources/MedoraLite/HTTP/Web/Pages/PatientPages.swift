import Foundation
import Hummingbird
import MedoraStorage

/// The dashboard and the patient pages. Every page is scoped to the patients the signed-in user
/// sees (`User.patientScope`: another doctor's patient is "not found"), an assistant cannot
/// delete, every form checks its CSRF token, GET changes nothing.
struct PatientPages<Patients: PatientRepository>: Sendable {
    let patients: Patients
    let analyses: any AnalysisRepository
    let clock: any WallClock
    /// The trail and the names for the "who accessed this record" panel (nil: no panel).
    var audit: AuditTrail?
    var users: (any UserRepository)?
    static var pageSize: Int { 25 }

    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.get("/", use: dashboard)
        group.get("patients", use: list)
        group.get("patients/new") { _, context in
            _ = try context.requireIdentity().ownerOfNewPatients()
            return form(PatientDraft(), issues: [], context: context, action: "/patients", version: nil)
        }
        group.post("patients", use: create)
        group.get("patients/:id", use: show)
        group.get("patients/:id/edit") { _, context in
            let p = try await patient(context)
            return form(p.details, issues: [], context: context, action: "/patients/\(WebPage.key(p.id))", version: p.version)
        }
        group.post("patients/:id", use: update)
        group.post("patients/:id/delete", use: delete)
    }

    @Sendable func dashboard(_ request: Request, context: AppRequestContext) async throws -> Response {
        let identity = try context.requireIdentity()
        let lang = context.language
        let scope = identity.user.patientScope
        let stats = try await patients.statistics(scope: scope, since: Self.startOfMonth(clock.now()), recent: 8)
        let damaged = try await patients.search(scope: scope, query: nil, limit: 0, offset: 0).damaged
        return WebPage.render("dashboard", [
            "title": WebText.dashboard.text(lang),
            "stats": [["label": WebText.statPatients.text(lang), "value": String(stats.patients)],
                      ["label": LabText.analyses.text(lang), "value": String(stats.analyses)],
                      ["label": WebText.statCreated.text(lang), "value": String(stats.createdSince)],
                      ["label": WebText.statChanged.text(lang), "value": String(stats.changedSince)]],
            "recent": stats.recent.map(Self.row),
            "hasRecent": !stats.recent.isEmpty,
            "noRecent": stats.recent.isEmpty ? WebText.noRecent.text(lang) : "",
            "scopeNote": scope == .everyone ? WebText.everyPatient.text(lang)
                : scope == .nobody ? WebText.noAssistantDoctor.text(lang) : "",
            "canCreate": identity.user.ownerOfNewPatients != nil,
            "damagedNotice": damaged.isEmpty ? "" : WebText.damagedNotice.text(lang, ["count": String(damaged.count)]),
        ] .merging(Self.columnLabels(lang)) { a, _ in a }, context: context)
    }

    /// The first instant of this month (server time zone): "this month's activity".
    static func startOfMonth(_ now: Date) -> Date {
        let calendar = Calendar(identifier: .gregorian)
        return calendar.date(from: calendar.dateComponents([.year, .month], from: now)) ?? now
    }

    static func row(_ p: Patient) -> [String: Any] {
        ["id": WebPage.key(p.id), "lastName": p.details.lastName, "firstName": p.details.firstName,
         "middleName": p.details[.middleName] ?? "", "phone": p.details[.phone] ?? "",
         "birthDate": WebPage.displayDate(p.details[.birthDate])]
    }

    static func columnLabels(_ lang: Language) -> [String: Any] {
        ["lastNameLabel": PatientField.lastName.label[lang], "firstNameLabel": PatientField.firstName.label[lang],
         "phoneLabel": PatientField.phone.label[lang], "birthDateLabel": PatientField.birthDate.label[lang]]
    }

    @Sendable func list(_ request: Request, context: AppRequestContext) async throws -> Response {
        let identity = try context.requireIdentity()
        let lang = context.language
        let query = String((request.uri.queryParameters["q"].map(String.init) ?? "").prefix(200))
        let offset = max(0, min(Int(request.uri.queryParameters["offset"].map(String.init) ?? "") ?? 0, Int(Int32.max)))
        let page = try await patients.search(scope: identity.user.patientScope, query: query, limit: Self.pageSize, offset: offset)
        let encoded = query.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
        func link(_ at: Int) -> String { "/patients?q=\(encoded)&offset=\(at)" }
        return WebPage.render("patients", [
            "title": WebText.patients.text(lang), "query": query,
            "items": page.items.map(Self.row),
            "hasItems": !page.items.isEmpty,
            "canCreate": identity.user.ownerOfNewPatients != nil,
            "trashLabel": identity.user.may(.deletePatients) ? ErasureText.trash.text(lang) : "",
            "empty": page.items.isEmpty ? (identity.user.patientScope == .nobody ? WebText.noAssistantDoctor.text(lang)
                : query.isEmpty ? WebText.noPatients.text(lang) : WebText.noMatches.text(lang)) : "",
            "damagedNotice": page.damaged.isEmpty ? "" : WebText.damagedNotice.text(lang, ["count": String(page.damaged.count)]),
            "previous": offset > 0 ? link(max(0, offset - Self.pageSize)) : "",
            "next": offset + Self.pageSize < page.total ? link(offset + Self.pageSize) : "",
        ].merging(Self.columnLabels(lang)) { a, _ in a }, context: context)
    }

    @Sendable func show(_ request: Request, context: AppRequestContext) async throws -> Response {
        let identity = try context.requireIdentity()
        let lang = context.language
        let id = try context.uuidParameter(else: .patientNotFound)
        guard let list = try await analyses.list(patientID: id, scope: identity.user.patientScope) else {
            throw APIError(.patientNotFound)
        }
        let p = list.patient
        var access: [String: Any] = [:]
        if let audit, let users { access = try await AuditPages<SQLiteUserRepository>.panel(audit, users: users, patient: id, lang: lang) }
        let flash = request.uri.queryParameters["saved"] != nil ? WebText.patientSaved.text(lang)
            : request.uri.queryParameters["restored"] != nil ? ErasureText.restored.text(lang)
            : request.uri.queryParameters["analysisDeleted"] != nil ? LabText.analysisDeleted.text(lang)
            : request.uri.queryParameters["imported"].flatMap { Int(String($0)) }.map { LabText.importSaved.text(lang, ["count": String($0)]) }
        return WebPage.render("patient", AnalysisPages.section(list, lang: lang).merging([
            "title": "\(p.details.lastName) \(p.details.firstName)", "name": "\(p.details.lastName) \(p.details.firstName)",
            "id": WebPage.key(p.id), "analysesTitle": WebText.analyses.text(lang), "l": AnalysisPages.strings(lang),
            "canDelete": identity.user.may(.deletePatients),
            "eraseLabel": ErasureText.eraseForGood.text(lang), "confirmErase": ErasureText.confirmErase.text(lang),
            "fields": PatientField.allCases.compactMap { field -> [String: Any]? in
                guard let value = p.details[field] else { return nil }
                let shown = field == .sex ? (Sex(rawValue: value)?.text(lang) ?? value)
                    : field == .birthDate ? WebPage.displayDate(value) : value
                return ["label": field.label[lang], "value": shown]
            },
        ].merging(ExportPages.patientPageValues(identity, lang: lang)) { a, _ in a }) { _, b in b }.merging(access) { a, _ in a },
                               context: context, flash: flash)
    }

    @Sendable func create(_ request: Request, context: AppRequestContext) async throws -> Response {
        let (form, identity) = try await WebForm.checked(request, context: context)
        let owner = try identity.ownerOfNewPatients()
        let draft = Self.draft(form)
        do {
            let p = try await patients.create(draft, ownerID: owner)
            context.logger.info("patient created", metadata: ["patient_id": .string(p.id.uuidString)])
            return WebPage.redirect("/patients/\(WebPage.key(p.id))?saved=1")
        } catch let e as MedoraError where e.kind == .validationFailed {
            return self.form(draft, issues: e.issues, context: context, action: "/patients", version: nil)
        }
    }

    @Sendable func update(_ request: Request, context: AppRequestContext) async throws -> Response {
        let (form, identity) = try await WebForm.checked(request, context: context)
        let id = try context.uuidParameter(else: .patientNotFound)
        let draft = Self.draft(form)
        let version = form["version"].flatMap(Int.init)
        do {
            guard try await patients.update(id: id, scope: identity.user.patientScope, details: draft,
                                            expectedVersion: version) != nil else {
                throw APIError(.patientNotFound)
            }
            context.logger.info("patient updated", metadata: ["patient_id": .string(id.uuidString)])
            return WebPage.redirect("/patients/\(WebPage.key(id))?saved=1")
        } catch let e as MedoraError where e.kind == .validationFailed {
            return self.form(draft, issues: e.issues, context: context, action: "/patients/\(WebPage.key(id))", version: version)
        }
    }

    @Sendable func delete(_ request: Request, context: AppRequestContext) async throws -> Response {
        let (_, identity) = try await WebForm.checked(request, context: context)
        try context.require(.deletePatients)
        let id = try context.uuidParameter(else: .patientNotFound)
        guard try await patients.delete(id: id, scope: identity.user.patientScope) else { throw APIError(.patientNotFound) }
        context.logger.info("patient deleted", metadata: ["patient_id": .string(id.uuidString)])
        let done = WebText.patientDeleted.text(context.language)
        return WebPage.render("message", ["title": done, "text": ErasureText.movedToTrash.text(context.language)], context: context)
    }

    // MARK: Helpers

    func patient(_ context: AppRequestContext) async throws -> Patient {
        let scope = try context.requireIdentity().user.patientScope
        guard let p = try await patients.find(id: try context.uuidParameter(else: .patientNotFound), scope: scope) else {
            throw APIError(.patientNotFound)
        }
        return p
    }

    /// The patient form with the entered values kept and a message beside each rejected field.
    func form(_ draft: PatientDraft, issues: [ValidationIssue], context: AppRequestContext, action: String,
              version: Int?) -> Response {
        let lang = context.language
        let fields: [[String: Any]] = PatientField.allCases.map { field in
            var f: [String: Any] = ["name": field.jsonName, "label": field.label[lang], "value": draft[field] ?? "",
                                    "required": field.isRequired]
            if let issue = issues.first(where: { $0.field == field.jsonName }) { f["error"] = issue.message(lang) }
            switch field.rule {
            case .choice(let values):
                f["isChoice"] = true
                f["options"] = [["value": "", "text": WebText.choose.text(lang), "selected": draft[field] == nil] as [String: Any]]
                    + values.map { v in ["value": v, "text": Sex(rawValue: v)?.text(lang) ?? v, "selected": draft[field] == v] }
            case .text(_, true): f["isLong"] = true
            case .birthDate: f["isPlain"] = true; f["isDate"] = true
            default: f["isPlain"] = true
            }
            return f
        }
        let title = version == nil ? WebText.newPatient.text(lang) : WebText.editPatient.text(lang)
        var values: [String: Any] = ["title": title, "fields": fields, "action": action, "hasErrors": !issues.isEmpty,
                                     "cancel": version == nil ? "/patients" : action]
        if let version { values["version"] = String(version) }
        return WebPage.render("patientForm", values, context: context, status: issues.isEmpty ? .ok : .unprocessableContent)
    }

    static func draft(_ form: WebForm) -> PatientDraft {
        var d = PatientDraft()
        for field in PatientField.allCases {
            if let v = form[field.jsonName], !v.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { d[field] = v }
        }
        return d
    }
}
