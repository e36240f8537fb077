import Foundation
import Hummingbird
import HummingbirdTesting
import MedoraStorage
import MedoraTestSupport
import XCTest
@testable import MedoraLite

final class PatientAPITests: XCTestCase {
    static var patient: [String: Any] { [
        "firstName": "Shoxrux", "lastName": "Toshmatov", "middleName": "Akmal o'g'li", "phone": "+998 90 123 45 67",
        "birthDate": "1984-03-12", "sex": "male", "address": "Toshkent", "nationalId": "31203840123456",
    ] }

    func testHealthAnswersWithSecurityHeadersAndRequestID() async throws {
        let f = try await APIFixture()
        try await f.app.test(.router) { client in
            let r = try await client.json(.get, "/health")
            XCTAssertEqual(r.status, .ok)
            XCTAssertEqual(r.object["status"] as? String, "ok")
            XCTAssertEqual(r.headers[.xContentTypeOptions], "nosniff")
            XCTAssertEqual(r.headers[.xFrameOptions], "DENY")
            XCTAssertNotNil(r.headers[.contentSecurityPolicy])
            let first = try XCTUnwrap(r.headers[.xRequestID])
            let echoed = try await client.json(.get, "/health", headers: [.xRequestID: "abc-123"])
            XCTAssertEqual(echoed.headers[.xRequestID], "abc-123")
            // A new id for each request; a forged one (too long, odd characters) is replaced.
            var seen: Set<String> = [first]
            for forged in ["a b", String(repeating: "x", count: 65), "id\u{0}"] {
                let answer = try await client.json(.get, "/health", headers: [.xRequestID: forged])
                let id = try XCTUnwrap(answer.headers[.xRequestID])
                XCTAssertNotEqual(id, forged)
                XCTAssertTrue(seen.insert(id).inserted, "ids are not repeated")
            }
        }
    }

    func testPatientsNeedABearerToken() async throws {
        let f = try await APIFixture()
        try await f.app.test(.router) { client in
            let r = try await client.json(.get, "/api/v1/patients")
            XCTAssertEqual(r.status, .unauthorized)
            XCTAssertEqual(r.errorCode, "unauthorized")
            XCTAssertNotNil(r.headers[.wwwAuthenticate])
            let bad = try await client.json(.get, "/api/v1/patients", token: "forged-token")
            XCTAssertEqual(bad.status, .unauthorized)
        }
    }

    func testTheBearerSchemeIsReadInAnyCaseAndNothingElseIs() {
        typealias M = BearerAuthMiddleware<SQLiteSessionRepository>
        XCTAssertEqual(M.bearerToken("Bearer abc"), "abc")
        XCTAssertEqual(M.bearerToken("bEaReR \t abc.def \t"), "abc.def")
        XCTAssertEqual(M.bearerToken("BEARER Шохрух"), "Шохрух")
        XCTAssertEqual(M.bearerToken("Bearer    "), "")
        for refused in ["Basic abc", "Bearer", "Bearerabc", "Bearer\tabc", "Bearez abc", "Bearer", "", "Bear abc", "Bëarer abc"] {
            XCTAssertNil(M.bearerToken(refused), refused)
        }
    }

    func testWrongPasswordIsRejectedInTheCallersLanguage() async throws {
        let f = try await APIFixture()
        try await f.app.test(.router) { client in
            let r = try await client.json(.post, "/api/v1/auth/login", body: ["login": "drA", "password": "nope-nope-nope"],
                                          headers: [.acceptLanguage: "ru-RU,ru;q=0.9,en;q=0.5"])
            XCTAssertEqual(r.status, .unauthorized)
            XCTAssertEqual(r.errorCode, "invalid_credentials")
            XCTAssertEqual(r.errorMessage, ErrorText.invalidCredentials.text(.ru))
            let uz = try await client.json(.post, "/api/v1/auth/login", body: ["login": "drA", "password": "nope-nope-nope"],
                                           headers: [.acceptLanguage: "uz"])
            XCTAssertEqual(uz.errorMessage, ErrorText.invalidCredentials.text(.uz))
        }
    }

