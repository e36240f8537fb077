import Foundation
import Hummingbird
import HummingbirdTesting
import MedoraStorage
import MedoraTestSupport
import XCTest
@testable import MedoraLite

/// The server-rendered pages over HTTP: cookie sessions, CSRF, escaping, scoping.
final class WebPageTests: XCTestCase {
    static let origin = "http://localhost"

    func testPagesNeedASessionAndEveryTemplateRenders() async throws {
        XCTAssertNotNil(WebTemplates.library, "every template parses")
        let f = try await APIFixture()
        try await f.app.test(.router) { client in
            for path in ["/", "/patients", "/patients/new"] {
                let r = try await client.execute(uri: path, method: .get)
                XCTAssertEqual(r.status, .seeOther, path)
                XCTAssertEqual(r.headers[.location], "/login")
            }
            let login = try await client.execute(uri: "/login", method: .get, headers: [.acceptLanguage: "ru"])
            XCTAssertTrue(String(buffer: login.body).contains("Войти"))
            let privacy = try await client.execute(uri: "/privacy", method: .get, headers: [.acceptLanguage: "uz"])
            XCTAssertTrue(String(buffer: privacy.body).contains("Hech narsa hech qayerga yuborilmaydi"))
            let terms = try await client.execute(uri: "/terms", method: .get)
            XCTAssertTrue(String(buffer: terms.body).contains("does not replace a doctor"))
            for referer in ["http://localhost//evil.example/x", "http://localhost/\\evil.example"] {
                let lang = try await client.execute(uri: "/lang/ru", method: .get, headers: [.referer: referer])
                XCTAssertEqual(lang.headers[.location], "/", "no redirect off the site for \(referer)")
            }
            let back = try await client.execute(uri: "/lang/uz", method: .get, headers: [.referer: "http://localhost/patients"])
            XCTAssertEqual(back.headers[.location], "/patients")
            XCTAssertTrue(back.headers[.setCookie]?.hasPrefix("lang=uz") == true)
            let css = try await client.execute(uri: "/static/app.css", method: .get)
            XCTAssertEqual(css.headers[.contentType], "text/css; charset=utf-8")
            let (cookie, _) = try await client.signIn()
            for path in ["/", "/patients", "/patients/new"] {
                let r = try await client.execute(uri: path, method: .get, headers: [.cookie: cookie])
                XCTAssertEqual(r.status, .ok, path)
                XCTAssertEqual(r.headers[.cacheControl], "no-store")
                XCTAssertFalse(String(buffer: r.body).contains("<script>"), "no inline script on \(path)")
            }
        }
    }

    func testHelpPagesInEveryLanguageWithTheSameSections() async throws {
        for help in HelpText.allCases {
            let headings = Language.allCases.map { help.text($0).components(separatedBy: "## ").count }
            XCTAssertEqual(Set(headings).count, 1, "\(help): the same sections in en, uz and ru")
            XCTAssertGreaterThanOrEqual(headings[0] - 1, 5, "\(help) covers its topics")
        }
        let f = try await APIFixture()
        try await f.app.test(.router) { client in
            for (path, lang, expected) in [("/help", "uz", "<h2>Qidiruv</h2>"), ("/help/admin", "ru", "<h2>Пользователи и роли</h2>"),
                                           ("/help/troubleshooting", "en", "<code>medora-lite check</code>"),
                                           ("/help/troubleshooting", "ru", "<h2>Забыта парольная фраза</h2>")] {
                let r = try await client.execute(uri: path, method: .get, headers: [.acceptLanguage: lang])
                XCTAssertEqual(r.status, .ok)
                XCTAssertTrue(String(buffer: r.body).contains(expected), "\(path) in \(lang)")
                XCTAssertTrue(String(buffer: r.body).contains("href=\"/help/troubleshooting\""), "every page links the help")
            }
        }
    }

