import Foundation
import FoundationNetworking
import Hummingbird
import HummingbirdTesting
import MedoraStorage
import MedoraTestSupport
import XCTest
@testable import MedoraLite

/// Request budgets over a real server on 127.0.0.1, addresses told apart through a trusted
/// proxy's `X-Forwarded-For`: one address's flood does not limit another address or user.
final class RateLimitTests: XCTestCase {
    static func from(_ address: String, _ extra: HTTPFields = [:]) -> HTTPFields {
        var headers = extra
        headers[.xForwardedFor] = address
        return headers
    }

    func testAnAddressFloodGets429WithRetryAfterInItsLanguageWhileAnotherAddressWorks() async throws {
        let fixture = try await APIFixture()
        fixture.limits.budgets[.perAddressPerMinute] = 20
        fixture.limits.trustedProxies = ["127.0.0.1"]
        try await fixture.app.test(.live) { client in
            var statuses: [HTTPResponse.Status] = []
            for _ in 0..<25 {
                statuses.append(try await client.execute(uri: "/login", method: .get, headers: Self.from("10.0.0.1")).status)
            }
            XCTAssertEqual(statuses.prefix(20).filter { $0 == .ok }.count, 20)
            XCTAssertEqual(statuses.suffix(5), Array(repeating: .tooManyRequests, count: 5))
            let page = try await client.execute(uri: "/login", method: .get, headers: Self.from("10.0.0.1", [.acceptLanguage: "ru"]))
            XCTAssertEqual(page.status, .tooManyRequests)
            let retry = try XCTUnwrap(page.headers[.retryAfter].flatMap(Int.init))
            XCTAssertTrue((1...60).contains(retry), "\(retry)")
            XCTAssertTrue(page.headers[.contentType]?.hasPrefix("text/html") == true)
            XCTAssertTrue(String(buffer: page.body).contains(ErrorText.tooManyRequests.text(.ru)), "the page speaks Russian")
            // The API answers the same budget in its JSON shape.
            let api = try await client.json(.post, "/api/v1/auth/login", body: ["login": "drA", "password": "x"], headers: Self.from("10.0.0.1"))
            XCTAssertEqual(api.status, .tooManyRequests)
            XCTAssertEqual(api.errorCode, "rate_limited")
            XCTAssertNotNil(api.headers[.retryAfter])
            // Another address is not affected, nor is a signed-in user behind the flooded one.
            let other = try await client.execute(uri: "/login", method: .get, headers: Self.from("10.0.0.2"))
            XCTAssertEqual(other.status, .ok)
            let token = try await client.json(.post, "/api/v1/auth/login", body: ["login": "drA", "password": APIFixture.doctorPassword],
                                              headers: Self.from("10.0.0.3")).object["token"] as? String
            let signedIn = try await client.json(.get, "/api/v1/patients", token: token, headers: Self.from("10.0.0.1"))
            XCTAssertEqual(signedIn.status, .ok)
            // Static assets and the liveness probe are never limited.
            for _ in 0..<30 {
                let health = try await client.execute(uri: "/health", method: .get, headers: Self.from("10.0.0.1"))
                XCTAssertEqual(health.status, .ok)
                let css = try await client.execute(uri: "/static/app.css", method: .get, headers: Self.from("10.0.0.1"))
                XCTAssertEqual(css.status, .ok)
            }
        }
    }

