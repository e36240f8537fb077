import Foundation
import Hummingbird
import HummingbirdTesting
import MedoraStorage
import MedoraTestSupport
import Synchronization
import XCTest
@testable import MedoraLite

/// The optional AI reading against a real stub of an OpenAI-compatible server on 127.0.0.1:
/// retries on 429 and 5xx, timeouts, the monthly limit, and nothing identifying in any request.
final class AIReadingTests: XCTestCase {
    /// What the stub answers, in turn, and what it was sent.
    final class Script: Sendable {
        enum Answer: Sendable {
            case ok(String)
            case status(Int)
            case slow
        }
        private let state = Mutex<(answers: [Answer], bodies: [String], auth: [String])>(([], [], []))
        func set(_ answers: [Answer]) { state.withLock { $0.answers = answers } }
        func next(body: String, auth: String) -> Answer {
            state.withLock { s in
                s.bodies.append(body)
                s.auth.append(auth)
                return s.answers.isEmpty ? .status(500) : s.answers.removeFirst()
            }
        }
        var bodies: [String] { state.withLock { $0.bodies } }
        var auth: [String] { state.withLock { $0.auth } }
    }

    func stub(_ script: Script) -> some ApplicationProtocol {
        let router = Router()
        router.post("v1/chat/completions") { request, context -> Response in
            var request = request
            let body = String(buffer: try await request.collectBody(upTo: 1 << 20))
            switch script.next(body: body, auth: request.headers[.authorization] ?? "") {
            case .ok(let text):
                let json = try JSONSerialization.data(withJSONObject: ["choices": [["message": ["role": "assistant", "content": text]]]])
                return Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(bytes: json)))
            case .status(let code):
                return Response(status: .init(code: code))
            case .slow:
                try await Task.sleep(for: .seconds(2))
                return Response(status: .ok)
            }
        }
        return Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)))
    }

    func testAIReadingRetriesTimesOutCountsAndSendsNothingIdentifying() async throws {
        let f = try await APIFixture()
        let store = f.store
        let foundA = try await store.users.find(login: "drA")
        let doctor = try XCTUnwrap(foundA)
        let p = try await store.patients.create(PatientDraft(firstName: "Dilfuza", lastName: "Xolmatova", middleName: "Rustamovna",
                                                             phone: "+998 90 765 43 21", birthDate: "1981-08-19", sex: .female,
                                                             address: "Chilonzor 9", nationalID: "31908810123456"), ownerID: doctor.id)
        let created = try await store.analyses.create(patientID: p.id, scope: .everyone, draft: AnalysisDraft(
            takenOn: "2026-06-14", lab: "Shifo Lab", comment: "Call her husband Bahodir", results: [
                LabResult(code: "718-7", value: 9.1, unit: "g/dL"), LabResult(code: "787-2", value: 70, unit: "fL")]))
        let analysis = try XCTUnwrap(created)
        let path = "/api/v1/patients/\(p.id.uuidString.lowercased())/analyses/\(analysis.id.uuidString.lowercased())"
        let script = Script()
        let app = f.app
        try await stub(script).test(.live) { stubClient in
            let port = try XCTUnwrap(stubClient.port)
            try await app.test(.router) { client in
                let token = try await client.login("drA")
                let off = try await client.json(.post, path + "/ai-reading", token: token)
                XCTAssertEqual(off.status, .conflict)
                XCTAssertEqual(off.errorCode, "ai_not_configured")

                var settings = store.settings.current
                settings.ai = AISettings(endpoint: "http://127.0.0.1:\(port)/v1/chat/completions", model: "test-model",
                                         key: "sk-test-secret-4471", monthlyLimit: 3)
                try await store.settings.save(settings)

                // 429, then 500, then an answer: stored as an AI reading beside the rules'.
                script.set([.status(429), .status(503), .ok("Iron deficiency anaemia is likely; check ferritin.")])
                let read = try await client.json(.post, path + "/ai-reading", token: token, headers: [.acceptLanguage: "ru"])
                XCTAssertEqual(read.status, .ok, String(buffer: read.body))
                let ai = try XCTUnwrap(read.object["aiReading"] as? [String: Any])
                XCTAssertEqual(ai["text"] as? String, "Iron deficiency anaemia is likely; check ferritin.")
                XCTAssertEqual(ai["model"] as? String, "test-model")
                XCTAssertFalse((read.object["reading"] as? [[String: Any]] ?? []).isEmpty, "the rules' reading stays")
                XCTAssertEqual(script.bodies.count, 3, "two retries")
                XCTAssertEqual(Set(script.auth), ["Bearer sk-test-secret-4471"])

                // Every attempt fails: 502, the rules' reading stands, the earlier AI reading too.
                script.set([.status(500), .status(502), .status(500), .status(504)])
                let down = try await client.json(.post, path + "/ai-reading", token: token)
                XCTAssertEqual(down.status, .badGateway)
                XCTAssertEqual(down.errorCode, "ai_unavailable")
                XCTAssertEqual(script.bodies.count, 7, "one try and three retries")

                // A server that does not answer in time: each attempt times out.
                script.set([.slow, .slow, .slow, .slow])
                let slow = try await client.json(.post, path + "/ai-reading", token: token)
                XCTAssertEqual(slow.status, .badGateway)
                XCTAssertEqual(script.bodies.count, 11)

                // The monthly limit (3) is used up: refused without calling the endpoint.
                let over = try await client.json(.post, path + "/ai-reading", token: token)
                XCTAssertEqual(over.status, .tooManyRequests)
                XCTAssertEqual(over.errorCode, "ai_limit_reached")
                XCTAssertEqual(script.bodies.count, 11)
                let month = String(LabDates.string(Date()).prefix(7))
                let used = try await store.settings.aiUses(owner: doctor.id, month: month)
                XCTAssertEqual(used, 3)

                // Another doctor cannot ask about this patient.
                let tokenB = try await client.login("drB")
                let foreign = try await client.json(.post, path + "/ai-reading", token: tokenB)
                XCTAssertEqual(foreign.status, .notFound)
            }
        }
        // Nothing identifying left the process.
        XCTAssertFalse(script.bodies.isEmpty)
        for body in script.bodies {
            for secret in ["Dilfuza", "Xolmatova", "Rustamovna", "765", "43 21", "1981", "08-19", "Chilonzor", "31908810123456",
                           "2026-06-14", "Shifo", "Bahodir", p.id.uuidString.lowercased(), analysis.id.uuidString.lowercased()] {
                XCTAssertFalse(body.contains(secret), "\(secret) was sent to the AI endpoint")
            }
            XCTAssertTrue(body.contains("\"ageBand\":\"40-49\"") || body.contains("40-49"), body)
            XCTAssertTrue(body.contains("718-7"), "the results are sent")
        }
        // The key and the AI text are sealed on disk.
        try store.close()
        let raw = try f.temp.rawBytes()
        XCTAssertFalse(raw.contains("sk-test-secret-4471"))
        XCTAssertFalse(raw.contains("Iron deficiency anaemia is likely"))
    }

    func testTheSettingsPageAndTheReportPageOfTheAIReading() async throws {
        let f = try await APIFixture()
        let store = f.store
        let foundA = try await store.users.find(login: "drA")
        let p = try await store.patients.create(PatientDraft(firstName: "Ali", lastName: "Valiyev", birthDate: "1950-02-02", sex: .male),
                                                ownerID: try XCTUnwrap(foundA).id)
        let created = try await store.analyses.create(patientID: p.id, scope: .everyone, draft: AnalysisDraft(
            takenOn: "2026-06-14", results: [LabResult(code: "2160-0", value: 2.1, unit: "mg/dL")]))
        let report = "/patients/\(p.id.uuidString.lowercased())/analyses/\(try XCTUnwrap(created).id.uuidString.lowercased())"
        let script = Script()
        let app = f.app
        try await stub(script).test(.live) { stubClient in
            let port = try XCTUnwrap(stubClient.port)
            try await app.test(.router) { client in
                let (admin, csrf) = try await client.signIn("admin", password: "admin-password")
                let base = "csrf=\(csrf)&clinicName=&defaultLanguage=en&idleTimeoutMinutes=30"
                let bad = try await client.post("/settings", cookie: admin, base + "&aiEndpoint=ftp%3A%2F%2Fx&aiModel=&aiKey=&aiMonthlyLimit=-1")
                XCTAssertEqual(bad.status, .unprocessableContent)
                XCTAssertFalse(store.settings.current.ai.isOn, "nothing saved")
                let endpoint = "http://127.0.0.1:\(port)/v1/chat/completions".addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
                let saved = try await client.post("/settings", cookie: admin,
                                                  base + "&aiEndpoint=\(endpoint)&aiModel=llama3&aiKey=sk-page-secret&aiMonthlyLimit=5")
                XCTAssertEqual(saved.status, .ok)
                XCTAssertFalse(String(buffer: saved.body).contains("sk-page-secret"), "the key is never shown again")
                XCTAssertEqual(store.settings.current.ai.key, "sk-page-secret")
                let keep = try await client.post("/settings", cookie: admin,
                                                 base + "&aiEndpoint=\(endpoint)&aiModel=llama3&aiKey=&aiMonthlyLimit=5")
                XCTAssertEqual(keep.status, .ok)
                XCTAssertEqual(store.settings.current.ai.key, "sk-page-secret", "a blank key keeps the saved one")

                let (doctor, doctorCSRF) = try await client.signIn()
                let page = String(buffer: try await client.execute(uri: report, method: .get, headers: [.cookie: doctor]).body)
                XCTAssertTrue(page.contains("/ai\""), "the button is offered once the AI is set up")
                script.set([.ok("Kidney function is reduced; repeat creatinine in 3 months.")])
                let asked = try await client.post(report + "/ai", cookie: doctor, "csrf=\(doctorCSRF)")
                XCTAssertEqual(asked.status, .seeOther)
                let after = String(buffer: try await client.execute(uri: report, method: .get, headers: [.cookie: doctor, .acceptLanguage: "ru"]).body)
                XCTAssertTrue(after.contains("Kidney function is reduced"))
                XCTAssertTrue(after.contains("llama3"), "marked with the model that wrote it")
                XCTAssertTrue(after.contains("ИИ-заключение"))
                script.set([.status(500), .status(500), .status(500), .status(500)])
                let down = try await client.post(report + "/ai", cookie: doctor, "csrf=\(doctorCSRF)")
                XCTAssertEqual(down.status, .badGateway)
                XCTAssertTrue(String(buffer: down.body).contains(ErrorText.aiUnavailable.text(.en)))
                XCTAssertTrue(String(buffer: down.body).contains("Kidney function is reduced"), "the earlier AI reading stays")
            }
        }
    }
}
