import Foundation
import Hummingbird
import HummingbirdCore
import HummingbirdTLS
import Logging
import MedoraStorage

/// What the HTTP layer needs: repositories by protocol, shared limiters, and the log file whose
/// buffer the log flush service writes out.
struct AppDependencies<Patients: PatientRepository, Users: UserRepository, Sessions: SessionRepository>: Sendable {
    var patients: Patients
    var users: Users
    var sessions: Sessions
    var settings: any SettingsRepository
    var analyses: any AnalysisRepository
    /// How the optional AI reading is fetched (tests shorten its timeout and backoff).
    var aiClient = AIReadingClient()
    /// Scheduled backups (nil: none, as in most tests).
    var backups: BackupScheduler?
    /// The store itself, for the monitoring routes' figures (nil: those routes report less).
    var store: MedoraStore?
    var clock: any WallClock
    /// Request budgets and the sign-in throttle.
    var limits: RateLimits
    var logger: Logger
    var logFile: RotatingLogFile?
}

extension AppDependencies where Patients == SQLitePatientRepository, Users == SQLiteUserRepository,
    Sessions == SQLiteSessionRepository {
    init(store: MedoraStore, logger: Logger, logFile: RotatingLogFile? = nil, clock: WallClock = SystemClock()) {
        self.init(patients: store.patientRepository, users: store.userRepository, sessions: store.sessionRepository,
                  settings: store.settingsRepository, analyses: store.analysisRepository, clock: clock, limits: RateLimits(clock: clock), logger: logger, logFile: logFile)
        self.store = store
    }
}

struct ServerConfig: Sendable {
    var host = "127.0.0.1"
    var port = 8080
    /// Shown on the login page of a demo installation (never set by `serve`).
    var demoLogin: DemoLogin?
    /// Pages are served over TLS (directly or behind a TLS proxy): the session cookie is `Secure`
    /// with the `__Host-` prefix.
    var secureCookies = false
    /// Request budgets and trusted proxies.
    var limits = RateLimitSettings()
    /// Names besides loopback and (off loopback) the machine's own that `Host` may carry.
    var allowedHosts: [String] = []
    /// Open connections at most (default: below the descriptor limit), and how long headers and
    /// bodies may take to arrive.
    var connections = ConnectionRegistry()
    /// HTTPS (nil: plain HTTP). With it, cookies are `Secure` with the `__Host-` prefix and HSTS is sent.
    var tls: TLSMaterial?
}

struct DemoLogin: Sendable {
    var login: String
    var password: String
}