    func testAnAdministratorSetsTheLimitsOnTheSettingsPageAndTheyApplyAtOnce() async throws {
        let fixture = try await APIFixture()
        var settings = RateLimitSettings()
        settings.trustedProxies = ["127.0.0.1"]
        settings.budgets[.apiUserPerHour] = 7
        settings.pinned = [.apiUserPerHour]
        let limits = RateLimits(settings)
        fixture.rateLimits = limits
        let store = fixture.store
        try await fixture.app.test(.live) { client in
            let (admin, csrf) = try await client.signIn("admin", password: "admin-password")
            let page = String(buffer: try await client.execute(uri: "/settings", method: .get, headers: [.cookie: admin]).body)
            XCTAssertTrue(page.contains("name=\"perAddressPerMinute\" value=\"100\""), "the standard budget is shown")
            XCTAssertTrue(page.contains("name=\"perAddressPerMinute\" value=\"100\" inputmode=\"numeric\" aria-describedby=\"perAddressPerMinute-hint\" >"),
                          "editable")
            XCTAssertTrue(page.contains(WebText.limitRange.text(.en, ["min": "20", "max": "100000", "standard": "100"])), "its range")
            XCTAssertFalse(page.contains("field invalid"), "no field shown as wrong")
            XCTAssertTrue(page.contains(WebText.limitPinned.text(.en, ["value": "7", "option": "--limit-api-user"])),
                          "a budget given on the command line is shown as such")
            XCTAssertTrue(page.contains("name=\"apiUserPerHour\" value=\"1000\" inputmode=\"numeric\" aria-describedby=\"apiUserPerHour-hint\" disabled"))
            let form = "csrf=\(csrf)&clinicName=&defaultLanguage=en&idleTimeoutMinutes=30"
            // Out of range, not a number: refused with the field named, nothing saved or changed.
            for bad in ["perAddressPerMinute=5", "perAddressPerMinute=abc", "pagesUserPerMinute=10", "apiAnonymousPerHour=99999999999999999999"] {
                let refused = try await client.post("/settings", cookie: admin, form + "&" + bad)
                XCTAssertEqual(refused.status, .unprocessableContent, bad)
                XCTAssertTrue(String(buffer: refused.body).contains("class=\"field-error\""), bad)
            }
            XCTAssertEqual(store.settings.current.requestLimits, .standard)
            XCTAssertEqual(limits.address.limit, 100)

            let saved = try await client.post("/settings", cookie: admin, form + "&perAddressPerMinute=20&apiUserPerHour=500")
            XCTAssertEqual(saved.status, .ok)
            XCTAssertEqual(store.settings.current.requestLimits[.perAddressPerMinute], 20)
            XCTAssertEqual(store.settings.current.requestLimits[.apiUserPerHour], 500, "kept for a start without the option")
            XCTAssertEqual(limits.apiUser.limit, 7, "the command line's budget stays in force")
            // In force at once: the 21st anonymous request in the minute from one address is refused.
            var statuses: [HTTPResponse.Status] = []
            for _ in 0..<22 {
                statuses.append(try await client.execute(uri: "/login", method: .get, headers: Self.from("10.9.0.1")).status)
            }
            XCTAssertEqual(statuses.filter { $0 == .ok }.count, 20)
            XCTAssertEqual(statuses.last, .tooManyRequests)
            // A form without the limit fields (an older page, a script) leaves them as they are.
            _ = try await client.post("/settings", cookie: admin, form)
            XCTAssertEqual(store.settings.current.requestLimits[.perAddressPerMinute], 20)
        }
        // The next start puts the saved budgets in force, as `serve` does.
        let restarted = RateLimits(RateLimitSettings())
        restarted.apply(store.settings.current.requestLimits)
        XCTAssertEqual(restarted.address.limit, 20)
        XCTAssertEqual(restarted.apiUser.limit, 500)
    }

