import Foundation
import Hummingbird
import HummingbirdTesting
import MedoraStorage
import MedoraTestSupport
import XCTest
@testable import MedoraLite

/// Accounts on the pages: consent before first use, settings and what they change, the language
/// order, session expiry with a controllable clock, login throttling, the TLS cookie, and the
/// administrator's per-user actions.
final class WebAccountTests: XCTestCase {
    func testEveryPageWaitsForConsentWhichIsRecordedOnce() async throws {
        let f = try await APIFixture()
        let store = f.store
        try await f.app.test(.router) { client in
            let r = try await client.submit("/login", "login=drA&password=\(APIFixture.doctorPassword)")
            XCTAssertEqual(r.headers[.location], "/consent")
            let cookie = try XCTUnwrap(r.headers[.setCookie]?.split(separator: ";").first.map(String.init))
            for path in ["/", "/patients", "/patients/new", "/account"] {
                let page = try await client.execute(uri: path, method: .get, headers: [.cookie: cookie])
                XCTAssertEqual(page.headers[.location], "/consent", path)
            }
            let sneaky = try await client.post("/patients", cookie: cookie, "firstName=A&lastName=B")
            XCTAssertEqual(sneaky.headers[.location], "/consent", "no form works before consent")
            let csrf = try await client.csrf(at: "/consent", cookie: cookie)
            let forged = try await client.post("/consent", cookie: cookie, "csrf=wrong")
            XCTAssertEqual(forged.status, .forbidden)
            let drA = try await store.users.find(login: "drA")
            XCTAssertNil(drA?.consentedAt, "a refused form records nothing")
            let before = Date()
            let accepted = try await client.post("/consent", cookie: cookie, "csrf=\(csrf)")
            XCTAssertEqual(accepted.headers[.location], "/")
            let after = try await store.users.find(login: "drA")
            let recorded = try XCTUnwrap(after?.consentedAt)
            XCTAssertEqual(recorded.timeIntervalSince1970, before.timeIntervalSince1970, accuracy: 5)
            let home = try await client.execute(uri: "/", method: .get, headers: [.cookie: cookie])
            XCTAssertEqual(home.status, .ok)
            let again = try await client.execute(uri: "/consent", method: .get, headers: [.cookie: cookie])
            XCTAssertEqual(again.headers[.location], "/", "asked once")
            // The next sign-in goes straight in.
            let next = try await client.submit("/login", "login=drA&password=\(APIFixture.doctorPassword)")
            XCTAssertEqual(next.headers[.location], "/")
        }
    }

    func testSettingsChangeTheHeaderTheDefaultLanguageAndTheIdleTimeout() async throws {
        let clock = MutableClock(Date())
        let f = try await APIFixture(clock: clock)
        let store = f.store
        try await f.app.test(.router) { client in
            let (admin, csrf) = try await client.signIn("admin", password: "admin-password")
            let (doctor, _) = try await client.signIn()
            let bad = try await client.post("/settings", cookie: admin,
                                            "csrf=\(csrf)&clinicName=X&defaultLanguage=de&idleTimeoutMinutes=2")
            XCTAssertEqual(bad.status, .unprocessableContent)
            let badPage = String(buffer: bad.body)
            XCTAssertTrue(badPage.contains("value=\"2\""), "the entered value is kept")
            XCTAssertTrue(badPage.contains(ValidationIssue.Code.outOfRange.text(.en)))
            XCTAssertEqual(store.settings.current, .standard, "nothing saved")

            let name = "Shifo <b>klinikasi</b>"
            let saved = try await client.post("/settings", cookie: admin,
                                              "csrf=\(csrf)&clinicName=\(name.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)&defaultLanguage=ru&idleTimeoutMinutes=10")
            XCTAssertEqual(saved.status, .ok)
            XCTAssertEqual(store.settings.current.idleTimeout, 600)
            // A visitor with no cookie and no Accept-Language gets the clinic's language; the name
            // is escaped in the header.
            let login = try await client.execute(uri: "/login", method: .get)
            let html = String(buffer: login.body)
            XCTAssertTrue(html.contains("lang=\"ru\"") && html.contains("Войти"), "the clinic's default language")
            XCTAssertTrue(html.contains("Shifo &lt;b&gt;klinikasi&lt;/b&gt;"))
            XCTAssertFalse(html.contains("<b>klinikasi"))

            // The doctor, idle for 11 minutes, is signed out; the administrator, active, is not.
            clock.set(clock.now().addingTimeInterval(6 * 60))
            let active = try await client.execute(uri: "/", method: .get, headers: [.cookie: admin])
            XCTAssertEqual(active.status, .ok)
            clock.set(clock.now().addingTimeInterval(5 * 60))
            let idle = try await client.execute(uri: "/", method: .get, headers: [.cookie: doctor])
            XCTAssertEqual(idle.headers[.location], "/login", "idle past the clinic's 10 minutes")
            let still = try await client.execute(uri: "/", method: .get, headers: [.cookie: admin])
            XCTAssertEqual(still.status, .ok)
            // Whatever the activity, 12 hours after sign-in the session is over.
            for _ in 0..<80 {
                clock.set(clock.now().addingTimeInterval(9 * 60))
                _ = try await client.execute(uri: "/", method: .get, headers: [.cookie: admin])
            }
            let expired = try await client.execute(uri: "/", method: .get, headers: [.cookie: admin])
            XCTAssertEqual(expired.headers[.location], "/login", "absolute expiry")
        }
    }

