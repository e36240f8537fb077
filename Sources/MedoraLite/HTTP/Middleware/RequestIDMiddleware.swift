import Foundation
import Hummingbird
import MedoraCrypto
import Synchronization

/// Gives every request an id (the caller's `X-Request-ID` if it is sane, else a new one), puts it
/// on the logger and echoes it on the response.
struct RequestIDMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        let incoming = request.headers[.xRequestID]
        let id = incoming.flatMap { s in
            s.count <= 64 && s.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }) ? s : nil
        } ?? Self.newID()
        context.logger[metadataKey: "request_id"] = .string(id)
        var response = try await next(request, context)
        response.headers[.xRequestID] = id
        return response
    }

    /// Ids tie a request's log lines together; they need to be unique, not secret: a random prefix
    /// drawn at start, then a counter (no system call per request).
    private static let prefix = Hex.encode(RandomBytes.make(4))
    private static let counter = Atomic<UInt64>(0)

    static func newID() -> String {
        let n = counter.add(1, ordering: .relaxed).newValue
        return prefix + "-" + String(n, radix: 16)
    }
}