    func testTheAPIBudgetsAndTheirHeaders() async throws {
        let fixture = try await APIFixture()
        fixture.limits.budgets[.apiUserPerHour] = 6
        fixture.limits.budgets[.apiAnonymousPerHour] = 8
        fixture.limits.trustedProxies = ["127.0.0.1"]
        try await fixture.app.test(.live) { client in
            let a = try await client.json(.post, "/api/v1/auth/login", body: ["login": "drA", "password": APIFixture.doctorPassword],
                                          headers: Self.from("10.0.1.1"))
            XCTAssertEqual(a.headers[.rateLimitLimit], "8", "anonymous API answers carry their budget")
            XCTAssertEqual(a.headers[.rateLimitRemaining], "7")
            let tokenA = try XCTUnwrap(a.object["token"] as? String)
            let b = try await client.json(.post, "/api/v1/auth/login", body: ["login": "drB", "password": APIFixture.doctorPassword],
                                          headers: Self.from("10.0.1.1"))
            let tokenB = try XCTUnwrap(b.object["token"] as? String)
            var remaining: [String] = []
            for _ in 0..<6 {
                let r = try await client.json(.get, "/api/v1/patients", token: tokenA, headers: Self.from("10.0.1.1"))
                XCTAssertEqual(r.status, .ok)
                XCTAssertEqual(r.headers[.rateLimitLimit], "6")
                remaining.append(r.headers[.rateLimitRemaining] ?? "?")
                let reset = Int(r.headers[.rateLimitReset] ?? "") ?? 0
                XCTAssertTrue((1...3600).contains(reset))
            }
            XCTAssertEqual(remaining, ["5", "4", "3", "2", "1", "0"])
            let over = try await client.json(.get, "/api/v1/patients", token: tokenA, headers: Self.from("10.0.1.1"))
            XCTAssertEqual(over.status, .tooManyRequests)
            XCTAssertEqual(over.errorCode, "rate_limited")
            XCTAssertNotNil(over.headers[.retryAfter])
            let otherUser = try await client.json(.get, "/api/v1/patients", token: tokenB, headers: Self.from("10.0.1.1"))
            XCTAssertEqual(otherUser.status, .ok, "one user's budget is not another's")
            // Anonymous: 8 an hour per address (two logins spent two of them).
            var anonymous: [HTTPResponse.Status] = []
            for _ in 0..<7 { anonymous.append(try await client.json(.get, "/api/v1/patients", headers: Self.from("10.0.1.1")).status) }
            XCTAssertEqual(anonymous, Array(repeating: .unauthorized, count: 6) + [.tooManyRequests])
            let elsewhere = try await client.json(.get, "/api/v1/patients", headers: Self.from("10.0.1.2"))
            XCTAssertEqual(elsewhere.status, .unauthorized)
        }
    }

    func testForgedCredentialsCountAgainstTheAddressAndPagesCountPerUser() async throws {
        let fixture = try await APIFixture()
        fixture.limits.budgets[.perAddressPerMinute] = 10
        fixture.limits.budgets[.pagesUserPerMinute] = 12
        fixture.limits.trustedProxies = ["127.0.0.1"]
        try await fixture.app.test(.live) { client in
            var statuses: [HTTPResponse.Status] = []
            for i in 0..<12 { statuses.append(try await client.json(.get, "/api/v1/patients", token: "forged-\(i)", headers: Self.from("10.0.2.1")).status) }
            XCTAssertEqual(statuses.prefix(10).filter { $0 == .unauthorized }.count, 10)
            XCTAssertEqual(statuses.suffix(2), [.tooManyRequests, .tooManyRequests], "bad tokens do not escape the address budget")
            var cookie = HTTPFields()
            cookie[.cookie] = "medora_session=forged"
            let page = try await client.execute(uri: "/patients", method: .get, headers: Self.from("10.0.2.1", cookie))
            XCTAssertEqual(page.status, .tooManyRequests)
            // A public page with a forged cookie is an anonymous request all the same.
            var publicPages: [HTTPResponse.Status] = []
            for _ in 0..<12 {
                publicPages.append(try await client.execute(uri: "/login", method: .get, headers: Self.from("10.0.2.2", cookie)).status)
            }
            XCTAssertEqual(publicPages.prefix(10).filter { $0 == .ok }.count, 10)
            XCTAssertEqual(publicPages.suffix(2), [.tooManyRequests, .tooManyRequests], "a cookie does not escape the address budget")
        }
        // Pages count per signed-in user: one user's budget spent, another's is whole.
        fixture.limits.budgets[.perAddressPerMinute] = 100
        try await fixture.app.test(.router) { client in
            let a = try await client.signIn("drA"), b = try await client.signIn("drB")
            var pages: [HTTPResponse.Status] = []
            for _ in 0..<13 { pages.append(try await client.execute(uri: "/patients", method: .get, headers: [.cookie: a.cookie]).status) }
            let served = pages.prefix { $0 == .ok }.count
            XCTAssertGreaterThan(served, 5)
            XCTAssertEqual(pages.dropFirst(served), ArraySlice(Array(repeating: .tooManyRequests, count: 13 - served)))
            let other = try await client.execute(uri: "/patients", method: .get, headers: [.cookie: b.cookie])
            XCTAssertEqual(other.status, .ok)
        }
    }

