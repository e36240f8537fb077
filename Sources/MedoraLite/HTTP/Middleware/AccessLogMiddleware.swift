import Foundation
import HTTPTypes
import Hummingbird
import Logging

/// One JSON line per request: request id, method, the route's template (`/api/v1/patients/{id}`,
/// never the raw path or query string, which can hold names), status, duration, the user's id
/// once signed in; requests slower than a second are flagged.
struct AccessLogMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    let logger: Logger

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = ContinuousClock.now
        var status = 500
        defer {
            let elapsed = ContinuousClock.now - start
            let ms = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
            var meta: Logger.Metadata = [
                "method": .string(request.method.rawValue),
                "route": .string(Self.route(context)),
                "status": .stringConvertible(status),
                "duration_ms": .string(String(format: "%.2f", ms)),
            ]
            if let id = context.logger[metadataKey: "request_id"] { meta["request_id"] = id }
            if let user = context.notes.userID { meta["user_id"] = .string(user.uuidString.lowercased()) }
            if ms > 1000 { meta["slow"] = "true" }
            logger.info("request", metadata: meta)
        }
        let response = try await next(request, context)
        status = Int(response.status.code)
        return response
    }

    /// The matched route's template with `:name` shown as `{name}`; `unmatched` for anything else.
    static func route(_ context: Context) -> String {
        guard let path = context.endpointPath, path != "NotFound" else { return "unmatched" }
        let template = path.split(separator: "/", omittingEmptySubsequences: false).map { part in
            part.hasPrefix(":") ? "{\(part.dropFirst())}" : String(part)
        }.joined(separator: "/")
        return template.hasPrefix("/") ? template : "/" + template
    }
}
