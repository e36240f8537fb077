import Foundation
import Hummingbird
import HummingbirdTesting
import MedoraStorage
import MedoraTestSupport
import XCTest
@testable import MedoraLite

/// Analyses over HTTP: the JSON API and the pages, with flags, derived values and the reading,
/// clear errors per field, and the role matrix on every new route.
final class AnalysisAPITests: XCTestCase {
    func testCreateReadUpdateDeleteWithFlagsDerivedValuesAndReading() async throws {
        let f = try await APIFixture()
        let store = f.store
        let foundA = try await store.users.find(login: "drA")
        let drA = try XCTUnwrap(foundA)
        let p = try await store.patients.create(PatientDraft(firstName: "Gulnora", lastName: "Rahimova", birthDate: "1970-03-01", sex: .female),
                                                ownerID: drA.id)
        let path = "/api/v1/patients/\(p.id.uuidString.lowercased())/analyses"
        try await f.app.test(.router) { client in
            let token = try await client.login("drA")
            let body: [String: Any] = ["takenOn": "2026-05-04", "lab": "Shifo", "results": [
                ["test": "HGB", "value": 95, "unit": "g/L"], ["code": "MCV", "value": "71,5"], ["test": "Креатинин", "value": 1.4],
                ["test": "CHOL", "value": 6.8, "unit": "mmol/L"], ["test": "HDL", "value": 1.0, "unit": "mmol/L"],
                ["test": "TRIG", "value": 1.5, "unit": "mmol/L"],
            ]]
            let created = try await client.json(.post, path, token: token, body: body, headers: [.acceptLanguage: "ru"])
            XCTAssertEqual(created.status, .created, String(buffer: created.body))
            XCTAssertEqual(created.headers[.eTag], "\"1\"")
            let location = try XCTUnwrap(created.headers[.location])
            let a = created.object
            let results = try XCTUnwrap(a["results"] as? [[String: Any]])
            XCTAssertEqual(results.map { $0["key"] as? String }, ["HGB", "MCV", "CREA", "CHOL", "HDL", "TRIG"])
            XCTAssertEqual(results[0]["flag"] as? String, "low")
            XCTAssertEqual(results[0]["unit"] as? String, "g/L", "kept as entered")
            XCTAssertEqual(results[1]["value"] as? Double, 71.5, "a decimal comma is read")
            let derived = try XCTUnwrap(a["derived"] as? [[String: Any]]).compactMap { $0["kind"] as? String }
            XCTAssertTrue(Set(["egfr", "ldl_friedewald", "non_hdl"]).isSubset(of: derived), "\(derived)")
            let reading = try XCTUnwrap(a["reading"] as? [[String: Any]])
            XCTAssertTrue(reading.contains { $0["rule"] as? String == "microcytic_anaemia" })
            XCTAssertTrue(reading.contains { ($0["text"] as? String)?.contains("микроцитарная") == true }, "in Russian")
            XCTAssertTrue((a["disclaimer"] as? String)?.contains("не заменяет") == true)

            // A second analysis two months later: the delta check against the first.
            let later = try await client.json(.post, path, token: token, body: ["takenOn": "2026-07-04", "results": [["test": "HGB", "value": 12.1]]])
            XCTAssertEqual(later.status, .created)
            XCTAssertEqual((later.object["results"] as? [[String: Any]])?.first?["delta"] as? Double ?? 0, 2.6, accuracy: 1e-9)
            let list = try await client.json(.get, path, token: token)
            XCTAssertEqual((list.object["items"] as? [[String: Any]])?.count, 2)

            // Replace with a version; a stale one conflicts; then delete.
            let uri = String(location)
            let stale = try await client.json(.put, uri, token: token, body: ["takenOn": "2026-05-04", "results": [["test": "HGB", "value": 10]]],
                                              headers: [.ifMatch: "\"7\""])
            XCTAssertEqual(stale.status, .conflict)
            let replaced = try await client.json(.put, uri, token: token, body: ["takenOn": "2026-05-04", "results": [["test": "HGB", "value": 10]]],
                                                 headers: [.ifMatch: "\"1\""])
            XCTAssertEqual(replaced.status, .ok)
            XCTAssertEqual(replaced.object["version"] as? Int, 2)
            // An answer sent back as it is (every read-only key included) is taken.
            let echoed = try await client.json(.put, uri, token: token, body: replaced.object, headers: [.ifMatch: "\"2\""])
            XCTAssertEqual(echoed.status, .ok, "\(echoed.errorFields)")
            XCTAssertEqual(echoed.object["version"] as? Int, 3)
            let deleted = try await client.json(.delete, uri, token: token)
            XCTAssertEqual(deleted.status, .noContent)
            let gone = try await client.json(.get, uri, token: token)
            XCTAssertEqual(gone.status, .notFound)
        }
    }

