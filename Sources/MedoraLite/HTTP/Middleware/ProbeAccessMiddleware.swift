import Hummingbird
import MedoraStorage

/// For the monitoring routes: a bearer token, when sent, is resolved as on the API (and must be
/// good); without one the request goes on unauthenticated, for the route to admit only a client
/// on this machine.
struct ProbeAccessMiddleware<Sessions: SessionRepository>: RouterMiddleware {
    typealias Context = AppRequestContext
    let bearer: BearerAuthMiddleware<Sessions>

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        if request.headers[.authorization] != nil { return try await bearer.handle(request, context: context, next: next) }
        return try await next(request, context)
    }
}