    func testFormsNeedTheSessionsTokenAndThisOrigin() async throws {
        let f = try await APIFixture()
        try await f.app.test(.router) { client in
            let (cookie, csrf) = try await client.signIn()
            let body = "firstName=Ali&lastName=Valiyev"
            let noToken = try await client.post("/patients", cookie: cookie, body)
            XCTAssertEqual(noToken.status, .forbidden)
            let wrongToken = try await client.post("/patients", cookie: cookie, body + "&csrf=AAAA")
            XCTAssertEqual(wrongToken.status, .forbidden)
            let crossSite = try await client.post("/patients", cookie: cookie, origin: "http://evil.example", body + "&csrf=\(csrf)")
            XCTAssertEqual(crossSite.status, .forbidden)
            let noOrigin = try await client.post("/patients", cookie: cookie, origin: nil, body + "&csrf=\(csrf)")
            XCTAssertEqual(noOrigin.status, .forbidden)
            let list = try await client.execute(uri: "/patients", method: .get, headers: [.cookie: cookie])
            XCTAssertFalse(String(buffer: list.body).contains("Valiyev"), "nothing was stored")
            let ok = try await client.post("/patients", cookie: cookie, body + "&csrf=\(csrf)")
            XCTAssertEqual(ok.status, .seeOther)
        }
    }

