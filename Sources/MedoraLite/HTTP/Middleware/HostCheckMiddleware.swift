import Hummingbird
import MedoraStorage

/// Answers 421 to a request whose `Host` is not one of the server's names (DNS rebinding: a page
/// elsewhere cannot drive the laptop's server through a name it points at 127.0.0.1), and 400 to
/// one with no `Host` at all.
struct HostCheckMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    let allowed: AllowedHosts

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard let authority = request.head.authority, !authority.isEmpty else { throw APIError(.badRequest) }
        guard allowed.allows(authority) else { throw APIError(.misdirected) }
        return try await next(request, context)
    }
}
