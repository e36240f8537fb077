import Foundation
import Hummingbird
import MedoraStorage

/// `/audit` for administrators: the audit trail with filters (user, action, patient, dates),
/// newest first, 100 a page; and the access panel of a patient's page. Names come from the users
/// list (decrypted here, never stored in the trail); an entry whose own MAC fails is marked.
struct AuditPages<Users: UserRepository>: Sendable {
    let audit: AuditTrail
    let users: Users
    static var pageSize: Int { 100 }

    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.get("audit") { request, context in
            try context.require(.viewAudit)
            return try await page(request, context: context)
        }
    }

    func page(_ request: Request, context: AppRequestContext) async throws -> Response {
        let lang = context.language
        let q = request.uri.queryParameters
        func param(_ name: String) -> String? {
            guard let raw = q[Substring(name)] else { return nil }
            let text: String = String(raw).trimmingCharacters(in: .whitespaces)
            return text.isEmpty ? nil : String(text.prefix(64))
        }
        let filter = AuditFilter(userID: param("user").flatMap(UUID.init(uuidString:)),
                                 action: param("action").flatMap(AuditAction.init(rawValue:)),
                                 patientID: param("patient").flatMap(UUID.init(uuidString:)),
                                 from: param("from").flatMap { Self.day($0) },
                                 to: param("to").flatMap { Self.day($0) }.map { $0.addingTimeInterval(86400) })
        let older = param("older").flatMap(Int64.init)
        audit.noteRead(.auditView)
        let result = try await audit.page(filter, limit: Self.pageSize, olderThan: older)
        let people = try await names()
        let head = try await audit.head()
        var query = URLComponents()
        query.queryItems = ["user", "action", "patient", "from", "to"].compactMap { n in param(n).map { URLQueryItem(name: n, value: $0) } }
        let base = "/audit?" + (query.percentEncodedQuery.map { $0 + "&" } ?? "")
        let users = people.sorted { $0.value < $1.value }.map { id, name in
            ["id": WebPage.key(id), "name": name, "selected": filter.userID == id] as [String: Any]
        }
        return WebPage.render("audit", [
            "title": AuditText.title.text(lang), "a": Self.strings(lang),
            "head": AuditText.chainHead.text(lang, ["head": head.description]),
            "users": users,
            "actions": AuditAction.allCases.map { ["code": $0.rawValue, "label": $0.text(lang), "selected": filter.action == $0] as [String: Any] },
            "patient": filter.patientID.map(WebPage.key) ?? "", "from": param("from") ?? "", "to": param("to") ?? "",
            "lines": result.lines.map { Self.row($0, people: people, lang: lang) },
            "hasLines": !result.lines.isEmpty,
            "older": result.olderThan.map { base + "older=\($0)" } ?? "",
        ], context: context)
    }

    private func names() async throws -> [UUID: String] { try await Self.names(users) }

    static func names(_ users: some UserRepository) async throws -> [UUID: String] {
        try await users.list().displayNames
    }

    /// The access panel of a patient's page: the newest 20 entries about the patient.
    static func panel(_ audit: AuditTrail, users: some UserRepository, patient: UUID, lang: Language) async throws -> [String: Any] {
        let lines = try await audit.entries(patient: patient, limit: 100)
        let people = try await names(users)
        // The same person doing the same thing from the same place within a minute is one line.
        var rows: [[String: Any]] = []
        var last: (key: String, count: Int)?
        for line in lines {
            var r = row(line, people: people, lang: lang)
            let key = [r["when"], r["who"], r["action"], r["address"], r["altered"]].map { "\($0 ?? "")" }.joined(separator: "|")
            if let l = last, l.key == key, !rows.isEmpty {
                last = (key, l.count + 1)
                rows[rows.count - 1]["times"] = "×\(l.count + 1)"
                continue
            }
            guard rows.count < 20 else { break }
            last = (key, 1)
            r["times"] = ""
            rows.append(r)
        }
        return ["access": true, "accessTitle": AuditText.accessPanel.text(lang), "accessNone": AuditText.accessNone.text(lang),
                "accessLines": rows, "hasAccess": !rows.isEmpty, "a": strings(lang)]
    }

    static func row(_ line: AuditLine, people: [UUID: String], lang: Language) -> [String: Any] {
        let e = line.entry
        let entity = Self.entity(e.entity).text(lang)
        return ["seq": String(e.seq), "when": WebPage.display(e.at), "who": e.actorName(people, lang), "action": e.action.text(lang),
                "entity": e.entityID.map { "\(entity) \(WebPage.key($0).prefix(8))" } ?? entity,
                "patient": e.patientID.map(WebPage.key) ?? "", "address": e.address ?? "", "origin": Self.origin(e.origin).text(lang),
                "altered": !line.authentic, "alteredLabel": AuditText.entryAltered.text(lang)]
    }

    static func origin(_ o: AuditActor.Origin) -> AuditText {
        switch o {
        case .web: .originWeb
        case .api: .originApi
        case .cli: .originCli
        case .server: .originServer
        }
    }

    static func entity(_ name: String) -> AuditText {
        switch name {
        case "analysis": .entityAnalysis
        case "user": .entityUser
        case "session": .entitySession
        case "settings": .entitySettings
        case "backup": .entityBackup
        case "practice": .entityPractice
        case "audit": .entityAudit
        case "repair": .entityRepair
        default: .entityPatient
        }
    }

    static func strings(_ lang: Language) -> [String: String] {
        Dictionary(uniqueKeysWithValues: AuditText.allCases.map { ("\($0)", $0.text(lang)) })
    }

    /// `YYYY-MM-DD` as the start of that day (server time zone).
    static func day(_ text: String) -> Date? {
        let parts = text.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3, (1900...9999).contains(parts[0]), (1...12).contains(parts[1]), (1...31).contains(parts[2]) else { return nil }
        return Calendar(identifier: .gregorian).date(from: DateComponents(year: parts[0], month: parts[1], day: parts[2]))
    }
}