    func testCreateReadPatchReplaceDelete() async throws {
        let f = try await APIFixture()
        try await f.app.test(.router) { client in
            let token = try await client.login("drA")
            let created = try await client.json(.post, "/api/v1/patients", token: token, body: Self.patient)
            XCTAssertEqual(created.status, .created)
            let id = try XCTUnwrap(created.object["id"] as? String)
            XCTAssertEqual(created.headers[.location], "/api/v1/patients/\(id)")
            XCTAssertEqual(created.headers[.eTag], "\"1\"")
            XCTAssertEqual(created.object["phone"] as? String, "+998901234567")

            let read = try await client.json(.get, "/api/v1/patients/\(id)", token: token)
            XCTAssertEqual(read.status, .ok)
            XCTAssertEqual(read.object["lastName"] as? String, "Toshmatov")
            XCTAssertEqual(read.object["nationalId"] as? String, "31203840123456")

            let patched = try await client.json(.patch, "/api/v1/patients/\(id)", token: token,
                                                body: ["notes": "Allergy: penicillin", "address": NSNull()])
            XCTAssertEqual(patched.status, .ok)
            XCTAssertEqual(patched.object["notes"] as? String, "Allergy: penicillin")
            XCTAssertNil(patched.object["address"], "null clears a field")
            XCTAssertEqual(patched.object["firstName"] as? String, "Shoxrux", "absent keys are kept")
            XCTAssertEqual(patched.object["version"] as? Int, 2)

            let replaced = try await client.json(.put, "/api/v1/patients/\(id)", token: token,
                                                 body: ["firstName": "Шохрух", "lastName": "Тошматов", "version": 2])
            XCTAssertEqual(replaced.status, .ok)
            XCTAssertNil(replaced.object["phone"], "PUT replaces the whole record")
            XCTAssertEqual(replaced.object["version"] as? Int, 3)

            let deleted = try await client.json(.delete, "/api/v1/patients/\(id)", token: token)
            XCTAssertEqual(deleted.status, .noContent)
            let gone = try await client.json(.get, "/api/v1/patients/\(id)", token: token)
            XCTAssertEqual(gone.status, .notFound)
            XCTAssertEqual(gone.errorCode, "patient_not_found")
        }
    }

    func testAnotherDoctorsPatientIsNotFound() async throws {
        let f = try await APIFixture()
        try await f.app.test(.router) { client in
            let a = try await client.login("drA"), b = try await client.login("drB")
            let made = try await client.json(.post, "/api/v1/patients", token: a, body: Self.patient)
            let id = try XCTUnwrap(made.object["id"] as? String)
            for method in [HTTPRequest.Method.get, .delete] {
                let r = try await client.json(method, "/api/v1/patients/\(id)", token: b)
                XCTAssertEqual(r.status, .notFound, "\(method)")
            }
            let patch = try await client.json(.patch, "/api/v1/patients/\(id)", token: b, body: ["notes": "x"])
            XCTAssertEqual(patch.status, .notFound)
            let list = try await client.json(.get, "/api/v1/patients", token: b)
            XCTAssertEqual(list.object["total"] as? Int, 0)
            let still = try await client.json(.get, "/api/v1/patients/\(id)", token: a)
            XCTAssertNil(still.object["notes"])
        }
    }

    func testValidationReportsEveryBadField() async throws {
        let f = try await APIFixture()
        try await f.app.test(.router) { client in
            let token = try await client.login("drA")
            let r = try await client.json(.post, "/api/v1/patients", token: token, body: [
                "firstName": "", "lastName": "Smith<script>", "phone": "call me", "birthDate": "1899-12-31",
                "sex": "robot", "favouriteColour": "blue", "middleName": 42,
            ])
            XCTAssertEqual(r.status, .unprocessableContent)
            XCTAssertEqual(r.errorCode, "validation_failed")
            // Shape errors (unknown field, wrong type, bad enum) are reported before value checks.
            XCTAssertEqual(r.errorFields, ["sex", "favouriteColour", "middleName"])
            let r2 = try await client.json(.post, "/api/v1/patients", token: token, body: [
                "firstName": "", "lastName": "Smith<script>", "phone": "call me", "birthDate": "1899-12-31",
            ])
            XCTAssertEqual(r2.status, .unprocessableContent)
            XCTAssertEqual(r2.errorFields, ["firstName", "lastName", "phone", "birthDate"])
            let future = try await client.json(.post, "/api/v1/patients", token: token,
                                               body: ["firstName": "Ali", "lastName": "Valiyev", "birthDate": "2999-01-01"])
            XCTAssertEqual(future.errorFields, ["birthDate"])
            let badDate = try await client.json(.post, "/api/v1/patients", token: token,
                                                body: ["firstName": "Ali", "lastName": "Valiyev", "birthDate": "2001-02-30"])
            XCTAssertEqual(badDate.errorFields, ["birthDate"])
            let long = try await client.json(.post, "/api/v1/patients", token: token,
                                             body: ["firstName": String(repeating: "a", count: 101), "lastName": "Valiyev"])
            XCTAssertEqual(long.errorFields, ["firstName"])
            let badID = try await client.json(.post, "/api/v1/patients", token: token,
                                              body: ["firstName": "Ali", "lastName": "Valiyev", "nationalId": "AB 12/34"])
            XCTAssertEqual(badID.errorFields, ["nationalId"])
            let detail = try XCTUnwrap((badID.object["error"] as? [String: Any])?["details"] as? [[String: Any]]).first
            XCTAssertEqual(detail?["message"] as? String, "Only Latin letters, digits and hyphens are allowed here.")
            let list = try await client.json(.get, "/api/v1/patients", token: token)
            XCTAssertEqual(list.object["total"] as? Int, 0, "nothing stored")
        }
    }