    /// Guessing one doctor's password from many addresses: past the per-login budget, addresses
    /// that never signed in as the doctor get one try per growing interval; the doctor's own
    /// address still signs in at once.
    func testASignedInUsersPagesAndSignOutDoNotSpendTheAddressBudget() async throws {
        let fixture = try await APIFixture()
        var settings = RateLimitSettings()
        settings.trustedProxies = ["127.0.0.1"]
        let limits = RateLimits(settings)
        fixture.rateLimits = limits
        try await fixture.app.test(.live) { client in
            for _ in 0..<3 {
                let signIn = try await client.execute(uri: "/login", method: .post,
                                                      headers: Self.from("10.0.3.1", [.contentType: "application/x-www-form-urlencoded",
                                                                                      .origin: WebPageTests.origin]),
                                                      body: ByteBuffer(string: "login=drA&password=\(APIFixture.doctorPassword)"))
                XCTAssertEqual(signIn.status, .seeOther)
                let session = try XCTUnwrap(signIn.headers[.setCookie]?.split(separator: ";").first.map(String.init))
                if signIn.headers[.location] == "/consent" {
                    let consent = try await client.csrf(at: "/consent", cookie: session)
                    _ = try await client.post("/consent", cookie: session, "csrf=\(consent)")
                }
                for path in ["/", "/patients", "/account", "/users/none"] {
                    _ = try await client.execute(uri: path, method: .get, headers: Self.from("10.0.3.1", [.cookie: session]))
                }
                let csrf = try await client.csrf(at: "/account", cookie: session)
                let out = try await client.execute(uri: "/logout", method: .post,
                                                   headers: Self.from("10.0.3.1", [.cookie: session, .contentType: "application/x-www-form-urlencoded",
                                                                                   .origin: WebPageTests.origin]),
                                                   body: ByteBuffer(string: "csrf=\(csrf)"))
                XCTAssertEqual(out.headers[.location], "/login", "signed out")
            }
            XCTAssertEqual(limits.address.used(RateLimits.key("10.0.3.1")), 3, "only the three sign-ins were anonymous requests")
        }
    }

    func testGuessingSpreadOverAddressesIsSlowedButTheDoctorStillSignsIn() async throws {
        let fixture = try await APIFixture()
        fixture.limits.loginFailuresPerAccountPerHour = 10
        fixture.limits.trustedProxies = ["127.0.0.1"]
        try await fixture.app.test(.live) { client in
            let desk = Self.from("192.168.1.10")
            let known = try await client.json(.post, "/api/v1/auth/login", body: ["login": "drA", "password": APIFixture.doctorPassword],
                                              headers: desk)
            XCTAssertEqual(known.status, .ok)
            for i in 0..<10 {
                let r = try await client.json(.post, "/api/v1/auth/login", body: ["login": "drA", "password": "guess-\(i)-wrong"],
                                              headers: Self.from("203.0.113.\(i + 1)"))
                XCTAssertEqual(r.status, .unauthorized, "within the budget, a wrong password is only wrong")
            }
            let first = try await client.json(.post, "/api/v1/auth/login", body: ["login": "drA", "password": "guess-x"], headers: Self.from("203.0.113.50"))
            XCTAssertEqual(first.status, .unauthorized, "one attempt per interval goes through")
            let second = try await client.json(.post, "/api/v1/auth/login", body: ["login": "drA", "password": "guess-y"], headers: Self.from("203.0.113.51"))
            XCTAssertEqual(second.status, .tooManyRequests, "the next waits")
            XCTAssertNotNil(second.headers[.retryAfter])
            let doctor = try await client.json(.post, "/api/v1/auth/login", body: ["login": "drA", "password": APIFixture.doctorPassword], headers: desk)
            XCTAssertEqual(doctor.status, .ok, "the doctor's own desk is not locked out")
            let colleague = try await client.json(.post, "/api/v1/auth/login", body: ["login": "drB", "password": APIFixture.doctorPassword],
                                                  headers: Self.from("203.0.113.52"))
            XCTAssertEqual(colleague.status, .ok, "other logins are not slowed")
        }
    }

