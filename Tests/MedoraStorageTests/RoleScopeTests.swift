import Foundation
import GRDB
import XCTest
import MedoraTestSupport
@testable import MedoraStorage

/// Roles in the core: who sees which patients, the rules on changing roles, the password policy,
/// the settings, and the dashboard's cached counts.
final class RoleScopeTests: XCTestCase {
    var temp: TempDataDirectory!
    var store: MedoraStore!
    var clock: MutableClock!

    override func setUp() async throws {
        temp = try TempDataDirectory()
        try await temp.initialize()
        clock = MutableClock(Date())
        store = try await temp.open(clock: clock)
    }

    override func tearDown() async throws {
        try? store?.close()
        store = nil
        temp = nil
    }

    func user(_ login: String, _ role: User.Role, doctor: UUID? = nil) async throws -> User {
        try await store.users.create(login: login, password: "long-enough-pass", displayName: login, role: role, doctorID: doctor)
    }

    func testEachRoleSeesItsPatientsAndTheAdministratorsListMergesEveryDoctorInNameOrder() async throws {
        let a = try await user("dr.a", .doctor), b = try await user("dr.b", .doctor)
        let helper = try await user("helper", .assistant, doctor: a.id)
        let loose = try await user("loose", .assistant)
        let found = try await store.users.find(login: "admin")
        let admin = try XCTUnwrap(found)
        let names = ["Karimova", "Aliyev", "Зокирова", "Usmonov", "Бекова", "Xolmatov", "Ahmedova", "Юсупов"]
        var owners: [UUID: UUID] = [:]
        for (i, last) in names.enumerated() {
            let owner = i % 2 == 0 ? a.id : b.id
            let p = try await store.patients.create(PatientDraft(firstName: ["Ali", "Vali", "Gani", "Sobir"][i % 4], lastName: last),
                                                   ownerID: owner)
            owners[p.id] = owner
        }
        let idOfA = try XCTUnwrap(owners.first { $0.value == a.id }?.key)
        let idOfB = try XCTUnwrap(owners.first { $0.value == b.id }?.key)

        XCTAssertEqual(helper.patientScope, .owner(a.id))
        XCTAssertEqual(loose.patientScope, .nobody)
        XCTAssertEqual(admin.patientScope, .everyone)
        XCTAssertEqual(helper.ownerOfNewPatients, a.id)
        XCTAssertNil(loose.ownerOfNewPatients)

        // The administrator's list is every patient, in the same order a single list would have.
        let all = try await store.patients.search(scope: .everyone, query: nil, limit: 100, offset: 0)
        XCTAssertEqual(all.total, names.count)
        let byA = try await store.patients.search(scope: .owner(a.id), query: nil, limit: 100, offset: 0).items
        let byB = try await store.patients.search(scope: .owner(b.id), query: nil, limit: 100, offset: 0).items
        XCTAssertEqual(Set(all.items.map(\.id)), Set((byA + byB).map(\.id)))
        // The same order as one index holding every patient under one owner, listing and searching.
        let single = PatientSearchIndex(), one = UUID()
        single.replaceAll(all.items.map { p in
            var d = p.searchDocument
            d.ownerID = one
            return d
        })
        XCTAssertEqual(all.items.map(\.id), single.search(ownerID: one, query: nil, limit: 100, offset: 0).ids, "merged in name order")
        for query in ["ov", "a", "ова"] {
            let merged = try await store.patients.search(scope: .everyone, query: query, limit: 100, offset: 0)
            XCTAssertEqual(merged.items.map(\.id), single.search(ownerID: one, query: query, limit: 100, offset: 0).ids, query)
            XCTAssertEqual(merged.total, single.search(ownerID: one, query: query, limit: 100, offset: 0).total, query)
        }
        // Paging walks the same order without gaps or repeats.
        var paged: [UUID] = []
        for offset in stride(from: 0, to: names.count, by: 3) {
            paged += try await store.patients.search(scope: .everyone, query: nil, limit: 3, offset: offset).items.map(\.id)
        }
        XCTAssertEqual(paged, all.items.map(\.id))
        // A search across doctors finds both scripts.
        let hits = try await store.patients.search(scope: .everyone, query: "zokir", limit: 10, offset: 0)
        XCTAssertEqual(hits.items.map(\.details.lastName), ["Зокирова"])

        // Reads and writes outside the scope find nothing.
        let fromA = try await store.patients.find(id: idOfA, scope: helper.patientScope)
        XCTAssertNotNil(fromA)
        let fromB = try await store.patients.find(id: idOfB, scope: helper.patientScope)
        XCTAssertNil(fromB)
        let none = try await store.patients.find(id: idOfA, scope: .nobody)
        XCTAssertNil(none)
        let loosePage = try await store.patients.search(scope: .nobody, query: nil, limit: 10, offset: 0)
        XCTAssertEqual(loosePage.total, 0)
        let foreignEdit = try await store.patients.update(id: idOfB, scope: .owner(a.id),
                                                          details: PatientDraft(firstName: "X", lastName: "Y"), expectedVersion: nil)
        XCTAssertNil(foreignEdit)
        // The administrator edits any patient; the owner stays the doctor.
        let edited = try await store.patients.update(id: idOfB, scope: .everyone, details: PatientDraft(firstName: "Nodira", lastName: "Aliyeva"),
                                                     expectedVersion: nil)
        XCTAssertEqual(edited?.ownerID, b.id)
        let deletedByAdmin = try await store.patients.delete(id: idOfB, scope: .everyone)
        XCTAssertTrue(deletedByAdmin)
    }

