import Foundation
import Hummingbird
import MedoraStorage

/// "Export for the patient": the patient page's button makes the encrypted file, the answer shows
/// the one-time code once with a link to the file, which the same session may download once
/// within ten minutes. Only users who may export (doctors, administrators) and see the patient.
struct ExportPages: Sendable {
    let analyses: any AnalysisRepository
    let settings: any SettingsRepository
    let clock: any WallClock
    let downloads: ExportDownloads
    /// The trail the export is recorded in and whose access log and head it carries (nil: none).
    var audit: AuditTrail?
    var users: any UserRepository
    /// Where the 600,000 PBKDF2 rounds run (bounded, off the server's threads); nil: inline.
    var limiter: BlockingWorkLimiter?

    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.post("patients/:id/export", use: export)
        group.get("exports/:token", use: download)
    }

    /// What the patient page needs for the button.
    static func patientPageValues(_ identity: Identity, lang: Language) -> [String: Any] {
        ["canExport": identity.user.may(.exportPatients), "x": strings(lang),
         "exportLanguages": Language.allCases.map { ["code": $0.rawValue, "name": $0.nativeName, "current": $0 == lang] as [String: Any] }]
    }

    static func strings(_ lang: Language) -> [String: String] {
        Dictionary(uniqueKeysWithValues: ExportText.allCases.map { ($0.rawValue, $0.text(lang)) })
    }

    @Sendable func export(_ request: Request, context: AppRequestContext) async throws -> Response {
        let (form, identity) = try await WebForm.checked(request, context: context)
        try context.require(.exportPatients)
        let id = try context.uuidParameter(else: .patientNotFound)
        let lang = context.language
        let recordLanguage = form["language"].flatMap(Language.init(rawValue:)) ?? lang
        guard var content = try await analyses.exportContent(patientID: id, scope: identity.user.patientScope, language: recordLanguage,
                                                             clinicName: settings.current.clinicName, now: clock.now()) else {
            throw APIError(.patientNotFound)
        }
        if let audit {
            let trail = try await audit.exportTrail(patient: id, users: users, language: recordLanguage)
            content.accessLog = trail.log
            content.auditHead = trail.head.description
        }
        let sealed = content
        let (file, code) = try await limiter?.run { try PatientExportFile.make(sealed) } ?? PatientExportFile.make(sealed)
        let token = downloads.put(file, fileName: "medical-record-\(LabDates.string(clock.now())).html", session: identity.session.id)
        context.logger.info("patient exported", metadata: ["patient_id": .string(id.uuidString)])
        return WebPage.render("exportReady", [
            "title": ExportText.exportReadyTitle.text(lang), "x": Self.strings(lang), "id": WebPage.key(id),
            "code": code, "token": token, "patientName": "\(content.patient.details.lastName) \(content.patient.details.firstName)",
        ], context: context)
    }

    @Sendable func download(_ request: Request, context: AppRequestContext) async throws -> Response {
        let identity = try context.require(.exportPatients)
        guard let token = context.parameters.get("token"), let entry = downloads.take(token, session: identity.session.id) else {
            let gone = ExportText.exportGone.text(context.language)
            return WebPage.render("message", ["title": gone, "text": gone], context: context, status: .notFound)
        }
        context.logger.info("patient export downloaded")
        return Response(status: .ok, headers: [.contentType: "application/octet-stream", .cacheControl: "no-store",
                                               .contentDisposition: "attachment; filename=\"\(entry.fileName)\""],
                        body: .init(byteBuffer: ByteBuffer(bytes: entry.file)))
    }
}
