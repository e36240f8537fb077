import Foundation

/// A patient's analyses. Every call names the patient and the caller's scope: a patient outside
/// the scope has no analyses (nil / empty), exactly as the patient itself is "not found".
public protocol AnalysisRepository: Sendable {
    /// The patient's analyses, newest first, with the ids of damaged ones; nil if the patient is
    /// not in the scope.
    func list(patientID: UUID, scope: PatientScope) async throws -> AnalysisList?
    func find(id: UUID, patientID: UUID, scope: PatientScope) async throws -> Analysis?
    /// Validates, reads (rules) and stores a new analysis; nil if the patient is not in the scope.
    func create(patientID: UUID, scope: PatientScope, draft: AnalysisDraft) async throws -> Analysis?
    func update(id: UUID, patientID: UUID, scope: PatientScope, draft: AnalysisDraft, expectedVersion: Int?) async throws -> Analysis?
    func delete(id: UUID, patientID: UUID, scope: PatientScope) async throws -> Bool
    /// Keeps an AI-written reading beside the rules' one (replacing an earlier AI reading); the
    /// analysis's version moves on. Nil if the analysis is not in the scope.
    func attachAIReading(id: UUID, patientID: UUID, scope: PatientScope, text: String, model: String) async throws -> Analysis?
    /// Validates and stores many analyses of the patient in one transaction: all or none (a CSV
    /// import). Nil if the patient is not in the scope.
    func createMany(patientID: UUID, scope: PatientScope, drafts: [AnalysisDraft]) async throws -> [Analysis]?
    /// How many analyses the patients in the scope have.
    func count(scope: PatientScope) async throws -> Int
}

extension AnalysisRepository {
    /// Stores many analyses of one patient (demo data), whoever owns the patient.
    @discardableResult
    public func importMany(patientID: UUID, drafts: [AnalysisDraft]) async throws -> Int {
        guard let created = try await createMany(patientID: patientID, scope: .everyone, drafts: drafts) else {
            throw MedoraError(.patientNotFound)
        }
        return created.count
    }
}

public struct AnalysisList: Sendable, Equatable {
    public var patient: Patient
    public var items: [Analysis]
    public var damaged: [UUID]
}

extension Patient {
    /// The patient's age in years on a `YYYY-MM-DD` day, when the birth date is known.
    public func age(on day: String) -> Double? { LabDates.age(birth: details[.birthDate], on: day) }

    /// Everything the rules say of an analysis of this patient: flags against the ranges for
    /// their sex and age that day, deltas against `previous` results, derived values, reading.
    public func interpret(_ a: AnalysisDraft, previous: [String: Double] = [:]) -> AnalysisInterpretation {
        LabInterpreter.interpret(a.results, sex: details.sex, ageYears: age(on: a.takenOn), pregnant: a.pregnant, previous: previous)
    }
}

extension AnalysisList {
    /// For each analysis, the canonical value of each test in the analysis taken before it (for
    /// the delta check).
    public func previousValues(before analysis: Analysis) -> [String: Double] {
        var previous: [String: Double] = [:]
        let earlier = items.filter { ($0.details.takenOn, $0.createdAt) < (analysis.details.takenOn, analysis.createdAt) }
            .sorted { ($0.details.takenOn, $0.createdAt) < ($1.details.takenOn, $1.createdAt) }
        for a in earlier {
            for r in a.details.results {
                guard let test = LabCatalogue.test(code: r.code), let unit = LabCatalogue.unit(r.unit, of: test) else { continue }
                previous[r.code] = r.value * unit.toCanonical
            }
        }
        return previous
    }
}
