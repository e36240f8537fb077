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

    /// Random ids (a counter would tell anyone the clinic's request volume, and let a client pick
    /// the id of someone else's next request), drawn from libsodium 4 KB at a time: one system
    /// call per 512 requests instead of one each.
    private struct Pool {
        var bytes: [UInt8] = []
        var next = 0
    }
    private static let pool = Mutex(Pool())

    static func newID() -> String {
        let id: [UInt8] = pool.withLock { p in
            if p.next + 8 > p.bytes.count {
                p.bytes = RandomBytes.make(4096)
                p.next = 0
            }
            defer { p.next += 8 }
            return Array(p.bytes[p.next..<p.next + 8])
        }
        return Hex.encode(id)
    }
}