    func testTheRoleMatrix() {
        XCTAssertEqual(Permission.allCases.filter(User.Role.admin.may), Permission.allCases)
        XCTAssertEqual(Permission.allCases.filter(User.Role.doctor.may), [.workOnPatients, .deletePatients, .exportPatients])
        XCTAssertEqual(Permission.allCases.filter(User.Role.assistant.may), [.workOnPatients])
    }

    func testRoleChangesFollowTheRulesAndEndSessions() async throws {
        let found = try await store.users.find(login: "admin")
        let admin = try XCTUnwrap(found)
        let a = try await user("dr.a", .doctor)
        let other = try await user("other", .doctor)
        let (token, _) = try await store.sessions.create(userID: other.id, ip: nil, userAgent: nil)

        // An assistant's doctor must be an active doctor, not themselves.
        for bad in [nil, admin.id, other.id, UUID()] as [UUID?] where bad != other.id {
            do {
                try await store.users.setRole(userID: other.id, role: .assistant, doctorID: bad)
                XCTFail("assistant of \(String(describing: bad))")
            } catch let e as MedoraError { XCTAssertEqual(e.kind, .validationFailed) }
        }
        try await store.users.setRole(userID: other.id, role: .assistant, doctorID: a.id)
        let changed = try await store.users.find(id: other.id)
        XCTAssertEqual(changed?.role, .assistant)
        XCTAssertEqual(changed?.doctorID, a.id)
        let resolved = try await store.sessions.resolve(token: token)
        XCTAssertNil(resolved, "a role change ends the user's sessions")

        // A doctor who owns patients or has assistants does not become an assistant.
        _ = try await store.patients.create(PatientDraft(firstName: "Ali", lastName: "Valiyev"), ownerID: a.id)
        do {
            try await store.users.setRole(userID: a.id, role: .assistant, doctorID: nil)
            XCTFail("a doctor with patients became an assistant")
        } catch let e as MedoraError { XCTAssertTrue([.validationFailed, .roleChangeRefused].contains(e.kind)) }
        let third = try await user("dr.c", .doctor)
        do {
            try await store.users.setRole(userID: a.id, role: .assistant, doctorID: third.id)
            XCTFail("a doctor with patients became an assistant")
        } catch let e as MedoraError { XCTAssertEqual(e.kind, .roleChangeRefused) }

        // The last administrator stays one.
        do {
            try await store.users.setRole(userID: admin.id, role: .doctor, doctorID: nil)
            XCTFail("the last administrator was demoted")
        } catch let e as MedoraError { XCTAssertEqual(e.kind, .lastAdministrator) }

        // Leaving the assistant role clears the doctor; deleting a doctor frees their assistants.
        try await store.users.setRole(userID: other.id, role: .doctor, doctorID: a.id)
        let doctorAgain = try await store.users.find(id: other.id)
        XCTAssertNil(doctorAgain?.doctorID)
        let helper = try await user("helper", .assistant, doctor: third.id)
        try await store.users.delete(userID: third.id)
        let freed = try await store.users.find(id: helper.id)
        XCTAssertNil(freed?.doctorID)
        XCTAssertEqual(freed?.patientScope, .nobody)
        let report = try await store.check()
        XCTAssertTrue(report.isHealthy, "every change was sealed: \(report.damaged) \(report.rowSets)")
    }

    func testPasswordPolicyRefusesShortCommonAndLoginLikePasswords() async throws {
        for (password, code) in [("short", ValidationIssue.Code.tooShort), ("qwertyuiop", .commonPassword),
                                 ("Password123", .commonPassword), ("1234567890", .commonPassword),
                                 ("nodira1990!", .commonPassword)] {
            do {
                _ = try await store.users.create(login: "nodira", password: password, displayName: "Nodira", role: .doctor)
                XCTFail("\(password) accepted")
            } catch let e as MedoraError {
                XCTAssertEqual(e.issues.first { $0.field == "password" }?.code, code, password)
            }
        }
        let ok = try await store.users.create(login: "nodira", password: "green tea at noon", displayName: "Nodira", role: .doctor)
        do {
            try await store.users.setPassword(userID: ok.id, password: "parol12345")
            XCTFail("a common password was set")
        } catch let e as MedoraError { XCTAssertEqual(e.issues.first?.code, .commonPassword) }
        let still = try await store.users.authenticate(login: "nodira", password: "green tea at noon")
        XCTAssertNotNil(still, "a refused change keeps the old password")
    }

