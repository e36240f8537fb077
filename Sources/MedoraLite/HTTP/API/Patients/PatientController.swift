import Foundation
import Hummingbird
import MedoraStorage

/// `/api/v1/patients`: list and search, create, read, replace, patch, delete. Every call is scoped
/// to the patients the signed-in user sees (`User.patientScope`): another doctor's patient id
/// answers 404, as if absent. Assistants may not delete (403).
struct PatientController<Repository: PatientRepository>: Sendable {
    let repository: Repository

    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.get(use: list)
        group.post(use: create)
        group.get(":id", use: show)
        group.put(":id", use: replace)
        group.patch(":id", use: patch)
        group.delete(":id", use: delete)
        group.post(":id/erase", use: erase)
        group.post(":id/restore", use: restoreFromTrash)
    }

    @Sendable func erase(_ request: Request, context: AppRequestContext) async throws -> Response {
        let me = try context.require(.deletePatients).user
        let id = try context.uuidParameter()
        guard try await repository.erase(id: id, scope: me.patientScope) else { throw APIError(.patientNotFound) }
        context.logger.info("patient erased", metadata: ["patient_id": .string(id.uuidString)])
        return Response(status: .noContent)
    }

    @Sendable func restoreFromTrash(_ request: Request, context: AppRequestContext) async throws -> EditedResponse<PatientResponse> {
        let me = try context.require(.deletePatients).user
        let id = try context.uuidParameter()
        guard let p = try await repository.restoreFromTrash(id: id, scope: me.patientScope) else { throw APIError(.patientNotFound) }
        context.logger.info("patient restored from the trash", metadata: ["patient_id": .string(id.uuidString)])
        return EditedResponse(headers: Self.headers(p), response: PatientResponse(p))
    }

    @Sendable func list(_ request: Request, context: AppRequestContext) async throws -> PatientListResponse {
        let me = try context.requireIdentity().user
        let q = request.uri.queryParameters
        var issues: [ValidationIssue] = []
        let limit = Self.intParameter(q["limit"].map(String.init), field: "limit", default: HTTPLimits.defaultPageSize,
                                      range: 1...HTTPLimits.maxPageSize, issues: &issues)
        let offset = Self.intParameter(q["offset"].map(String.init), field: "offset", default: 0,
                                       range: 0...Int(Int32.max), issues: &issues)
        let query = q["q"].map(String.init)
        if let query, query.count > 200 { issues.append(.init("q", .tooLong)) }
        if !issues.isEmpty { throw APIError(.validationFailed, issues: issues) }
        let page = try await repository.search(scope: me.patientScope, query: query, limit: limit, offset: offset)
        return PatientListResponse(items: page.items.map(PatientResponse.init), total: page.total,
                                   limit: page.limit, offset: page.offset,
                                   damaged: page.damaged.map { $0.uuidString.lowercased() })
    }

    @Sendable func create(_ request: Request, context: AppRequestContext) async throws -> EditedResponse<PatientResponse> {
        let owner = try context.requireIdentity().ownerOfNewPatients()
        let payload = try await Self.payload(request, context: context)
        let patient = try await repository.create(payload.draft, ownerID: owner)
        context.logger.info("patient created", metadata: ["patient_id": .string(patient.id.uuidString)])
        return EditedResponse(status: .created, headers: Self.headers(patient, location: true), response: PatientResponse(patient))
    }

    @Sendable func show(_ request: Request, context: AppRequestContext) async throws -> EditedResponse<PatientResponse> {
        let me = try context.requireIdentity().user
        guard let patient = try await repository.find(id: try context.uuidParameter(), scope: me.patientScope) else {
            throw APIError(.patientNotFound)
        }
        return EditedResponse(headers: Self.headers(patient), response: PatientResponse(patient))
    }

    @Sendable func replace(_ request: Request, context: AppRequestContext) async throws -> EditedResponse<PatientResponse> {
        try await update(request, context: context, partial: false)
    }

    @Sendable func patch(_ request: Request, context: AppRequestContext) async throws -> EditedResponse<PatientResponse> {
        try await update(request, context: context, partial: true)
    }

    @Sendable func delete(_ request: Request, context: AppRequestContext) async throws -> Response {
        let me = try context.require(.deletePatients).user
        let id = try context.uuidParameter()
        guard try await repository.delete(id: id, scope: me.patientScope) else { throw APIError(.patientNotFound) }
        context.logger.info("patient deleted", metadata: ["patient_id": .string(id.uuidString)])
        return Response(status: .noContent)
    }

    private func update(_ request: Request, context: AppRequestContext, partial: Bool) async throws -> EditedResponse<PatientResponse> {
        let me = try context.requireIdentity().user
        let id = try context.uuidParameter()
        let payload = try await Self.payload(request, context: context)
        guard let current = try await repository.find(id: id, scope: me.patientScope) else { throw APIError(.patientNotFound) }
        // The version to check: If-Match wins, then "version" in the body. With neither, PATCH checks
        // against what it just read, so a concurrent write in between is still detected.
        let expected = try Self.ifMatch(request) ?? payload.version ?? current.version
        let details = partial ? payload.apply(to: current.details) : payload.draft
        guard let updated = try await repository.update(id: id, scope: me.patientScope, details: details,
                                                        expectedVersion: expected) else {
            throw APIError(.patientNotFound)
        }
        context.logger.info("patient updated", metadata: ["patient_id": .string(id.uuidString)])
        return EditedResponse(headers: Self.headers(updated), response: PatientResponse(updated))
    }

    static func payload(_ request: Request, context: AppRequestContext) async throws -> PatientPayload {
        try PatientPayload.parse(try await JSONBody.read(request, context: context))
    }


    /// The version in `If-Match: "N"` (or `W/"N"`); nil when absent, 400 when it is not one.
    static func ifMatch(_ request: Request) throws -> Int? {
        guard let raw = request.headers[.ifMatch], raw.trimmingCharacters(in: .whitespaces) != "*" else { return nil }
        var tag = Substring(raw.trimmingCharacters(in: .whitespaces))
        if tag.hasPrefix("W/") { tag = tag.dropFirst(2) }
        guard tag.count >= 3, tag.first == "\"", tag.last == "\"", let n = Int(tag.dropFirst().dropLast()), n > 0 else {
            throw APIError(.badRequest, issues: [ValidationIssue("If-Match", .invalidFormat)])
        }
        return n
    }

    static func headers(_ p: Patient, location: Bool = false) -> HTTPFields {
        var h: HTTPFields = [.eTag: "\"\(p.version)\""]
        if location { h[.location] = "/api/v1/patients/\(p.id.uuidString.lowercased())" }
        return h
    }

    static func intParameter(_ raw: String?, field: String, default def: Int, range: ClosedRange<Int>,
                             issues: inout [ValidationIssue]) -> Int {
        guard let raw else { return def }
        guard let n = Int(raw), range.contains(n) else { issues.append(.init(field, .outOfRange)); return def }
        return n
    }
}
