import Foundation
import Hummingbird
import MedoraStorage

/// `/api/v1/patients/{id}/analyses`: list, create, read, replace (with a version), delete. Scoped
/// like the patient: a patient outside the caller's scope answers 404 on every route; assistants
/// may not delete (403).
struct AnalysisController: Sendable {
    let analyses: any AnalysisRepository

    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.get(use: list)
        group.post(use: create)
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
