import Foundation
import Hummingbird
import MedoraStorage

/// The dashboard and the patient pages. Every page is scoped to the signed-in user's own patients
/// (another doctor's patient is "not found"), every form checks its CSRF token, GET changes nothing.
struct PatientPages<Patients: PatientRepository>: Sendable {
    let patients: Patients
    static var pageSize: Int { 25 }

    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.get("/", use: dashboard)
        group.get("patients", use: list)
        group.get("patients/new") { request, context in
            let identity = try context.requireIdentity()
            return form(PatientDraft(), issues: [], request: request, identity: identity, action: "/patients", version: nil)
        }
        group.post("patients", use: create)
        group.get("patients/:id", use: show)
        group.get("patients/:id/edit") { request, context in
            let identity = try context.requireIdentity()
            let p = try await patient(context, identity)
            return form(p.details, issues: [], request: request, identity: identity, action: "/patients/\(Self.key(p.id))", version: p.version)
        }
        group.post("patients/:id", use: update)
        group.post("patients/:id/delete", use: delete)
    }

    @Sendable func dashboard(_ request: Request, context: AppRequestContext) async throws -> Response {
        let identity = try context.requireIdentity()
        let lang = Language.of(request)
        let page = try await patients.search(ownerID: identity.user.id, query: nil, limit: 1, offset: 0)
        return WebPage.render("dashboard", [
            "title": WebText.dashboard.text(lang),
            "patientCount": WebText.patientCount.text(lang, ["count": String(page.total)]),
            "damagedNotice": page.damaged.isEmpty ? "" : WebText.damagedNotice.text(lang, ["count": String(page.damaged.count)]),
        ], request: request, identity: identity)
    }

    @Sendable func list(_ request: Request, context: AppRequestContext) async throws -> Response {
        let identity = try context.requireIdentity()
        let lang = Language.of(request)
        let query = String((request.uri.queryParameters["q"].map(String.init) ?? "").prefix(200))
        let offset = max(0, min(Int(request.uri.queryParameters["offset"].map(String.init) ?? "") ?? 0, Int(Int32.max)))
        let page = try await patients.search(ownerID: identity.user.id, query: query, limit: Self.pageSize, offset: offset)
        let encoded = query.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
        func link(_ at: Int) -> String { "/patients?q=\(encoded)&offset=\(at)" }
        return WebPage.render("patients", [
            "title": WebText.patients.text(lang), "query": query,
            "items": page.items.map { p in
                ["id": Self.key(p.id), "lastName": p.details.lastName, "firstName": p.details.firstName,
                 "middleName": p.details[.middleName] ?? "", "phone": p.details[.phone] ?? "",
                 "birthDate": Self.displayDate(p.details[.birthDate])] as [String: Any]
            },
            "hasItems": !page.items.isEmpty,
            "empty": page.items.isEmpty ? (query.isEmpty ? WebText.noPatients.text(lang) : WebText.noMatches.text(lang)) : "",
            "damagedNotice": page.damaged.isEmpty ? "" : WebText.damagedNotice.text(lang, ["count": String(page.damaged.count)]),
            "lastNameLabel": PatientField.lastName.label[lang], "firstNameLabel": PatientField.firstName.label[lang],
            "phoneLabel": PatientField.phone.label[lang], "birthDateLabel": PatientField.birthDate.label[lang],
            "previous": offset > 0 ? link(max(0, offset - Self.pageSize)) : "",
            "next": offset + Self.pageSize < page.total ? link(offset + Self.pageSize) : "",
        ], request: request, identity: identity)
    }

    @Sendable func show(_ request: Request, context: AppRequestContext) async throws -> Response {
        let identity = try context.requireIdentity()
        let lang = Language.of(request)
        let p = try await patient(context, identity)
        let flash = request.uri.queryParameters["saved"] != nil ? WebText.patientSaved.text(lang) : nil
        return WebPage.render("patient", [
            "title": "\(p.details.lastName) \(p.details.firstName)", "name": "\(p.details.lastName) \(p.details.firstName)",
            "id": Self.key(p.id), "analysesTitle": WebText.analyses.text(lang),
            "fields": PatientField.allCases.compactMap { field -> [String: Any]? in
                guard let value = p.details[field] else { return nil }
                let shown = field == .sex ? (Sex(rawValue: value)?.text(lang) ?? value)
                    : field == .birthDate ? Self.displayDate(value) : value
                return ["label": field.label[lang], "value": shown]
            },
        ], request: request, identity: identity, flash: flash)
    }

    @Sendable func create(_ request: Request, context: AppRequestContext) async throws -> Response {
        let (form, identity) = try await WebForm.checked(request, context: context)
        let draft = Self.draft(form)
        do {
            let p = try await patients.create(draft, ownerID: identity.user.id)
            return WebPage.redirect("/patients/\(Self.key(p.id))?saved=1")
        } catch let e as MedoraError where e.kind == .validationFailed {
            return self.form(draft, issues: e.issues, request: request, identity: identity, action: "/patients", version: nil)
        }
    }

    @Sendable func update(_ request: Request, context: AppRequestContext) async throws -> Response {
        let (form, identity) = try await WebForm.checked(request, context: context)
        let id = try context.uuidParameter(else: .patientNotFound)
        let draft = Self.draft(form)
        let version = form["version"].flatMap(Int.init)
        do {
            guard try await patients.update(id: id, ownerID: identity.user.id, details: draft, expectedVersion: version) != nil else {
                throw APIError(.patientNotFound)
            }
            return WebPage.redirect("/patients/\(Self.key(id))?saved=1")
        } catch let e as MedoraError where e.kind == .validationFailed {
            return self.form(draft, issues: e.issues, request: request, identity: identity, action: "/patients/\(Self.key(id))",
                             version: version)
        }
    }

    @Sendable func delete(_ request: Request, context: AppRequestContext) async throws -> Response {
        let (_, identity) = try await WebForm.checked(request, context: context)
        guard try await patients.delete(id: try context.uuidParameter(else: .patientNotFound), ownerID: identity.user.id) else { throw APIError(.patientNotFound) }
        return WebPage.render("message", ["title": WebText.patientDeleted.text(Language.of(request)),
                                          "text": WebText.patientDeleted.text(Language.of(request))],
                              request: request, identity: identity)
    }

    // MARK: Helpers

    func patient(_ context: AppRequestContext, _ identity: Identity) async throws -> Patient {
        guard let p = try await patients.find(id: try context.uuidParameter(else: .patientNotFound), ownerID: identity.user.id) else {
            throw APIError(.patientNotFound)
        }
        return p
    }

    /// The patient form with the entered values kept and a message beside each rejected field.
    func form(_ draft: PatientDraft, issues: [ValidationIssue], request: Request, identity: Identity, action: String,
              version: Int?) -> Response {
        let lang = Language.of(request)
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
        return WebPage.render("patientForm", values, request: request, identity: identity,
                              status: issues.isEmpty ? .ok : .unprocessableContent)
    }

    static func draft(_ form: WebForm) -> PatientDraft {
        var d = PatientDraft()
        for field in PatientField.allCases {
            if let v = form[field.jsonName], !v.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { d[field] = v }
        }
        return d
    }


    static func key(_ id: UUID) -> String { id.uuidString.lowercased() }

    /// `YYYY-MM-DD` as `dd.mm.yyyy`.
    static func displayDate(_ iso: String?) -> String {
        guard let iso else { return "" }
        let parts = iso.split(separator: "-")
        return parts.count == 3 ? "\(parts[2]).\(parts[1]).\(parts[0])" : iso
    }
}
