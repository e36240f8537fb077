import Foundation
import Hummingbird

/// `GET /health`: liveness. Answers without touching the database or the keys.
struct HealthController: Sendable {
    struct Status: ResponseEncodable, Sendable {
        var status = "ok"
        var version: String
    }

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("health") { _, _ in Status(version: MedoraVersion.current) }
    }
}
