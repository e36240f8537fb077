import Foundation

/// One line of a patient's access log, as the export shows it under "Who accessed this record".
/// The audit trail (built separately) supplies these; until it lands the callers pass none.
public struct ExportAccessEntry: Sendable, Equatable {
    public var at: Date
    public var user: String
    public var action: String

    public init(at: Date, user: String, action: String) {
        self.at = at
        self.user = user
        self.action = action
    }
}

/// Everything a patient export holds, decrypted: the patient, their analyses, and what the audit
/// trail says of the record (its access log and the chain's head at export time, nil until the
/// trail exists). The record is written in `language`.
public struct PatientExportContent: Sendable {
    public var patient: Patient
    /// The patient's analyses (any order; the export sorts them by day taken).
    public var analyses: [Analysis]
    public var language: Language
    public var generatedAt: Date
    /// The clinic's name for the record's heading (empty: the product's name).
    public var clinicName: String
    public var accessLog: [ExportAccessEntry]
    public var auditHead: String?

    public init(patient: Patient, analyses: [Analysis], language: Language, generatedAt: Date, clinicName: String = "",
                accessLog: [ExportAccessEntry] = [], auditHead: String? = nil) {
        self.patient = patient
        self.analyses = analyses
        self.language = language
        self.generatedAt = generatedAt
        self.clinicName = clinicName
        self.accessLog = accessLog
        self.auditHead = auditHead
    }

    /// Oldest first, ties by the time entered: the order of the record and of the FHIR Bundle.
    public var analysesInOrder: [Analysis] {
        analyses.sorted { ($0.details.takenOn, $0.createdAt, $0.id.uuidString) < ($1.details.takenOn, $1.createdAt, $1.id.uuidString) }
    }
}
