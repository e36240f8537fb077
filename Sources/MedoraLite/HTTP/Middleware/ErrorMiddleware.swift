import Foundation
import Hummingbird
import MedoraStorage

/// Turns every error into the one JSON error shape (or, for a page, an HTML page with the same
/// message and status), and refuses oversized bodies before reading them.
struct ErrorMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        context.bodyLimit = HTTPLimits.bodyLimit(for: request.uri.path)
        do {
            if let length = request.headers[.contentLength].flatMap(Int.init), length > context.bodyLimit {
                throw APIError(.payloadTooLarge)
            }
            return try await next(request, context)
        } catch {
            return try Self.answer(error, request: request, context: context)
        }
    }

    /// The error as JSON for the API, or as a page (in the context's language, with the signed-in
    /// user's header when there is one).
    static func answer(_ error: any Error, request: Request, context: Context) throws -> Response {
        let apiError = APIError.from(error, logger: context.logger)
        if request.uri.path.hasPrefix("/api/") || request.uri.path == "/health" {
            return try apiError.response(language: context.language)
        }
        let message = apiError.error.message(context.language)
        var page = WebPage.render("message", ["title": message, "text": message], context: context, status: apiError.status)
        for field in apiError.headers where field.name != .contentType { page.headers.append(field) }
        return page
    }
}
