import Foundation
import Hummingbird
import MedoraStorage

/// Anonymous requests count against their client address (per minute, and per hour on the API);
/// a request with a session cookie or a bearer token is counted per user once the session
/// resolves (`BearerAuthMiddleware`, `WebSessionMiddleware` note the user in `RequestNotes`). If
/// no session resolved — forged or expired credentials, or a public page that never looked at
/// them — it counts against the address after all, and is refused once the address is over its
/// budget. Over a budget: 429 with `Retry-After`, in the error shape of the API or as a page.
struct RateLimitMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    let limits: RateLimits
    let cookie: SessionCookie

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        if RateLimits.isExempt(request) { return try await next(request, context) }
        var context = context
        let address = limits.clientAddress(peer: context.remoteIP, forwardedFor: request.headers[.xForwardedFor])
        context.remoteIP = address
        let key = RateLimits.key(address)
        let isAPI = request.uri.path.hasPrefix("/api/")
        if request.headers[.authorization] != nil || cookie.token(in: request) != nil {
            let response: Response
            do {
                response = try await next(request, context)
            } catch {
                if context.notes.userID == nil { try countWithoutSession(key) }
                throw error
            }
            if context.notes.userID == nil { try countWithoutSession(key) }
            return response
        }
        let perMinute = limits.address.hit(key)
        guard perMinute.allowed else { throw RateLimits.refusal(perMinute, budget: "address") }
        guard isAPI else { return try await next(request, context) }
        let perHour = limits.apiAnonymous.hit(key)
        guard perHour.allowed else { throw RateLimits.refusal(perHour, budget: "api_anonymous") }
        var response = try await next(request, context)
        response.headers.append(contentsOf: RateLimits.headers(perHour.remaining < perMinute.remaining ? perHour : perMinute))
        return response
    }

    private func countWithoutSession(_ key: String) throws {
        let decision = limits.address.hit(key)
        guard decision.allowed else { throw RateLimits.refusal(decision, budget: "address") }
    }
}
