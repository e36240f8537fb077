import Foundation
import Hummingbird

/// The cookie that carries a page session's token: `HttpOnly`, `SameSite=Lax`, for the whole
/// site, ending with the session. Served over TLS it is also `Secure` and named with the
/// `__Host-` prefix (which browsers accept only from a secure origin, for path `/`, with no
/// domain), so no plain-HTTP page or subdomain can set or read it.
struct SessionCookie: Sendable {
    var secure: Bool

    var name: String { secure ? "__Host-medora_session" : "medora_session" }

    func token(in request: Request) -> String? { request.cookies[name]?.value }

    func make(_ token: String, expires: Date) -> Cookie {
        Cookie(name: name, value: token, expires: expires, path: "/", secure: secure, httpOnly: true, sameSite: .lax)
    }

    var expired: Cookie {
        Cookie(name: name, value: "", expires: Date(timeIntervalSince1970: 0), path: "/", secure: secure, httpOnly: true, sameSite: .lax)
    }
}
