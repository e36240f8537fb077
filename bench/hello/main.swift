// The reference server for `make bench`: a bare Hummingbird 2 app answering GET /health with the
// same small JSON body as medora-lite, and nothing else (no middleware, no storage, no crypto).
import Hummingbird

struct Health: ResponseEncodable {
    var status = "ok"
    var version = "0.1.0"
}

let port = CommandLine.arguments.dropFirst().first.flatMap(Int.init) ?? 8090
let router = Router()
router.get("health") { _, _ in Health() }
let app = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: port)))
try await app.runService()
