import Foundation
import Hummingbird
import MedoraStorage

/// `GET /health`: liveness. Answers without touching the database or the keys.
struct HealthController: Sendable {
    struct Status: ResponseEncodable, Sendable {
        var status = "ok"
        var version: String
    }

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("health") { _, _ in Status(version: MedoraVersion.current) }
        router.get("/") { request, _ in
            Response(status: .ok, headers: [.contentType: "text/html; charset=utf-8"],
                     body: .init(byteBuffer: ByteBuffer(string: HomePage.render(Language.of(request)))))
        }
    }
}