    /// Every field the core can reject is named by a key the API itself accepts, so a client can
    /// put each message beside the input it came from.
    func testEveryValidationErrorNamesAJSONKeyTheAPIAccepts() throws {
        var bad = PatientDraft()
        for field in PatientField.allCases { bad[field] = "\u{7}" + String(repeating: "x", count: 20_000) }
        bad[.firstName] = nil
        var reported: [ValidationIssue] = []
        do { _ = try PatientValidation.validated(bad, today: Date()) } catch let e as MedoraError { reported = e.issues }
        XCTAssertEqual(reported.count, PatientField.allCases.count, "every field reported: \(reported)")
        for issue in reported {
            let body = Data("{\"\(issue.field)\": null}".utf8)
            XCTAssertNoThrow(try PatientPayload.parse(body), "\(issue.field) is a key the API accepts")
            XCTAssertNotNil(PatientField.field(jsonName: issue.field), issue.field)
        }
    }

    func testMalformedRequestsGetClearErrors() async throws {
        let f = try await APIFixture()
        try await f.app.test(.router) { client in
            let token = try await client.login("drA")
            let notJSON = try await client.json(.post, "/api/v1/patients", token: token, body: "{\"firstName\": ")
            XCTAssertEqual(notJSON.status, .badRequest)
            XCTAssertEqual(notJSON.errorCode, "invalid_json")
            let array = try await client.json(.post, "/api/v1/patients", token: token, body: "[1,2]")
            XCTAssertEqual(array.errorCode, "invalid_json")
            let badID = try await client.json(.get, "/api/v1/patients/not-a-uuid", token: token)
            XCTAssertEqual(badID.status, .badRequest)
            XCTAssertEqual(badID.errorCode, "invalid_id")
            let badLimit = try await client.json(.get, "/api/v1/patients?limit=100000", token: token)
            XCTAssertEqual(badLimit.status, .unprocessableContent)
            XCTAssertEqual(badLimit.errorFields, ["limit"])
            let nowhere = try await client.json(.get, "/api/v1/nothing-here", token: token)
            XCTAssertEqual(nowhere.status, .notFound)
            XCTAssertEqual(nowhere.errorCode, "not_found")
            let badLogin = try await client.json(.post, "/api/v1/auth/login", body: "{}")
            XCTAssertEqual(badLogin.status, .badRequest)
            XCTAssertEqual(badLogin.errorCode, "invalid_json")
        }
    }

    func testBodiesOverOneMegabyteAre413() async throws {
        let f = try await APIFixture()
        try await f.app.test(.router) { client in
            let token = try await client.login("drA")
            let huge = "{\"notes\":\"" + String(repeating: "a", count: (1 << 20) + 10) + "\"}"
            let r = try await client.json(.post, "/api/v1/patients", token: token, body: huge)
            XCTAssertEqual(r.status, .contentTooLarge)
            XCTAssertEqual(r.errorCode, "payload_too_large")
        }
    }

    func testStaleVersionIsAConflict() async throws {
        let f = try await APIFixture()
        try await f.app.test(.router) { client in
            let token = try await client.login("drA")
            let made = try await client.json(.post, "/api/v1/patients", token: token, body: Self.patient)
            let id = try XCTUnwrap(made.object["id"] as? String)
            _ = try await client.json(.patch, "/api/v1/patients/\(id)", token: token, body: ["notes": "first"])
            let stale = try await client.json(.patch, "/api/v1/patients/\(id)", token: token, body: ["notes": "second"],
                                              headers: [.ifMatch: "\"1\""])
            XCTAssertEqual(stale.status, .conflict)
            XCTAssertEqual(stale.errorCode, "version_conflict")
            let read = try await client.json(.get, "/api/v1/patients/\(id)", token: token)
            XCTAssertEqual(read.object["notes"] as? String, "first")
        }
    }