    func testBadAnalysesGetAClearErrorPerFieldAndStoreNothing() async throws {
        let f = try await APIFixture()
        let store = f.store
        let foundA = try await store.users.find(login: "drA")
        let p = try await store.patients.create(PatientDraft(firstName: "Ali", lastName: "Valiyev"), ownerID: try XCTUnwrap(foundA).id)
        let path = "/api/v1/patients/\(p.id.uuidString.lowercased())/analyses"
        try await f.app.test(.router) { client in
            let token = try await client.login("drA")
            let cases: [(Any, Set<String>)] = [
                (["takenOn": "2026-01-01", "results": [["test": "unobtainium", "value": 1]]], ["results[0].code"]),
                (["takenOn": "2026-01-01", "results": [["test": "HGB", "value": "abc"]]], ["results[0].value"]),
                (["takenOn": "2026-01-01", "results": [["test": "HGB", "value": -3]]], ["results[0].value"]),
                (["takenOn": "2026-01-01", "results": [["test": "PLT", "value": 200, "unit": "mmol/L"]]], ["results[0].unit"]),
                (["takenOn": "2026-01-01", "results": [["test": "HGB"]]], ["results[0].value"]),
                (["takenOn": "2026-01-01", "results": []], ["results"]),
                (["takenOn": "01.01.2026", "results": [["test": "HGB", "value": 13]]], ["takenOn"]),
                (["takenOn": "2026-01-01", "pregnant": "yes", "results": [["test": "HGB", "value": 13]]], ["pregnant"]),
                (["takenOn": "2026-01-01", "colour": "red", "results": [["test": "HGB", "value": 13, "shade": 1]]],
                 ["colour", "results[0].shade"]),
                (["takenOn": "2026-01-01", "results": "HGB 13"], ["results"]),
            ]
            for (body, fields) in cases {
                let r = try await client.json(.post, path, token: token, body: body)
                XCTAssertEqual(r.status, .unprocessableContent, "\(body)")
                XCTAssertEqual(r.errorFields, fields, "\(body)")
            }
            let deep = String(repeating: "[", count: 500) + String(repeating: "]", count: 500)
            let nested = try await client.json(.post, path, token: token, body: "{\"results\": \(deep)}")
            XCTAssertEqual(nested.status, .badRequest)
            let many = try await client.json(.post, path, token: token,
                                             body: ["takenOn": "2026-01-01", "results": Array(repeating: ["test": "HGB", "value": 13], count: 300)])
            XCTAssertEqual(many.status, .unprocessableContent)
            let list = try await client.json(.get, path, token: token)
            XCTAssertEqual((list.object["items"] as? [Any])?.count, 0, "nothing stored")
        }
    }

