import Foundation
import MedoraStorage

/// The AI reading of one analysis, for the API and the pages: off unless configured; counted
/// against the patient's doctor's monthly limit; only de-identified data leaves the process; the
/// answer is stored sealed with the analysis, marked as AI-written.
struct AIReadingService: Sendable {
    let analyses: any AnalysisRepository
    let settings: any SettingsRepository
    let client: AIReadingClient
    let clock: any WallClock

    func read(_ analysis: Analysis, of list: AnalysisList, scope: PatientScope, language: Language) async throws -> Analysis {
        let ai = settings.current.ai
        guard ai.isOn else { throw MedoraError(.aiNotConfigured) }
        let month = String(LabDates.string(clock.now()).prefix(7))
        guard try await settings.consumeAIUse(owner: list.patient.ownerID, month: month, limit: ai.monthlyLimit) else {
            throw MedoraError(.aiLimitReached)
        }
        let interpretation = list.patient.interpret(analysis.details, previous: list.previousValues(before: analysis))
        let data = DeidentifiedAnalysis(patient: list.patient, analysis: analysis.details, interpretation: interpretation)
        let text: String
        do {
            text = try await client.read(data, settings: ai, language: language)
        } catch {
            throw MedoraError(.aiUnavailable)
        }
        guard let stored = try await analyses.attachAIReading(id: analysis.id, patientID: list.patient.id, scope: scope, text: text,
                                                              model: ai.model) else { throw MedoraError(.notFound) }
        return stored
    }
}
