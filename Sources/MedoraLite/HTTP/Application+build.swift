import Foundation
import Hummingbird
import Logging
import MedoraStorage

/// What the HTTP layer needs: repositories by protocol, and shared limiters.
struct AppDependencies<Patients: PatientRepository, Users: UserRepository, Sessions: SessionRepository>: Sendable {
    var patients: Patients
    var users: Users
    var sessions: Sessions
    var loginLimiter: RateLimiter
    var logger: Logger
}

extension AppDependencies where Patients == SQLitePatientRepository, Users == SQLiteUserRepository,
    Sessions == SQLiteSessionRepository {
    init(store: MedoraStore, logger: Logger, clock: WallClock = SystemClock()) {
        self.init(patients: store.patientRepository, users: store.userRepository, sessions: store.sessionRepository,
                  loginLimiter: RateLimiter(limit: 5, window: 60, clock: clock), logger: logger)
    }
}

struct ServerConfig: Sendable {
    var host = "127.0.0.1"
    var port = 8080
    var tls = false
}

func buildRouter(_ deps: AppDependencies<some PatientRepository, some UserRepository, some SessionRepository>) -> Router<AppRequestContext> {
    let router = Router(context: AppRequestContext.self)
    router.add(middleware: RequestIDMiddleware())
    router.add(middleware: AccessLogMiddleware(logger: deps.logger))
    router.add(middleware: SecurityHeadersMiddleware(tls: false))
    router.add(middleware: ErrorMiddleware())

    HealthController().addRoutes(to: router)

    let api = router.group("api/v1")
    let auth = AuthController(users: deps.users, sessions: deps.sessions, loginLimiter: deps.loginLimiter)
    auth.addPublicRoutes(to: api.group("auth"))
    let protected = api.group().add(middleware: BearerAuthMiddleware(sessions: deps.sessions))
    auth.addProtectedRoutes(to: protected.group("auth"))
    PatientController(repository: deps.patients).addRoutes(to: protected.group("patients"))
    return router
}

func buildApplication(_ deps: AppDependencies<some PatientRepository, some UserRepository, some SessionRepository>, config: ServerConfig,
                      onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }) -> some ApplicationProtocol {
    Application(
        router: buildRouter(deps),
        configuration: .init(address: .hostname(config.host, port: config.port), serverName: "medora-lite"),
        onServerRunning: { channel in await onServerRunning(channel.localAddress?.port ?? config.port) },
        logger: deps.logger)
}