func buildRouter(_ deps: AppDependencies<some PatientRepository, some UserRepository, some SessionRepository>,
                 demoLogin: DemoLogin? = nil, secureCookies: Bool = false,
                 hosts: AllowedHosts = AllowedHosts(listeningOn: "127.0.0.1"),
                 connections: ConnectionRegistry = ConnectionRegistry(), hsts: Bool = false) -> Router<AppRequestContext> {
    ServerMetrics.start()
    let cookie = SessionCookie(secure: secureCookies)
    let ai = AIReadingService(analyses: deps.analyses, settings: deps.settings, client: deps.aiClient, clock: deps.clock)
    let router = Router(context: AppRequestContext.self)
    router.add(middleware: RequestIDMiddleware())
    router.add(middleware: SecurityHeadersMiddleware(hsts: hsts))
    // The liveness probe comes before everything else a request goes through (metrics, the access
    // log, wording, host names, budgets, deadlines): it says "ok" and touches nothing. A router's
    // middleware applies to the routes added after it.
    HealthController().addRoutes(to: router)
    router.add(middleware: MetricsMiddleware())
    router.add(middleware: AccessLogMiddleware(logger: deps.logger))
    router.add(middleware: PageContextMiddleware(settings: deps.settings, backups: deps.backups))
    router.add(middleware: ErrorMiddleware())
    router.add(middleware: HostCheckMiddleware(allowed: hosts))
    router.add(middleware: RateLimitMiddleware(limits: deps.limits, cookie: cookie))
    router.add(middleware: DeadlineMiddleware())

    StaticAssets.addRoutes(to: router)
    DocumentPages(sessions: deps.sessions, cookie: cookie).addRoutes(to: router)
    let loginPages = LoginPages(users: deps.users, sessions: deps.sessions, loginLimiter: deps.limits.login, demoLogin: demoLogin,
                                cookie: cookie)
    loginPages.addPublicRoutes(to: router)
    let pages = router.group().add(middleware: WebSessionMiddleware(sessions: deps.sessions, cookie: cookie, limits: deps.limits))
    loginPages.addSignedInRoutes(to: pages)
    PatientPages(patients: deps.patients, analyses: deps.analyses, clock: deps.clock, audit: deps.store?.audit, users: deps.users)
        .addRoutes(to: pages)
    if let audit = deps.store?.audit { AuditPages(audit: audit, users: deps.users).addRoutes(to: pages) }
    TrashPages(patients: deps.patients).addRoutes(to: pages)
    let analysisPages = AnalysisPages(analyses: deps.analyses, ai: ai, clock: deps.clock)
    analysisPages.addRoutes(to: pages)
    AnalysisImportPages(analyses: deps.analyses, entry: analysisPages, clock: deps.clock).addRoutes(to: pages)
    AccountPages(users: deps.users, sessions: deps.sessions, cookie: cookie).addRoutes(to: pages)
    UserPages(users: deps.users, store: deps.store).addRoutes(to: pages)
    SettingsPages(settings: deps.settings, limits: deps.limits).addRoutes(to: pages)
    let downloads = ExportDownloads(clock: deps.clock)
    ExportPages(analyses: deps.analyses, settings: deps.settings, clock: deps.clock, downloads: downloads,
                audit: deps.store?.audit, users: deps.users, limiter: deps.store?.hashing)
        .addRoutes(to: pages)
    if let store = deps.store { PracticeExportPages(store: store, downloads: downloads).addRoutes(to: pages) }

    let api = router.group("api/v1")
    OpenAPIController().addRoutes(to: api)
    let auth = AuthController(users: deps.users, sessions: deps.sessions, loginLimiter: deps.limits.login)
    auth.addPublicRoutes(to: api.group("auth"))
    let protected = api.group().add(middleware: BearerAuthMiddleware(sessions: deps.sessions, limits: deps.limits))
    auth.addProtectedRoutes(to: protected.group("auth"))
    PatientController(repository: deps.patients).addRoutes(to: protected.group("patients"))
    AnalysisController(analyses: deps.analyses, ai: ai).addRoutes(to: protected.group("patients/:id/analyses"))
    UserController(users: deps.users).addRoutes(to: protected.group("users"))
    let probes = router.group().add(middleware: ProbeAccessMiddleware(bearer: BearerAuthMiddleware(sessions: deps.sessions, limits: deps.limits)))
    let health = deps.store.map { ServerHealth(store: $0, backups: deps.backups, connections: connections, limits: deps.limits) }
    HealthController.addDetailedRoutes(to: probes, backups: deps.backups, health: health)
    if let backups = deps.backups { BackupPages(backups: backups).addRoutes(to: pages) }
    return router
}

/// The application: the router, and the background services that start and stop with it (the log
/// flush first, so that it stops last and writes the final lines).
func buildApplication(_ deps: AppDependencies<some PatientRepository, some UserRepository, some SessionRepository>, config: ServerConfig,
                      onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }) throws -> some ApplicationProtocol {
    let http1 = HTTPServerBuilder.http1(configuration: .init(additionalChannelHandlers: [ConnectionGuard(registry: config.connections)],
                                                             idleTimeout: .seconds(120)))
    var app = Application(
        router: buildRouter(deps, demoLogin: config.demoLogin, secureCookies: config.secureCookies || config.tls != nil,
                            hosts: AllowedHosts(listeningOn: config.host, configured: config.allowedHosts), connections: config.connections,
                            hsts: config.tls != nil),
        server: try config.tls.map { try HTTPServerBuilder.tls(http1, tlsConfiguration: $0.configuration) } ?? http1,
        configuration: .init(address: .hostname(config.host, port: config.port), serverName: "medora-lite"),
        onServerRunning: { channel in await onServerRunning(channel.localAddress?.port ?? config.port) },
        logger: deps.logger)
    if let logFile = deps.logFile {
        app.addServices(PeriodicService.logFlush(logFile), PeriodicService.logRetention(logFile, logger: deps.logger))
    }
    app.addServices(PeriodicService.sessionPurge(deps.sessions, logger: deps.logger))
    if let store = deps.store { app.addServices(PeriodicService.trashPurge(store.patientRepository, clock: deps.clock, logger: deps.logger)) }
    if let audit = deps.store?.audit { app.addServices(PeriodicService.auditFlush(audit, logger: deps.logger)) }
    if let backups = deps.backups {
        // Checks every minute; a backup is made when the setting's interval has passed and something changed.
        app.addServices(PeriodicService(name: "backups", interval: .seconds(60)) {
            if await backups.runIfDue() == false, let error = backups.status.lastError {
                deps.logger.error("scheduled backup failed", metadata: ["code": .string(error)])
            }
        })
    }
    return app
}
