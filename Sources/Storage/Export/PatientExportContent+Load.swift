import Foundation

extension AnalysisRepository {
    /// What an export of a patient holds, read through the caller's scope: nil when the patient is
    /// not in it (so the command line and the page say "no such patient" alike). The access log
    /// and audit head come from the audit trail, which the caller passes in once it exists.
    public func exportContent(patientID: UUID, scope: PatientScope, language: Language, clinicName: String, now: Date,
                              accessLog: [ExportAccessEntry] = [], auditHead: String? = nil) async throws -> PatientExportContent? {
        guard let list = try await list(patientID: patientID, scope: scope) else { return nil }
        return PatientExportContent(patient: list.patient, analyses: list.items, language: language, generatedAt: now,
                                    clinicName: clinicName, accessLog: accessLog, auditHead: auditHead)
    }
}