    /// A flood of wrong sign-ins from many addresses fills the password-hashing queue; the doctor
    /// signing in from the desk they used before goes ahead of it.
    func testALoginFloodDoesNotStarveTheDoctorsSignIn() async throws {
        let fixture = try await APIFixture()
        fixture.limits.trustedProxies = ["127.0.0.1"]
        try await fixture.app.test(.live) { client in
            let port = try XCTUnwrap(client.port)
            let configuration = URLSessionConfiguration.ephemeral
            configuration.httpMaximumConnectionsPerHost = 200
            configuration.timeoutIntervalForRequest = 120
            let session = URLSession(configuration: configuration)
            @Sendable func signIn(_ login: String, _ password: String, from address: String) async -> (Int, Double) {
                var request = URLRequest(url: URL(string: "http://127.0.0.1:\(port)/api/v1/auth/login")!)
                request.httpMethod = "POST"
                request.setValue("application/json", forHTTPHeaderField: "Content-Type")
                request.setValue(address, forHTTPHeaderField: "X-Forwarded-For")
                request.httpBody = try? JSONSerialization.data(withJSONObject: ["login": login, "password": password])
                let start = Date()
                let status = ((try? await session.data(for: request))?.1 as? HTTPURLResponse)?.statusCode ?? 0
                return (status, Date().timeIntervalSince(start))
            }
            let desk = "192.168.7.10"
            let (first, _) = await signIn("drA", APIFixture.doctorPassword, from: desk)
            XCTAssertEqual(first, 200)
            let floodStart = Date()
            let flood = Task {
                await withTaskGroup(of: Int.self) { group in
                    for i in 0..<90 { group.addTask { await signIn("guess\(i)", "wrong-password-\(i)", from: "198.51.100.\(i + 1)").0 } }
                    var statuses: [Int] = []
                    for await status in group { statuses.append(status) }
                    return statuses
                }
            }
            try await Task.sleep(for: .milliseconds(300))
            let (status, seconds) = await signIn("drA", APIFixture.doctorPassword, from: desk)
            let statuses = await flood.value
            let floodSeconds = Date().timeIntervalSince(floodStart)
            XCTAssertEqual(status, 200, "the doctor signs in during the flood")
            XCTAssertTrue(statuses.contains(503), "the flood did fill the queue: \(Set(statuses))")
            // Not a speed target: the doctor is not left at the back of the queue.
            XCTAssertLessThan(seconds, floodSeconds / 4, "the doctor waited \(seconds) s of a \(floodSeconds) s flood")
            print("doctor's sign-in during a flood of 90: \(String(format: "%.2f", seconds)) s of \(String(format: "%.2f", floodSeconds)) s; flood answers: \(statuses.reduce(into: [:]) { $0[$1, default: 0] += 1 })")
        }
    }

    func testAnUntrustedPeerCannotChooseItsAddress() async throws {
        let fixture = try await APIFixture()
        fixture.limits.budgets[.perAddressPerMinute] = 5
        try await fixture.app.test(.live) { client in
            var statuses: [HTTPResponse.Status] = []
            for i in 0..<7 { statuses.append(try await client.execute(uri: "/login", method: .get, headers: Self.from("10.9.9.\(i)")).status) }
            XCTAssertEqual(statuses.suffix(2), [.tooManyRequests, .tooManyRequests], "X-Forwarded-For from an untrusted peer is ignored")
        }
    }

