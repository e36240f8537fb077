import Foundation
import Hummingbird
import HummingbirdTesting
import MedoraStorage
import MedoraTestSupport
import XCTest
@testable import MedoraLite

/// The role matrix on every route, pages and API: an administrator, two doctors, an assistant of
/// doctor A, an assistant with no doctor, and nobody. A patient outside one's scope is 404 on every
/// page, form and API call; what the role may not do is 403; nobody is sent to sign in (pages) or
/// gets 401 (API). Each refused write is checked to have changed nothing.
final class RoleMatrixTests: XCTestCase {
    enum Who: String, CaseIterable { case admin, drA, drB, asA, asNone, nobody }

    struct Caller {
        var token: String?
        var cookie: String?
        var csrf = ""
    }

    func testEveryRouteFollowsTheRoleMatrix() async throws {
        let f = try await APIFixture()
        let store = f.store
        let users = store.users
        let drA = try await users.find(login: "drA"), drB = try await users.find(login: "drB")
        let a = try XCTUnwrap(drA).id, b = try XCTUnwrap(drB).id
        _ = try await users.create(login: "asA", password: APIFixture.doctorPassword, displayName: "Assistant A",
                                   role: .assistant, doctorID: a)
        _ = try await users.create(login: "asNone", password: APIFixture.doctorPassword, displayName: "Assistant",
                                   role: .assistant, doctorID: nil)
        let ofA = try await store.patients.create(PatientDraft(firstName: "Gulnora", lastName: "Aliyeva"), ownerID: a)
        let ofB = try await store.patients.create(PatientDraft(firstName: "Bobur", lastName: "Bekov"), ownerID: b)
        let pA = ofA.id.uuidString.lowercased(), pB = ofB.id.uuidString.lowercased()
        // The user the administrator's forms change (changes end that user's sessions).
        let spare = try await users.create(login: "spare", password: APIFixture.doctorPassword, displayName: "Spare",
                                           role: .assistant, doctorID: a)
        let target = spare.id.uuidString.lowercased(), doctorA = a.uuidString.lowercased()

        try await f.app.test(.router) { client in
            var callers: [Who: Caller] = [.nobody: Caller()]
            for who in Who.allCases where who != .nobody {
                let password = who == .admin ? "admin-password" : APIFixture.doctorPassword
                let (cookie, csrf) = try await client.signIn(who.rawValue, password: password)
                callers[who] = Caller(token: try await client.login(who.rawValue, password), cookie: cookie, csrf: csrf)
            }

            func api(_ method: HTTPRequest.Method, _ path: String, _ who: Who, body: Any? = nil) async throws -> HTTPResponse.Status {
                try await client.json(method, "/api/v1" + path, token: callers[who]!.token, body: body).status
            }
            func page(_ path: String, _ who: Who) async throws -> HTTPResponse.Status {
                var headers: HTTPFields = [:]
                if let cookie = callers[who]!.cookie { headers[.cookie] = cookie }
                return try await client.execute(uri: path, method: .get, headers: headers).status
            }
            func form(_ path: String, _ who: Who, _ body: String = "") async throws -> HTTPResponse.Status {
                let c = callers[who]!
                return try await client.post(path, cookie: c.cookie ?? "", "csrf=\(c.csrf)&" + body).status
            }
            func expect(_ table: [Who: HTTPResponse.Status], _ what: String,
                        _ call: (Who) async throws -> HTTPResponse.Status) async throws {
                for who in Who.allCases {
                    let got = try await call(who)
                    XCTAssertEqual(got, table[who], "\(what) as \(who)")
                }
            }

            // API: reading and editing patients.
            let anyone: [Who: HTTPResponse.Status] = [.admin: .ok, .drA: .ok, .drB: .ok, .asA: .ok, .asNone: .ok, .nobody: .unauthorized]
            try await expect(anyone, "GET /patients") { try await api(.get, "/patients", $0) }
            try await expect(anyone, "GET /auth/me") { try await api(.get, "/auth/me", $0) }
            let ofAStatus: [Who: HTTPResponse.Status] = [.admin: .ok, .drA: .ok, .drB: .notFound, .asA: .ok, .asNone: .notFound,
                                                         .nobody: .unauthorized]
            try await expect(ofAStatus, "GET /patients/A") { try await api(.get, "/patients/\(pA)", $0) }
            try await expect(ofAStatus, "PATCH /patients/A") { try await api(.patch, "/patients/\(pA)", $0, body: ["notes": "seen"]) }
            try await expect(ofAStatus, "PUT /patients/A") {
                try await api(.put, "/patients/\(pA)", $0, body: ["firstName": "Gulnora", "lastName": "Aliyeva"])
            }
            try await expect([.admin: .created, .drA: .created, .drB: .created, .asA: .created, .asNone: .forbidden,
                              .nobody: .unauthorized], "POST /patients") {
                try await api(.post, "/patients", $0, body: ["firstName": "Yangi", "lastName": "Bemor"])
            }
            // What each sees: the administrator every patient, an assistant their doctor's.
            for (who, total) in [(Who.admin, 6), (.drA, 3), (.drB, 2), (.asA, 3), (.asNone, 0)] {
                let r = try await client.json(.get, "/api/v1/patients", token: callers[who]!.token)
                XCTAssertEqual(r.object["total"] as? Int, total, "\(who) sees")
            }
            // Deleting: a fresh patient of doctor A per caller.
            try await expect([.admin: .noContent, .drA: .noContent, .drB: .notFound, .asA: .forbidden, .asNone: .forbidden,
                              .nobody: .unauthorized], "DELETE /patients/x") { who in
                let p = try await store.patients.create(PatientDraft(firstName: "Olim", lastName: "Olimov"), ownerID: a)
                let status = try await api(.delete, "/patients/\(p.id.uuidString.lowercased())", who)
                let still = try await store.patients.find(id: p.id, ownerID: a)
                XCTAssertEqual(still == nil, status == .noContent, "deleted exactly when allowed (\(who))")
                return status
            }
            let ofBNow = try await store.patients.find(id: ofB.id, ownerID: b)
            XCTAssertEqual(ofBNow, ofB, "doctor B's patient untouched")

            // API: users, administrators only.
            let adminOnly: [Who: HTTPResponse.Status] = [.admin: .ok, .drA: .forbidden, .drB: .forbidden, .asA: .forbidden,
                                                         .asNone: .forbidden, .nobody: .unauthorized]
            try await expect(adminOnly, "GET /users") { try await api(.get, "/users", $0) }
            try await expect(adminOnly, "PATCH /users/x") { try await api(.patch, "/users/\(target)", $0, body: ["role": "assistant", "doctorId": doctorA]) }
            try await expect(adminOnly, "POST /users/x/enable") { try await api(.post, "/users/\(target)/enable", $0) }
            var created = adminOnly
            created[.admin] = .created
            try await expect(created, "POST /users") { who in
                try await api(.post, "/users", who, body: ["login": "new.\(who.rawValue)", "password": "long-enough-pass",
                                                          "displayName": "New", "role": "doctor"])
            }
            let listed = try await users.list().map(\.login)
            XCTAssertEqual(listed.filter { $0.hasPrefix("new.") }, ["new.admin"], "only the administrator added a user")

            // Pages: what every signed-in user reaches; nobody is sent to sign in.
            let signedIn: [Who: HTTPResponse.Status] = [.admin: .ok, .drA: .ok, .drB: .ok, .asA: .ok, .asNone: .ok, .nobody: .seeOther]
            for path in ["/", "/patients", "/patients?q=ali", "/account"] {
                try await expect(signedIn, "page \(path)") { try await page(path, $0) }
            }
            for path in ["/help", "/help/admin", "/help/troubleshooting", "/privacy", "/terms", "/login"] {
                try await expect([.admin: .ok, .drA: .ok, .drB: .ok, .asA: .ok, .asNone: .ok, .nobody: .ok], "page \(path)") {
                    try await page(path, $0)
                }
            }
            try await expect([.admin: .ok, .drA: .ok, .drB: .ok, .asA: .ok, .asNone: .forbidden, .nobody: .seeOther],
                             "page /patients/new") { try await page("/patients/new", $0) }
            let pageOfA: [Who: HTTPResponse.Status] = [.admin: .ok, .drA: .ok, .drB: .notFound, .asA: .ok, .asNone: .notFound,
                                                       .nobody: .seeOther]
            try await expect(pageOfA, "page /patients/A") { try await page("/patients/\(pA)", $0) }
            try await expect(pageOfA, "page /patients/A/edit") { try await page("/patients/\(pA)/edit", $0) }
            try await expect([.admin: .seeOther, .drA: .seeOther, .drB: .notFound, .asA: .seeOther, .asNone: .notFound,
                              .nobody: .seeOther], "form edit patient A") {
                try await form("/patients/\(pA)", $0, "firstName=Gulnora&lastName=Aliyeva")
            }
            try await expect([.admin: .seeOther, .drA: .seeOther, .drB: .seeOther, .asA: .seeOther, .asNone: .forbidden,
                              .nobody: .seeOther], "form new patient") {
                try await form("/patients", $0, "firstName=Yangi&lastName=Bemor")
            }
            try await expect([.admin: .ok, .drA: .ok, .drB: .notFound, .asA: .forbidden, .asNone: .forbidden, .nobody: .seeOther],
                             "form delete") { who in
                let p = try await store.patients.create(PatientDraft(firstName: "Olim", lastName: "Olimov"), ownerID: a)
                let status = try await form("/patients/\(p.id.uuidString.lowercased())/delete", who)
                let still = try await store.patients.find(id: p.id, ownerID: a)
                XCTAssertEqual(still == nil, status == .ok, "deleted exactly when allowed (\(who))")
                return status
            }
            // The assistant's patient page offers no delete button.
            let asAPage = try await client.execute(uri: "/patients/\(pA)", method: .get, headers: [.cookie: callers[.asA]!.cookie!])
            XCTAssertFalse(String(buffer: asAPage.body).contains("/delete"))
            let drAPage = try await client.execute(uri: "/patients/\(pA)", method: .get, headers: [.cookie: callers[.drA]!.cookie!])
            XCTAssertTrue(String(buffer: drAPage.body).contains("/delete"))

            // Pages for administrators only.
            let adminPages: [Who: HTTPResponse.Status] = [.admin: .ok, .drA: .forbidden, .drB: .forbidden, .asA: .forbidden,
                                                          .asNone: .forbidden, .nobody: .seeOther]
            for path in ["/users", "/users/\(target)", "/settings"] {
                try await expect(adminPages, "page \(path)") { try await page(path, $0) }
            }
            for (path, body) in [("/settings", "clinicName=Klinika&defaultLanguage=en&idleTimeoutMinutes=30"),
                                 ("/users/\(target)/enable", ""), ("/users/\(target)/role", "role=assistant&doctorId=\(doctorA)")] {
                try await expect(adminPages, "form \(path)") { try await form(path, $0, body) }
            }
            XCTAssertEqual(store.settings.current.clinicName, "Klinika")
        }
    }
}