    func testLanguageComesFromTheUserThenTheCookieThenTheBrowserThenTheClinic() async throws {
        let f = try await APIFixture()
        let store = f.store
        try await f.app.test(.router) { client in
            let (cookie, csrf) = try await client.signIn()
            func lang(_ headers: HTTPFields) async throws -> String {
                let html = String(buffer: try await client.execute(uri: "/account", method: .get, headers: headers).body)
                return html.range(of: #"lang="[a-z]+""#, options: .regularExpression).map { String(html[$0].dropFirst(6).dropLast()) } ?? ""
            }
            var headers: HTTPFields = [.cookie: cookie]
            let fallback = try await lang(headers)
            XCTAssertEqual(fallback, "en")
            headers[.acceptLanguage] = "uz-UZ,uz;q=0.9"
            let browser = try await lang(headers)
            XCTAssertEqual(browser, "uz")
            headers[.cookie] = cookie + "; lang=ru"
            let switched = try await lang(headers)
            XCTAssertEqual(switched, "ru")
            // The header's switch, signed in, is the account's own setting: it wins over both.
            let set = try await client.post("/account/language", cookie: cookie, "csrf=\(csrf)&language=en")
            XCTAssertEqual(set.status, .seeOther)
            XCTAssertTrue(set.headers[.setCookie]?.hasPrefix("lang=en") == true)
            let own = try await lang(headers)
            XCTAssertEqual(own, "en")
            let stored = try await store.users.find(login: "drA")
            XCTAssertEqual(stored?.language, .en)
            let bad = try await client.post("/account/language", cookie: cookie, "csrf=\(csrf)&language=xx")
            XCTAssertEqual(bad.status, .badRequest)
            let forged = try await client.post("/account/language", cookie: cookie, "csrf=nope&language=ru")
            XCTAssertEqual(forged.status, .forbidden)
            // Back to following the browser.
            _ = try await client.post("/account/language", cookie: cookie, "csrf=\(csrf)&language=")
            headers[.cookie] = cookie
            let followsBrowser = try await lang(headers)
            XCTAssertEqual(followsBrowser, "uz")
        }
    }

    func testLoginIsThrottledWithTheWaitShownAndTheSameAnswerForUnknownLogins() async throws {
        let f = try await APIFixture()
        try await f.app.test(.router) { client in
            let wrong = try await client.submit("/login", "login=drA&password=wrong-password")
            let unknown = try await client.submit("/login", "login=nobody&password=wrong-password")
            XCTAssertEqual(wrong.status, .unauthorized)
            XCTAssertEqual(unknown.status, wrong.status)
            func alert(_ r: TestResponse) -> String {
                let html = String(buffer: r.body)
                return html.range(of: #"role="alert">[^<]*"#, options: .regularExpression).map { String(html[$0]) } ?? ""
            }
            XCTAssertEqual(alert(wrong), alert(unknown), "the same message")
            for _ in 0..<4 { _ = try await client.submit("/login", "login=drA&password=wrong-password") }
            let throttled = try await client.submit("/login", "login=drA&password=\(APIFixture.doctorPassword)", language: "ru")
            XCTAssertEqual(throttled.status, .tooManyRequests)
            let seconds = try XCTUnwrap(throttled.headers[.retryAfter].flatMap(Int.init))
            XCTAssertTrue((1...60).contains(seconds))
            XCTAssertTrue(alert(throttled).contains("Повторите через \(seconds) с."), alert(throttled))
            XCTAssertNil(throttled.headers[.setCookie], "even the right password is not let in while throttled")
        }
    }

    func testOverTLSTheCookieIsSecureWithTheHostPrefix() async throws {
        let f = try await APIFixture()
        f.secureCookies = true
        try await f.app.test(.router) { client in
            let r = try await client.submit("/login", "login=drA&password=\(APIFixture.doctorPassword)")
            let set = try XCTUnwrap(r.headers[.setCookie])
            XCTAssertTrue(set.hasPrefix("__Host-medora_session="), set)
            XCTAssertTrue(set.contains("Secure") && set.contains("HttpOnly") && set.contains("Path=/"), set)
            XCTAssertFalse(set.lowercased().contains("domain="), set)
            let cookie = String(set.split(separator: ";")[0])
            let page = try await client.execute(uri: "/consent", method: .get, headers: [.cookie: cookie])
            XCTAssertEqual(page.status, .ok)
            // The plain cookie name is not accepted in its place.
            let plain = cookie.replacingOccurrences(of: "__Host-medora_session", with: "medora_session")
            let refused = try await client.execute(uri: "/consent", method: .get, headers: [.cookie: plain])
            XCTAssertEqual(refused.headers[.location], "/login")
        }
    }

    func testAdministratorResetsPasswordsAndChangesRolesOnTheUsersPages() async throws {
        let f = try await APIFixture()
        let store = f.store
        try await f.app.test(.router) { client in
            let (admin, csrf) = try await client.signIn("admin", password: "admin-password")
            let (doctor, _) = try await client.signIn("drB")
            let foundB = try await store.users.find(login: "drB"), foundA = try await store.users.find(login: "drA")
            let drB = try XCTUnwrap(foundB), drA = try XCTUnwrap(foundA)
            let path = "/users/\(drB.id.uuidString.lowercased())"

            let common = try await client.post(path + "/password", cookie: admin, "csrf=\(csrf)&password=qwertyuiop")
            XCTAssertEqual(common.status, .unprocessableContent)
            XCTAssertTrue(String(buffer: common.body).contains(ValidationIssue.Code.commonPassword.text(.en).prefix(20)))
            let reset = try await client.post(path + "/password", cookie: admin, "csrf=\(csrf)&password=fresh-start-2026")
            XCTAssertEqual(reset.status, .ok)
            let old = try await client.execute(uri: "/", method: .get, headers: [.cookie: doctor])
            XCTAssertEqual(old.headers[.location], "/login", "a reset ends the user's sessions")
            let (_, _) = try await client.signIn("drB", password: "fresh-start-2026")

            // drB becomes drA's assistant: then works on drA's patients.
            let p = try await store.patients.create(PatientDraft(firstName: "Aziz", lastName: "Azimov"), ownerID: drA.id)
            let role = try await client.post(path + "/role", cookie: admin,
                                             "csrf=\(csrf)&role=assistant&doctorId=\(drA.id.uuidString.lowercased())")
            XCTAssertEqual(role.status, .ok)
            let (assistant, _) = try await client.signIn("drB", password: "fresh-start-2026")
            let seen = try await client.execute(uri: "/patients/\(p.id.uuidString.lowercased())", method: .get,
                                                headers: [.cookie: assistant])
            XCTAssertEqual(seen.status, .ok)
            // Refusals come back on the page with the reason, and change nothing.
            let foundAdmin = try await store.users.find(login: "admin")
            let adminUser = try XCTUnwrap(foundAdmin)
            let demote = try await client.post("/users/\(adminUser.id.uuidString.lowercased())/role", cookie: admin,
                                               "csrf=\(csrf)&role=doctor&doctorId=")
            XCTAssertEqual(demote.status, .conflict)
            XCTAssertTrue(String(buffer: demote.body).contains(ErrorText.lastAdministrator.text(.en)))
            let drAToAssistant = try await client.post("/users/\(drA.id.uuidString.lowercased())/role", cookie: admin,
                                                       "csrf=\(csrf)&role=assistant&doctorId=")
            XCTAssertEqual(drAToAssistant.status, .unprocessableContent)
            let drANow = try await store.users.find(id: drA.id)
            XCTAssertEqual(drANow?.role, .doctor)
            let list = String(buffer: try await client.execute(uri: "/users", method: .get, headers: [.cookie: admin]).body)
            XCTAssertTrue(list.contains("Doctor A"), "the assistant's doctor is named in the list")
        }
    }
}

extension TestClientProtocol {
    /// A form posted from this site without a session (the login form).
    func submit(_ uri: String, _ body: String, origin: String = WebPageTests.origin, language: String? = nil) async throws -> TestResponse {
        var headers: HTTPFields = [.contentType: "application/x-www-form-urlencoded", .origin: origin]
        if let language { headers[.acceptLanguage] = language }
        return try await execute(uri: uri, method: .post, headers: headers, body: ByteBuffer(string: body))
    }
}
