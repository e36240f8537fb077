import Foundation
import Hummingbird
import MedoraStorage

/// `/api/v1/patients/{id}/analyses`: list, create, read, replace (with a version), delete. Scoped
/// like the patient: a patient outside the caller's scope answers 404 on every route; assistants
/// may not delete (403).
struct AnalysisController: Sendable {
    let analyses: any AnalysisRepository
    let ai: AIReadingService

    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.get(use: list)
        group.post(use: create)
        group.post("import", use: importCSV)
        group.post("parse", use: parse)
        group.post(":analysis/ai-reading", use: aiReading)
        group.get(":analysis", use: show)
        group.put(":analysis", use: replace)
        group.delete(":analysis", use: delete)
    }

    func scope(_ context: AppRequestContext) throws -> (UUID, PatientScope) {
        let me = try context.require(.workOnPatients).user
        return (try context.uuidParameter("id"), me.patientScope)
    }

    @Sendable func list(_ request: Request, context: AppRequestContext) async throws -> AnalysisListResponse {
        let (patientID, scope) = try scope(context)
        guard let list = try await analyses.list(patientID: patientID, scope: scope) else { throw APIError(.patientNotFound) }
        return AnalysisListResponse(items: list.items.map { a in
            AnalysisResponse(a, interpretation: list.patient.interpret(a.details, previous: list.previousValues(before: a)),
                             language: context.language)
        }, damaged: list.damaged.map { $0.uuidString.lowercased() })
    }

    @Sendable func create(_ request: Request, context: AppRequestContext) async throws -> EditedResponse<AnalysisResponse> {
        let (patientID, scope) = try scope(context)
        let payload = try AnalysisPayload.parse(try await JSONBody.read(request, context: context))
        guard let a = try await analyses.create(patientID: patientID, scope: scope, draft: payload.draft) else {
            throw APIError(.patientNotFound)
        }
        context.logger.info("analysis created", metadata: ["analysis_id": .string(a.id.uuidString)])
        return try await respond(a, patientID: patientID, scope: scope, context: context, status: .created)
    }

    @Sendable func show(_ request: Request, context: AppRequestContext) async throws -> EditedResponse<AnalysisResponse> {
        let (patientID, scope) = try scope(context)
        let id = try context.uuidParameter("analysis", else: .notFound)
        guard let a = try await analyses.find(id: id, patientID: patientID, scope: scope) else { throw APIError(.notFound) }
        return try await respond(a, patientID: patientID, scope: scope, context: context)
    }

    @Sendable func replace(_ request: Request, context: AppRequestContext) async throws -> EditedResponse<AnalysisResponse> {
        let (patientID, scope) = try scope(context)
        let id = try context.uuidParameter("analysis", else: .notFound)
        let payload = try AnalysisPayload.parse(try await JSONBody.read(request, context: context))
        let expected = try PatientController<SQLitePatientRepository>.ifMatch(request) ?? payload.version
        guard let a = try await analyses.update(id: id, patientID: patientID, scope: scope, draft: payload.draft,
                                                expectedVersion: expected) else { throw APIError(.notFound) }
        context.logger.info("analysis updated", metadata: ["analysis_id": .string(id.uuidString)])
        return try await respond(a, patientID: patientID, scope: scope, context: context)
    }

    @Sendable func delete(_ request: Request, context: AppRequestContext) async throws -> Response {
        let (patientID, scope) = try scope(context)
        try context.require(.deletePatients)
        let id = try context.uuidParameter("analysis", else: .notFound)
        guard try await analyses.delete(id: id, patientID: patientID, scope: scope) else { throw APIError(.notFound) }
        context.logger.info("analysis deleted", metadata: ["analysis_id": .string(id.uuidString)])
        return Response(status: .noContent)
    }

    /// `{"csv": "...", "dryRun": true}`: every row checked; with `dryRun` nothing is saved, else all
    /// analyses are saved in one transaction. Any bad row: 422 naming each row and column, nothing saved.
    @Sendable func importCSV(_ request: Request, context: AppRequestContext) async throws -> EditedResponse<AnalysisListResponse> {
        let (patientID, scope) = try scope(context)
        guard case .object(let body) = try await JSONBody.read(request, context: context), let csv = body["csv"]?.string else {
            throw APIError(.validationFailed, issues: [.init("csv", .required)])
        }
        let dryRun: Bool = if case .bool(true) = body["dryRun"] { true } else { false }
        guard let list = try await analyses.list(patientID: patientID, scope: scope) else { throw APIError(.patientNotFound) }
        let parsed = LabCSV.read(csv, birthDate: list.patient.details[.birthDate], today: Date())
        if !parsed.errors.isEmpty {
            throw APIError(.validationFailed, issues: parsed.errors.prefix(200).map { ValidationIssue("row \($0.row): \($0.column)", $0.code) })
        }
        let items: [Analysis]
        if dryRun {
            items = parsed.drafts.map { Analysis(id: UUID(), patientID: patientID, details: $0, reading: list.patient.interpret($0).findings,
                                                 version: 0, createdAt: Date(), updatedAt: Date()) }
        } else {
            guard let created = try await analyses.createMany(patientID: patientID, scope: scope, drafts: parsed.drafts) else {
                throw APIError(.patientNotFound)
            }
            items = created
            context.logger.info("analyses imported", metadata: ["count": .stringConvertible(created.count)])
        }
        let response = AnalysisListResponse(items: items.map { AnalysisResponse($0, interpretation: list.patient.interpret($0.details),
                                                                                 language: context.language) }, damaged: [])
        return EditedResponse(status: dryRun ? .ok : .created, response: response)
    }

    struct ParsedTable: ResponseEncodable, Sendable {
        struct Line: Codable, Sendable {
            var number: Int
            var text: String
            var problem: String?
            var code: String?
            var key: String?
            var value: Double?
            var unit: String?
            var rangeLow: Double?
            var rangeHigh: Double?
        }
        var lines: [Line]
    }

    /// `{"text": "..."}`: a pasted table read line by line (nothing is saved).
    @Sendable func parse(_ request: Request, context: AppRequestContext) async throws -> ParsedTable {
        _ = try scope(context)
        guard case .object(let body) = try await JSONBody.read(request, context: context), let text = body["text"]?.string else {
            throw APIError(.validationFailed, issues: [.init("text", .required)])
        }
        return ParsedTable(lines: LabTableParser.parse(text).map { l in
            ParsedTable.Line(number: l.number, text: String(l.text.prefix(200)), problem: l.problem?.rawValue, code: l.result?.code,
                             key: l.result.flatMap { LabCatalogue.test(code: $0.code)?.key }, value: l.result?.value, unit: l.result?.unit,
                             rangeLow: l.result?.rangeLow, rangeHigh: l.result?.rangeHigh)
        })
    }

    /// Asks the configured AI endpoint for a reading and stores it beside the rules' one.
    @Sendable func aiReading(_ request: Request, context: AppRequestContext) async throws -> EditedResponse<AnalysisResponse> {
        let (patientID, scope) = try scope(context)
        let id = try context.uuidParameter("analysis", else: .notFound)
        guard let list = try await analyses.list(patientID: patientID, scope: scope) else { throw APIError(.patientNotFound) }
        if list.damaged.contains(id) { throw APIError(.recordDamaged) }
        guard let a = list.items.first(where: { $0.id == id }) else { throw APIError(.notFound) }
        let stored = try await ai.read(a, of: list, scope: scope, language: context.language)
        context.logger.info("ai reading stored", metadata: ["analysis_id": .string(id.uuidString)])
        return try await respond(stored, patientID: patientID, scope: scope, context: context)
    }

    /// The analysis read against the patient's other analyses (for the delta check).
    func respond(_ a: Analysis, patientID: UUID, scope: PatientScope, context: AppRequestContext,
                 status: HTTPResponse.Status = .ok) async throws -> EditedResponse<AnalysisResponse> {
        guard let list = try await analyses.list(patientID: patientID, scope: scope) else { throw APIError(.patientNotFound) }
        let body = AnalysisResponse(a, interpretation: list.patient.interpret(a.details, previous: list.previousValues(before: a)),
                                    language: context.language)
        var headers: HTTPFields = [.eTag: "\"\(a.version)\""]
        if status == .created {
            headers[.location] = "/api/v1/patients/\(patientID.uuidString.lowercased())/analyses/\(a.id.uuidString.lowercased())"
        }
        return EditedResponse(status: status, headers: headers, response: body)
    }
}
