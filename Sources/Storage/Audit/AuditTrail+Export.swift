import Foundation

extension AuditEntry {
    /// Who acted, for people: the user's name, "command line" or "the server itself".
    public func actorName(_ names: [UUID: String], _ lang: Language) -> String {
        switch (origin, actor) {
        case (.cli, nil): AuditText.commandLine.text(lang)
        case (.server, nil): AuditText.server.text(lang)
        case (_, let id?): names[id] ?? AuditText.unknownUser.text(lang)
        default: "—"
        }
    }
}

extension AuditTrail {
    /// Records a patient's export, then gives what the export shows of the trail: the access log
    /// about the patient (newest 500, the export itself included) and the chain's head, which
    /// `audit verify --head` later checks a database against.
    public func exportTrail(patient: UUID, users: some UserRepository, language: Language) async throws
        -> (log: [ExportAccessEntry], head: AuditHead) {
        try await recordNow(.patientExport, entity: patient, patient: patient)
        let lines = try await page(AuditFilter(patientID: patient), limit: 500, olderThan: nil).lines
        let head = try await head()
        let names = try await users.list().displayNames
        let log = lines.map { l in
            ExportAccessEntry(at: l.entry.at, user: l.entry.actorName(names, language), action: l.entry.action.text(language))
        }
        return (log, head)
    }
}