    func testSettingsPersistAndAnEditedRowFallsBackToTheStandardValue() async throws {
        XCTAssertEqual(store.settings.current, .standard)
        let new = try ClinicSettings.validated(clinicName: "  Shifo klinikasi ", defaultLanguage: "uz", idleMinutes: "15")
        try await store.settings.save(new)
        XCTAssertEqual(store.settings.current.clinicName, "Shifo klinikasi")
        XCTAssertEqual(store.sessionRepository.activity.idle, 15 * 60, "the idle timeout takes effect at once")
        for (name, lang, minutes, field) in [("x", "de", "15", "defaultLanguage"), ("x", "en", "4", "idleTimeoutMinutes"),
                                             ("x", "en", "ten", "idleTimeoutMinutes"),
                                             (String(repeating: "a", count: 121), "en", "30", "clinicName"),
                                             ("a\u{7}b", "en", "30", "clinicName")] {
            XCTAssertThrowsError(try ClinicSettings.validated(clinicName: name, defaultLanguage: lang, idleMinutes: minutes)) { e in
                XCTAssertEqual((e as? MedoraError)?.issues.first?.field, field)
            }
        }
        try store.close()
        store = try await temp.open(clock: clock)
        XCTAssertEqual(store.settings.current, new, "kept across restarts")
        XCTAssertEqual(store.sessionRepository.activity.idle, 15 * 60)

        // A value edited in the file does not authenticate: the standard one is used, check names it.
        try store.close()
        let queue = try DatabaseQueue(path: temp.dir.databasePath)
        try await queue.write { db in try db.execute(sql: "UPDATE settings SET value = '480' WHERE key = 'idle_timeout_minutes'") }
        try queue.close()
        store = try await temp.open(clock: clock)
        XCTAssertEqual(store.settings.current.idleTimeout, ClinicSettings.standard.idleTimeout)
        XCTAssertEqual(store.settings.current.clinicName, "Shifo klinikasi", "the intact rows still count")
        let report = try await store.check()
        XCTAssertTrue(report.damaged.contains { $0.table == "settings" }, "\(report.damaged)")
    }

    func testDashboardCountsAreCachedForFiveMinutesAndDroppedByEveryWrite() async throws {
        let a = try await user("dr.a", .doctor)
        let monthStart = clock.now().addingTimeInterval(-3600)
        let first = try await store.patients.statistics(scope: .owner(a.id), since: monthStart, recent: 5)
        XCTAssertEqual(first.patients, 0)
        let p = try await store.patients.create(PatientDraft(firstName: "Ali", lastName: "Valiyev"), ownerID: a.id)
        let afterCreate = try await store.patients.statistics(scope: .owner(a.id), since: monthStart, recent: 5)
        XCTAssertEqual(afterCreate.patients, 1, "a write drops the cached counts")
        XCTAssertEqual(afterCreate.createdSince, 1)
        XCTAssertEqual(afterCreate.recent.map(\.id), [p.id])
        let everyone = try await store.patients.statistics(scope: .everyone, since: monthStart, recent: 5)
        XCTAssertEqual(everyone.patients, 1)
        _ = try await store.analyses.create(patientID: p.id, scope: .owner(a.id), draft: AnalysisDraft(
            takenOn: LabDates.string(clock.now()), results: [LabResult(code: "718-7", value: 13, unit: "g/dL")]))
        let withAnalysis = try await store.patients.statistics(scope: .owner(a.id), since: monthStart, recent: 5)
        XCTAssertEqual(withAnalysis.analyses, 1, "an analysis write drops the cached counts too")

        // A row added behind the repository's back is not seen until the cache entry expires.
        try await store.database.write { db in
            let copy = try Row.fetchOne(db, sql: "SELECT * FROM patients")!
            var values = Dictionary(uniqueKeysWithValues: copy.columnNames.map { ($0, copy[$0] as DatabaseValue) })
            values["id"] = UUID().databaseValue
            let columns = values.keys.sorted()
            try db.execute(sql: "INSERT INTO patients (\(columns.joined(separator: ", "))) VALUES (\(databaseQuestionMarks(count: columns.count)))",
                           arguments: StatementArguments(columns.map { values[$0]! }))
        }
        let cached = try await store.patients.statistics(scope: .owner(a.id), since: monthStart, recent: 5)
        XCTAssertEqual(cached.patients, 1, "served from the cache")
        clock.set(clock.now().addingTimeInterval(StatisticsCache.lifetime + 1))
        let fresh = try await store.patients.statistics(scope: .owner(a.id), since: monthStart, recent: 5)
        XCTAssertEqual(fresh.patients, 2, "read again after five minutes")
    }
}
