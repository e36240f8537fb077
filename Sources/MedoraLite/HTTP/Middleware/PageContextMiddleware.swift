import Foundation
import Hummingbird
import MedoraStorage

/// Puts what every answer's wording needs into the context: the language (the `lang` cookie,
/// else `Accept-Language`, else the clinic's default; a signed-in user's own setting comes later,
/// with the session) and the clinic's name.
struct PageContextMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    let settings: any SettingsRepository
    let backups: BackupScheduler?

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let path = request.uri.path
        // The API only needs the language for errors.
        let current = settings.current
        var context = context
        context.language = Language.negotiate(explicit: path.hasPrefix("/api/") ? nil : request.cookies["lang"]?.value,
                                              acceptLanguage: request.headers[.acceptLanguage],
                                              fallback: current.defaultLanguage)
        if !path.hasPrefix("/api/") {
            context.clinicName = current.clinicName
            context.backupStale = backups.map { $0.status.isStale(now: $0.store.clock.now()) } ?? false
        }
        return try await next(request, context)
    }
}