    func testSearchAcrossScriptsByPhoneAndWithPagination() async throws {
        let f = try await APIFixture()
        try await f.app.test(.router) { client in
            let token = try await client.login("drA")
            let people: [[String: Any]] = [
                ["firstName": "Шохрух", "lastName": "Каримов", "phone": "+998901112233"],
                ["firstName": "Gulnora", "lastName": "Yoʻldosheva", "phone": "93 555 66 77"],
                ["firstName": "Oʻgʻiloy", "lastName": "Karimova"],
            ]
            for p in people { _ = try await client.json(.post, "/api/v1/patients", token: token, body: p) }
            func names(_ q: String, _ extra: String = "") async throws -> [String] {
                let encoded = q.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
                let r = try await client.json(.get, "/api/v1/patients?q=\(encoded)\(extra)", token: token)
                XCTAssertEqual(r.status, .ok)
                return (r.object["items"] as? [[String: Any]] ?? []).compactMap { $0["firstName"] as? String }
            }
            let shoxrux = try await names("Shoxrux")
            XCTAssertEqual(shoxrux, ["Шохрух"])
            let ogil = try await names("o'g'il")
            XCTAssertEqual(ogil, ["Oʻgʻiloy"])
            let karim = try await names("карим")
            XCTAssertEqual(Set(karim), ["Шохрух", "Oʻgʻiloy"])
            let phone = try await names("+998 93 555-66-77")
            XCTAssertEqual(phone, ["Gulnora"])
            let page = try await client.json(.get, "/api/v1/patients?limit=2&offset=2", token: token)
            XCTAssertEqual(page.object["total"] as? Int, 3)
            XCTAssertEqual((page.object["items"] as? [Any])?.count, 1)
        }
    }

    func testLoginIsRateLimitedPerLogin() async throws {
        let f = try await APIFixture()
        try await f.app.test(.router) { client in
            for _ in 0..<5 {
                let r = try await client.json(.post, "/api/v1/auth/login", body: ["login": "drA", "password": "wrong-password"])
                XCTAssertEqual(r.status, .unauthorized)
            }
            let limited = try await client.json(.post, "/api/v1/auth/login", body: ["login": "drA", "password": APIFixture.doctorPassword])
            XCTAssertEqual(limited.status, .tooManyRequests)
            XCTAssertEqual(limited.errorCode, "rate_limited")
            XCTAssertNotNil(limited.headers[.retryAfter].flatMap(Int.init))
            // Another login from the same address is not affected.
            _ = try await client.login("drB")
        }
    }

    func testLogoutEndsTheSession() async throws {
        let f = try await APIFixture()
        try await f.app.test(.router) { client in
            let token = try await client.login("drA")
            let me = try await client.json(.get, "/api/v1/auth/me", token: token)
            XCTAssertEqual(me.object["login"] as? String, "drA")
            let out = try await client.json(.post, "/api/v1/auth/logout", token: token)
            XCTAssertEqual(out.status, .noContent)
            let after = try await client.json(.get, "/api/v1/patients", token: token)
            XCTAssertEqual(after.status, .unauthorized)
        }
    }

    func testPatientDataNeverReachesTheDatabaseOrLogsInPlaintext() async throws {
        let f = try await APIFixture()
        let secrets = ["Zulfizar", "Xolmatova", "+998977001122", "977001122", "1958-11-03", "Yunusobod 14"]
        try await f.app.test(.router) { client in
            let token = try await client.login("drA")
            let r = try await client.json(.post, "/api/v1/patients", token: token, body: [
                "firstName": "Zulfizar", "lastName": "Xolmatova", "phone": "+998977001122", "birthDate": "1958-11-03",
                "address": "Yunusobod 14"])
            XCTAssertEqual(r.status, .created)
            // Searches by name and phone put PHI in the query string: it must not be logged.
            _ = try await client.json(.get, "/api/v1/patients?q=Zulfizar", token: token)
            _ = try await client.json(.get, "/api/v1/patients?q=977001122", token: token)
            _ = try await client.json(.get, "/api/v1/patients/\(r.object["id"] as? String ?? "")", token: token)
            // A path that matches no route is not logged as sent.
            _ = try await client.json(.get, "/api/v1/Zulfizar-Xolmatova", token: token)
            // A validation error must not echo the rejected value either.
            _ = try await client.json(.post, "/api/v1/patients", token: token, body: ["firstName": "Zulfizar1", "lastName": "Xolmatova"])
        }
        f.logFile.flush()
        let raw = try f.temp.rawBytes()
        XCTAssertTrue(raw.contains("\"route\":\"/api/v1/patients\""), "the access log was written")
        XCTAssertTrue(raw.contains("\"route\":\"/api/v1/patients/{id}\""), "routes are logged as templates")
        XCTAssertTrue(raw.contains("\"user_id\":\""), "with the user's id")
        for s in secrets { XCTAssertFalse(raw.contains(s), "\(s) leaked") }
    }
}