    func testTheRoleMatrixOnEveryAnalysisRouteAndPage() async throws {
        let f = try await APIFixture()
        let store = f.store
        let foundA = try await store.users.find(login: "drA")
        let a = try XCTUnwrap(foundA).id
        _ = try await store.users.create(login: "asA", password: APIFixture.doctorPassword, displayName: "Assistant A", role: .assistant, doctorID: a)
        _ = try await store.users.create(login: "asNone", password: APIFixture.doctorPassword, displayName: "Assistant", role: .assistant)
        let p = try await store.patients.create(PatientDraft(firstName: "Ali", lastName: "Valiyev", sex: .male), ownerID: a)
        let draft = AnalysisDraft(takenOn: "2026-01-01", results: [LabResult(code: "718-7", value: 13, unit: "g/dL")])
        let existing = try await store.analyses.create(patientID: p.id, scope: .everyone, draft: draft)
        let pid = p.id.uuidString.lowercased(), aid = try XCTUnwrap(existing).id.uuidString.lowercased()
        let api = "/api/v1/patients/\(pid)/analyses"
        try await f.app.test(.router) { client in
            var tokens: [String: String] = [:], cookies: [String: (String, String)] = [:]
            for (login, password) in [("admin", "admin-password"), ("drA", APIFixture.doctorPassword), ("drB", APIFixture.doctorPassword),
                                      ("asA", APIFixture.doctorPassword), ("asNone", APIFixture.doctorPassword)] {
                tokens[login] = try await client.login(login, password)
                cookies[login] = try await client.signIn(login, password: password)
            }
            let seeing: [String: HTTPResponse.Status] = ["admin": .ok, "drA": .ok, "drB": .notFound, "asA": .ok, "asNone": .notFound]
            for (who, status) in seeing {
                let list = try await client.json(.get, api, token: tokens[who])
                XCTAssertEqual(list.status, status, "list as \(who)")
                let one = try await client.json(.get, "\(api)/\(aid)", token: tokens[who])
                XCTAssertEqual(one.status, status, "read as \(who)")
                let put = try await client.json(.put, "\(api)/\(aid)", token: tokens[who],
                                                body: ["takenOn": "2026-01-01", "results": [["test": "HGB", "value": 13]]])
                XCTAssertEqual(put.status, status, "replace as \(who)")
                let post = try await client.json(.post, api, token: tokens[who], body: ["takenOn": "2026-01-02", "results": [["test": "HGB", "value": 13]]])
                XCTAssertEqual(post.status, status == .ok ? .created : status, "create as \(who)")
                let (cookie, _) = cookies[who]!
                for page in ["/patients/\(pid)/analyses/new", "/patients/\(pid)/analyses/new?panel=LIPID", "/patients/\(pid)/analyses/\(aid)",
                             "/patients/\(pid)/analyses/\(aid)/edit"] {
                    let r = try await client.execute(uri: page, method: .get, headers: [.cookie: cookie])
                    XCTAssertEqual(r.status, status, "\(page) as \(who)")
                }
            }
            let nobody = try await client.json(.get, api)
            XCTAssertEqual(nobody.status, .unauthorized)
            let anonymousPage = try await client.execute(uri: "/patients/\(pid)/analyses/\(aid)", method: .get)
            XCTAssertEqual(anonymousPage.headers[.location], "/login")
            // Deleting: assistants may not; another doctor finds nothing; the owner may.
            let (asCookie, asCSRF) = cookies["asA"]!
            let byAssistant = try await client.post("/patients/\(pid)/analyses/\(aid)/delete", cookie: asCookie, "csrf=\(asCSRF)")
            XCTAssertEqual(byAssistant.status, .forbidden)
            let apiAssistant = try await client.json(.delete, "\(api)/\(aid)", token: tokens["asA"])
            XCTAssertEqual(apiAssistant.status, .forbidden)
            let otherDoctor = try await client.json(.delete, "\(api)/\(aid)", token: tokens["drB"])
            XCTAssertEqual(otherDoctor.status, .notFound)
            let stillThere = try await store.analyses.find(id: try XCTUnwrap(existing).id, patientID: p.id, scope: .everyone)
            XCTAssertNotNil(stillThere)
            let (drCookie, drCSRF) = cookies["drA"]!
            let byOwner = try await client.post("/patients/\(pid)/analyses/\(aid)/delete", cookie: drCookie, "csrf=\(drCSRF)")
            XCTAssertEqual(byOwner.status, .seeOther)
        }
    }

