import Foundation
import HTTPTypes
import Hummingbird
import Logging

/// One JSON line per request: method, route pattern or path without the query string (queries can
/// hold patient names), status, duration; requests slower than a second are flagged.
struct AccessLogMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    let logger: Logger

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        // Liveness probes would drown the log; everything else is logged.
        if request.uri.path == "/health" { return try await next(request, context) }
        let start = ContinuousClock.now
        var status = 500
        defer {
            let elapsed = ContinuousClock.now - start
            let ms = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
            var meta: Logger.Metadata = [
                "method": .string(request.method.rawValue),
                "path": .string(request.uri.path),
                "status": .stringConvertible(status),
                "duration_ms": .string(String(format: "%.2f", ms)),
            ]
            if let id = context.logger[metadataKey: "request_id"] { meta["request_id"] = id }
            if ms > 1000 { meta["slow"] = "true" }
            logger.info("request", metadata: meta)
        }
        let response = try await next(request, context)
        status = Int(response.status.code)
        return response
    }
}
