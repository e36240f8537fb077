import Hummingbird

/// `GET /api/v1/openapi.json`: the OpenAPI 3.1 document of the JSON API, compiled into the
/// binary (`openapi.json` beside this file; `make test` runs schemathesis against a live server
/// with it, so it stays true).
struct OpenAPIController: Sendable {
    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.get("openapi.json") { _, _ in
            Response(status: .ok, headers: [.contentType: "application/json", .cacheControl: "public, max-age=3600"],
                     body: .init(byteBuffer: ByteBuffer(bytes: PackageResources.openapi_json)))
        }
    }
}