    func testValuesAreEscapedEnteredValuesKeptAndOtherDoctorsPatientsNotFound() async throws {
        let f = try await APIFixture()
        try await f.app.test(.router) { client in
            let (cookie, csrf) = try await client.signIn()
            let bad = try await client.post("/patients", cookie: cookie,
                                     "csrf=\(csrf)&firstName=%3Cscript%3Ealert(1)%3C%2Fscript%3E&lastName=Valiyev&phone=abc")
            XCTAssertEqual(bad.status, .unprocessableContent)
            let html = String(buffer: bad.body)
            XCTAssertFalse(html.contains("<script>alert(1)</script>"), "no live script")
            XCTAssertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "the entered value is kept, escaped")
            XCTAssertTrue(html.contains("value=\"Valiyev\""))
            XCTAssertTrue(html.contains(ValidationIssue.Code.invalidFormat.text(.en)), "a message beside the phone")

            let created = try await client.post("/patients", cookie: cookie, "csrf=\(csrf)&firstName=Dilnoza&lastName=Karimova")
            let location = try XCTUnwrap(created.headers[.location])
            let page = try await client.execute(uri: location, method: .get, headers: [.cookie: cookie])
            XCTAssertTrue(String(buffer: page.body).contains("Karimova"))
            let path = String(location.split(separator: "?")[0])

            let (other, otherCSRF) = try await client.signIn("drB")
            let foreign = try await client.execute(uri: path, method: .get, headers: [.cookie: other])
            XCTAssertEqual(foreign.status, .notFound)
            XCTAssertFalse(String(buffer: foreign.body).contains("Karimova"))
            let foreignEdit = try await client.post(path, cookie: other, "csrf=\(otherCSRF)&firstName=X&lastName=Y")
            XCTAssertEqual(foreignEdit.status, .notFound)
            let foreignDelete = try await client.post(path + "/delete", cookie: other, "csrf=\(otherCSRF)")
            XCTAssertEqual(foreignDelete.status, .notFound)
            let still = try await client.execute(uri: path, method: .get, headers: [.cookie: cookie])
            XCTAssertEqual(still.status, .ok)
        }
    }

    func testLogoutEndsTheCookieSession() async throws {
        let f = try await APIFixture()
        try await f.app.test(.router) { client in
            let (cookie, csrf) = try await client.signIn()
            let out = try await client.post("/logout", cookie: cookie, "csrf=\(csrf)")
            XCTAssertEqual(out.status, .seeOther)
            let after = try await client.execute(uri: "/patients", method: .get, headers: [.cookie: cookie])
            XCTAssertEqual(after.status, .seeOther, "the old cookie is refused")
            XCTAssertEqual(after.headers[.location], "/login")
            let wrong = try await client.execute(uri: "/login", method: .post,
                                                 headers: [.contentType: "application/x-www-form-urlencoded", .origin: Self.origin],
                                                 body: ByteBuffer(string: "login=drA&password=wrong-password"))
            XCTAssertEqual(wrong.status, .unauthorized)
            let unknown = try await client.execute(uri: "/login", method: .post,
                                                   headers: [.contentType: "application/x-www-form-urlencoded", .origin: Self.origin],
                                                   body: ByteBuffer(string: "login=nobody&password=wrong-password"))
            XCTAssertEqual(unknown.status, .unauthorized)
            XCTAssertEqual(String(buffer: wrong.body), String(buffer: unknown.body).replacingOccurrences(of: "nobody", with: "drA"),
                           "the same answer for an unknown login and a wrong password")
        }
    }

    func testOwnSessionsCanBeEndedAndAPasswordChangeEndsThemAll() async throws {
        let f = try await APIFixture()
        try await f.app.test(.router) { client in
            let (laptop, laptopCSRF) = try await client.signIn()
            let (phone, _) = try await client.signIn()
            let account = try await client.execute(uri: "/account", method: .get, headers: [.cookie: laptop])
            XCTAssertEqual(account.status, .ok)
            XCTAssertEqual(String(buffer: account.body).components(separatedBy: "<tr><td>").count - 1, 2, "both sessions listed")
            let endOthers = try await client.post("/account/sessions/end-others", cookie: laptop, "csrf=\(laptopCSRF)")
            XCTAssertEqual(endOthers.status, .ok)
            let phoneAfter = try await client.execute(uri: "/patients", method: .get, headers: [.cookie: phone])
            XCTAssertEqual(phoneAfter.status, .seeOther, "the other session ended")
            let laptopAfter = try await client.execute(uri: "/patients", method: .get, headers: [.cookie: laptop])
            XCTAssertEqual(laptopAfter.status, .ok, "this one goes on")

            let body = "csrf=\(laptopCSRF)&current=\(APIFixture.doctorPassword)"
            let mismatch = try await client.post("/account/password", cookie: laptop, body + "&new=new-password-123&repeat=other-password-1")
            XCTAssertEqual(mismatch.status, .unprocessableContent)
            let wrong = try await client.post("/account/password", cookie: laptop,
                                              "csrf=\(laptopCSRF)&current=not-my-password&new=new-password-123&repeat=new-password-123")
            XCTAssertEqual(wrong.status, .unprocessableContent)
            let short = try await client.post("/account/password", cookie: laptop, body + "&new=short&repeat=short")
            XCTAssertEqual(short.status, .unprocessableContent)
            let changed = try await client.post("/account/password", cookie: laptop, body + "&new=new-password-123&repeat=new-password-123")
            XCTAssertEqual(changed.status, .ok)
            let old = try await client.execute(uri: "/patients", method: .get, headers: [.cookie: laptop])
            XCTAssertEqual(old.status, .seeOther, "the old cookie is refused after a password change")
            let relogin = try await client.execute(uri: "/login", method: .post,
                                                   headers: [.contentType: "application/x-www-form-urlencoded", .origin: Self.origin],
                                                   body: ByteBuffer(string: "login=drA&password=new-password-123"))
            XCTAssertEqual(relogin.status, .seeOther)
        }
    }

    func testAdministratorsManageUsersOnTheUsersPageAndNobodyElseCan() async throws {
        let f = try await APIFixture()
        let store = f.store
        try await f.app.test(.router) { client in
            let (doctor, doctorCSRF) = try await client.signIn()
            let forbidden = try await client.execute(uri: "/users", method: .get, headers: [.cookie: doctor])
            XCTAssertEqual(forbidden.status, .forbidden)
            let sneaky = try await client.post("/users", cookie: doctor, "csrf=\(doctorCSRF)&login=intruder&name=X&role=admin&password=long-enough-1")
            XCTAssertEqual(sneaky.status, .forbidden)

            let (admin, adminCSRF) = try await client.signIn("admin", password: "admin-password")
            let page = try await client.execute(uri: "/users", method: .get, headers: [.cookie: admin])
            XCTAssertEqual(page.status, .ok)
            XCTAssertTrue(String(buffer: page.body).contains("drA"))
            XCTAssertFalse(String(buffer: page.body).contains("intruder"))
            let weak = try await client.post("/users", cookie: admin, "csrf=\(adminCSRF)&login=dr.new&name=New&role=doctor&password=short")
            XCTAssertEqual(weak.status, .unprocessableContent)
            XCTAssertTrue(String(buffer: weak.body).contains("value=\"dr.new\""), "entered values kept")
            let added = try await client.post("/users", cookie: admin, "csrf=\(adminCSRF)&login=dr.new&name=New&role=assistant&password=long-enough-1")
            XCTAssertEqual(added.status, .ok)
            let users = try await store.users.list()
            let drA = try XCTUnwrap(users.first { $0.login == "drA" })
            XCTAssertEqual(users.first { $0.login == "dr.new" }?.role, .assistant)

            let disabled = try await client.post("/users/\(drA.id.uuidString.lowercased())/disable", cookie: admin, "csrf=\(adminCSRF)")
            XCTAssertEqual(disabled.status, .ok)
            let gone = try await client.execute(uri: "/patients", method: .get, headers: [.cookie: doctor])
            XCTAssertEqual(gone.status, .seeOther, "a disabled user's cookie is refused at once")
            let adminID = try XCTUnwrap(users.first { $0.login == "admin" }).id
            let last = try await client.post("/users/\(adminID.uuidString.lowercased())/disable", cookie: admin, "csrf=\(adminCSRF)")
            XCTAssertEqual(last.status, .conflict)
        }
    }
}

