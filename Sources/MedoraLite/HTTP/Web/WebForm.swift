import Foundation
import Hummingbird
import MedoraCrypto
import MedoraStorage

/// An `application/x-www-form-urlencoded` body, with the CSRF checks every state-changing form
/// passes: the session's token in the form, and an `Origin` (or `Referer`) of this same host.
struct WebForm: Sendable {
    var values: [String: String]

    subscript(_ name: String) -> String? { values[name] }

    static func read(_ request: Request, context: AppRequestContext) async throws -> WebForm {
        var request = request
        let buffer: ByteBuffer
        do { buffer = try await request.collectBody(upTo: context.maxUploadSize) } catch { throw APIError(.payloadTooLarge) }
        return WebForm(values: parse(String(decoding: buffer.readableBytesView, as: UTF8.self)))
    }

    static func parse(_ body: String) -> [String: String] {
        var values: [String: String] = [:]
        for pair in body.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decode(_ s: Substring) -> String {
                s.replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? ""
            }
            guard let key = parts.first.map(decode), !key.isEmpty else { continue }
            values[key] = parts.count > 1 ? decode(parts[1]) : ""
        }
        return values
    }

    /// A form from a signed-in session: its token must match and it must come from this site.
    static func checked(_ request: Request, context: AppRequestContext) async throws -> (WebForm, Identity) {
        let identity = try context.requireIdentity()
        guard sameOrigin(request) else { throw APIError(.forbidden) }
        let form = try await read(request, context: context)
        guard let token = form["csrf"], KeyedHash.equal(Array(token.utf8), Array(identity.session.csrf.utf8)) else {
            throw APIError(.forbidden)
        }
        return (form, identity)
    }

    /// `Origin`, else `Referer`, names this host; a request with neither is refused.
    static func sameOrigin(_ request: Request) -> Bool {
        guard let host = request.head.authority else { return false }
        let source = request.headers[.origin] ?? request.headers[.referer]
        guard let source, let url = URL(string: source), let sourceHost = url.host else { return false }
        let sourceAuthority = url.port.map { "\(sourceHost):\($0)" } ?? sourceHost
        return sourceAuthority == host
    }
}
