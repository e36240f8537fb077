import Foundation
import HTTPTypes
import Hummingbird
import Logging
import Synchronization

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
            let hundredths = elapsed.components.seconds * 100_000 + elapsed.components.attoseconds / 10_000_000_000_000
            var meta: Logger.Metadata = [
                "method": .string(request.method.rawValue),
                "route": .string(Self.route(context)),
                "status": .stringConvertible(status),
                "duration_ms": .string(Self.milliseconds(hundredths)),
            ]
            if let id = context.logger[metadataKey: "request_id"] { meta["request_id"] = id }
            if let user = context.notes.userID { meta["user_id"] = .string(user.uuidString.lowercased()) }
            if hundredths > 100_000 { meta["slow"] = "true" }
            logger.info("request", metadata: meta)
        }
        let response = try await next(request, context)
        status = Int(response.status.code)
        return response
    }

    /// Hundredths of a millisecond as `12.34`.
    static func milliseconds(_ hundredths: Int64) -> String {
        let fraction = hundredths % 100
        return "\(hundredths / 100)." + (fraction < 10 ? "0" : "") + String(fraction)
    }

    /// Templates already worked out, by the router's path (one entry per route).
    private static let templates = Mutex<[String: String]>([:])

    /// The matched route's template with `:name` shown as `{name}`; `unmatched` for anything else.
    static func route(_ context: Context) -> String {
        guard let path = context.endpointPath, path != "NotFound" else { return "unmatched" }
        if let known = templates.withLock({ $0[path] }) { return known }
        let template = Self.template(path)
        templates.withLock { if $0.count < 1_000 { $0[path] = template } }
        return template
    }

    static func template(_ path: String) -> String {
        let template = path.split(separator: "/", omittingEmptySubsequences: false).map { part in
            part.hasPrefix(":") ? "{\(part.dropFirst())}" : String(part)
        }.joined(separator: "/")
        return template.hasPrefix("/") ? template : "/" + template
    }
}