    func testFastEntryFormKeepsValuesShowsErrorsAndSavesTheReport() async throws {
        let f = try await APIFixture()
        let store = f.store
        let foundA = try await store.users.find(login: "drA")
        let p = try await store.patients.create(PatientDraft(firstName: "Nodira", lastName: "Usmonova", birthDate: "1960-01-01", sex: .female),
                                                ownerID: try XCTUnwrap(foundA).id)
        let pid = p.id.uuidString.lowercased()
        try await f.app.test(.router) { client in
            let (cookie, csrf) = try await client.signIn()
            let chooser = String(buffer: try await client.execute(uri: "/patients/\(pid)/analyses/new", method: .get, headers: [.cookie: cookie]).body)
            for panel in LabCatalogue.panels { XCTAssertTrue(chooser.contains("panel=\(panel.id)"), panel.id) }
            let form = String(buffer: try await client.execute(uri: "/patients/\(pid)/analyses/new?panel=LIPID", method: .get,
                                                               headers: [.cookie: cookie]).body)
            XCTAssertTrue(form.contains("id=\"v-2093-3\"") && form.contains("data-factor=\"38.67\""), "rows with their units")
            let codes = "2093-3,2085-9,13457-7,2571-8"
            let bad = try await client.post("/patients/\(pid)/analyses", cookie: cookie,
                                            "csrf=\(csrf)&codes=\(codes)&takenOn=2026-03-01&value.2093-3=abc&value.2085-9=-1&value.2571-8=150&unit.2571-8=mg%2FdL")
            XCTAssertEqual(bad.status, .unprocessableContent)
            let badPage = String(buffer: bad.body)
            XCTAssertTrue(badPage.contains("value=\"abc\""), "the entered value is kept")
            XCTAssertTrue(badPage.contains("value=\"150\""))
            XCTAssertTrue(badPage.contains(ValidationIssue.Code.invalidFormat.text(.en)))
            let none = try await store.analyses.list(patientID: p.id, scope: .everyone)
            XCTAssertEqual(none?.items.count, 0)

            let ok = try await client.post("/patients/\(pid)/analyses", cookie: cookie,
                                           "csrf=\(csrf)&codes=\(codes)&takenOn=2026-03-01&lab=Shifo&value.2093-3=6.9&unit.2093-3=mmol%2FL&value.2085-9=45&value.2571-8=180")
            XCTAssertEqual(ok.status, .seeOther)
            let location = try XCTUnwrap(ok.headers[.location])
            let report = String(buffer: try await client.execute(uri: String(location), method: .get,
                                                                 headers: [.cookie: cookie, .acceptLanguage: "uz"]).body)
            XCTAssertTrue(report.contains("Dislipidemiya") || report.contains("dislipidemiya"), "the reading in Uzbek")
            XCTAssertTrue(report.contains("shifokor xulosasining oʻrnini bosmaydi"), "the disclaimer")
            XCTAssertTrue(report.contains("267"), "6.9 mmol/L shown as 267 mg/dL")
            XCTAssertTrue(report.contains("Friedewald"), "derived LDL with its formula")
            let patientPage = String(buffer: try await client.execute(uri: "/patients/\(pid)", method: .get, headers: [.cookie: cookie]).body)
            XCTAssertTrue(patientPage.contains("01.03.2026"))
        }
    }