    func testAddressesAreCountedByTheirLastUntrustedHopAndIPv6ByItsSlash64() {
        var settings = RateLimitSettings()
        settings.trustedProxies = ["127.0.0.1", "10.0.0.5"]
        let limits = RateLimits(settings)
        XCTAssertEqual(limits.clientAddress(peer: "127.0.0.1", forwardedFor: "1.2.3.4, 5.6.7.8, 10.0.0.5"), "5.6.7.8")
        XCTAssertEqual(limits.clientAddress(peer: "127.0.0.1", forwardedFor: "<script>"), "127.0.0.1")
        XCTAssertEqual(limits.clientAddress(peer: "8.8.8.8", forwardedFor: "1.2.3.4"), "8.8.8.8")
        XCTAssertEqual(RateLimits.key("2001:db8:1:2:aaaa::1"), RateLimits.key("2001:db8:1:2:bbbb:cccc:dddd:eeee"))
        XCTAssertNotEqual(RateLimits.key("2001:db8:1:2::1"), RateLimits.key("2001:db8:1:3::1"))
        XCTAssertEqual(RateLimits.key("::1"), "0:0:0:0::/64")
        XCTAssertEqual(RateLimits.key("192.0.2.1"), "192.0.2.1")
    }

    /// The window slides: a client that spent its budget just before a minute's edge does not get
    /// a fresh one at the edge, and gets it back as the old hits age out.
    func testTheWindowSlidesAcrossItsEdge() {
        let clock = MutableClock(Date(timeIntervalSince1970: 6_000_000 * 60 + 50))
        let counter = WindowCounter(limit: 10, window: 60, clock: clock)
        for _ in 0..<10 { XCTAssertTrue(counter.hit("a").allowed) }
        let refused = counter.hit("a")
        XCTAssertFalse(refused.allowed)
        XCTAssertEqual(refused.reset, 10, "until the window's end")
        clock.set(Date(timeIntervalSince1970: 6_000_001 * 60 + 1))
        XCTAssertFalse(counter.hit("a").allowed, "one second past the edge the old hits still count")
        clock.set(Date(timeIntervalSince1970: 6_000_001 * 60 + 30))
        let half = counter.hit("a")
        XCTAssertTrue(half.allowed, "half a minute on, half the old hits have aged out")
        XCTAssertEqual(half.remaining, 4)
        clock.set(Date(timeIntervalSince1970: 6_000_003 * 60))
        XCTAssertEqual(counter.hit("a").remaining, 9, "two windows on, nothing old is left")
        XCTAssertEqual(counter.hit("b").remaining, 9, "keys are counted apart")
    }

    /// 300,000 distinct addresses against a table capped at 100,000: the table stays within its
    /// cap, an address being refused stays refused, and the process grows by little.
    func testMemoryStaysBoundedUnderAFloodOfAddresses() {
        let counter = WindowCounter(limit: 3, window: 3600, maxKeys: 100_000)
        for _ in 0..<3 { _ = counter.hit("203.0.113.7") }
        XCTAssertFalse(counter.hit("203.0.113.7").allowed)
        let before = Self.residentBytes()
        for i in 0..<300_000 {
            _ = counter.hit("10.\(i >> 16 & 255).\(i >> 8 & 255).\(i & 255)")
            XCTAssertLessThanOrEqual(counter.trackedKeys, 100_000)
        }
        let grown = Self.residentBytes() - before
        XCTAssertGreaterThan(counter.evictions, 0)
        XCTAssertFalse(counter.hit("203.0.113.7").allowed, "the address over its budget was kept")
        XCTAssertLessThan(grown, 64 << 20, "grew by \(grown >> 20) MB")
    }

    static func residentBytes() -> Int {
        guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return 0 }
        let fields = text.split(separator: " ")
        return fields.count > 1 ? (Int(fields[1]) ?? 0) * Int(sysconf(Int32(_SC_PAGESIZE))) : 0
    }
}
