import Foundation
import Hummingbird

/// Turns every error into the one JSON error shape, and refuses oversized bodies before reading them.
struct ErrorMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            if let length = request.headers[.contentLength].flatMap(Int.init), length > HTTPLimits.maxBodyBytes {
                throw APIError(.payloadTooLarge)
            }
            return try await next(request, context)
        } catch {
            return try APIError.from(error, logger: context.logger).response(from: request, context: context)
        }
    }
}