extension TestClientProtocol {
    /// Signs in on the login page and (the first time) accepts the terms; the session cookie and
    /// its CSRF token.
    func signIn(_ login: String = "drA", password: String = APIFixture.doctorPassword) async throws -> (cookie: String, csrf: String) {
        let r = try await execute(uri: "/login", method: .post,
                                         headers: [.contentType: "application/x-www-form-urlencoded", .origin: WebPageTests.origin],
                                         body: ByteBuffer(string: "login=\(login)&password=\(password)"))
        XCTAssertEqual(r.status, .seeOther)
        let setCookie = try XCTUnwrap(r.headers[.setCookie])
        XCTAssertTrue(setCookie.contains("HttpOnly"), setCookie)
        XCTAssertTrue(setCookie.lowercased().contains("samesite=lax"), setCookie)
        let cookie = try XCTUnwrap(setCookie.split(separator: ";").first.map(String.init))
        if r.headers[.location] == "/consent" {
            let csrf = try await csrf(at: "/consent", cookie: cookie)
            let accepted = try await post("/consent", cookie: cookie, "csrf=\(csrf)")
            XCTAssertEqual(accepted.headers[.location], "/")
        }
        return (cookie, try await csrf(at: "/account", cookie: cookie))
    }

    /// The CSRF token in the forms of a page.
    func csrf(at uri: String, cookie: String) async throws -> String {
        let page = try await execute(uri: uri, method: .get, headers: [.cookie: cookie])
        XCTAssertEqual(page.status, .ok, uri)
        let html = String(buffer: page.body)
        return try XCTUnwrap(html.range(of: #"name="csrf" value="[^"]+""#, options: .regularExpression)
            .map { String(html[$0]).replacingOccurrences(of: "name=\"csrf\" value=\"", with: "").replacingOccurrences(of: "\"", with: "") })
    }

    func post(_ uri: String, cookie: String, origin: String? = WebPageTests.origin, _ body: String) async throws -> TestResponse {
        var headers: HTTPFields = [.contentType: "application/x-www-form-urlencoded", .cookie: cookie]
        if let origin { headers[.origin] = origin }
        return try await execute(uri: uri, method: .post, headers: headers, body: ByteBuffer(string: body))
    }
}
