import Hummingbird
import MedoraStorage

/// Every request's database work stops after `limit` (30 s): SQLite is interrupted, a write rolls
/// back, and the answer is `503 too_slow` with `Retry-After`.
struct DeadlineMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    var limit: Duration = .seconds(30)

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        try await WorkDeadline.$current.withValue(ContinuousClock.now + limit) {
            try await next(request, context)
        }
    }
}