    func testPastedTablesAndCSVFilesOnThePagesAndTheAPI() async throws {
        let f = try await APIFixture()
        let store = f.store
        let foundA = try await store.users.find(login: "drA")
        let p = try await store.patients.create(PatientDraft(firstName: "Nodira", lastName: "Usmonova", birthDate: "1960-01-01", sex: .female),
                                                ownerID: try XCTUnwrap(foundA).id)
        let pid = p.id.uuidString.lowercased()
        try await f.app.test(.router) { client in
            let (cookie, csrf) = try await client.signIn()
            let table = "Гемоглобин\t118\tг/л\t120-160\nЛейкоциты 6,4 10^9/л\nHeading only\n"
            let pasted = try await client.post("/patients/\(pid)/analyses/paste", cookie: cookie,
                                               "csrf=\(csrf)&table=\(table.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)")
            XCTAssertEqual(pasted.status, .ok)
            let preview = String(buffer: pasted.body)
            XCTAssertTrue(preview.contains("name=\"value.718-7\" value=\"118\""), "the value read into the form")
            XCTAssertTrue(preview.contains("name=\"low.718-7\" value=\"120\""), "the printed range too")
            XCTAssertTrue(preview.contains("<code>Heading only</code>"), "the line not read is shown")
            let stored = try await store.analyses.list(patientID: p.id, scope: .everyone)
            XCTAssertEqual(stored?.items.count, 0, "reading a table saves nothing")

            let bad = "taken_on,test,value\n2026-01-10,HGB,13\n2026-01-10,PLT,lots\n"
            let refused = try await client.post("/patients/\(pid)/analyses/import", cookie: cookie,
                                                "csrf=\(csrf)&confirm=1&csv=\(bad.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)")
            XCTAssertEqual(refused.status, .unprocessableContent)
            XCTAssertTrue(String(buffer: refused.body).contains("<td>3</td><td><code>value</code></td>"), "the row and column named")
            let none = try await store.analyses.list(patientID: p.id, scope: .everyone)
            XCTAssertEqual(none?.items.count, 0, "nothing saved")

            let good = "taken_on,test,value,unit\n2026-01-10,HGB,13,g/dL\n2026-01-10,PLT,250,\n2026-02-11,HGB,12.4,g/dL\n"
            let encoded = good.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
            let check = try await client.post("/patients/\(pid)/analyses/import", cookie: cookie, "csrf=\(csrf)&csv=\(encoded)")
            XCTAssertEqual(check.status, .ok)
            XCTAssertTrue(String(buffer: check.body).contains("name=\"confirm\" value=\"1\""), "a preview to confirm")
            let previewed = try await store.analyses.list(patientID: p.id, scope: .everyone)
            XCTAssertEqual(previewed?.items.count, 0, "the preview saves nothing")
            let saved = try await client.post("/patients/\(pid)/analyses/import", cookie: cookie, "csrf=\(csrf)&confirm=1&csv=\(encoded)")
            XCTAssertEqual(saved.status, .seeOther)
            let after = try await store.analyses.list(patientID: p.id, scope: .everyone)
            XCTAssertEqual(after?.items.count, 2)

            // The same over the API.
            let token = try await client.login("drA")
            let api = "/api/v1/patients/\(pid)/analyses"
            let dry = try await client.json(.post, api + "/import", token: token, body: ["csv": good, "dryRun": true])
            XCTAssertEqual(dry.status, .ok)
            XCTAssertEqual((dry.object["items"] as? [Any])?.count, 2)
            let wrong = try await client.json(.post, api + "/import", token: token, body: ["csv": bad])
            XCTAssertEqual(wrong.status, .unprocessableContent)
            XCTAssertEqual(wrong.errorFields, ["row 3: value"])
            let real = try await client.json(.post, api + "/import", token: token, body: ["csv": good])
            XCTAssertEqual(real.status, .created)
            let total = try await store.analyses.list(patientID: p.id, scope: .everyone)
            XCTAssertEqual(total?.items.count, 4)
            let parsed = try await client.json(.post, api + "/parse", token: token, body: ["text": table])
            let lines = try XCTUnwrap(parsed.object["lines"] as? [[String: Any]])
            XCTAssertEqual(lines.compactMap { $0["key"] as? String }, ["HGB", "WBC"])
            XCTAssertEqual(lines.last?["problem"] as? String, "no_value")
            let (drB, _) = try await client.signIn("drB")
            let foreign = try await client.post("/patients/\(pid)/analyses/paste", cookie: drB, "csrf=x&table=HGB%2013")
            XCTAssertEqual(foreign.status, .forbidden, "another doctor's session token does not fit")
            let tokenB = try await client.login("drB")
            let foreignAPI = try await client.json(.post, api + "/import", token: tokenB, body: ["csv": good])
            XCTAssertEqual(foreignAPI.status, .notFound)
        }
    }
}
