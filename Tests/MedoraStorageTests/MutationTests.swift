import Foundation
import GRDB
import MedoraCrypto
import MedoraTestSupport
import XCTest
@testable import MedoraStorage

/// Random damage to every table and column of a real database — bit flips, type changes, NULLs,
/// huge values, truncated blobs, deleted, duplicated and swapped rows, flipped file bytes — then
/// unlock, list, search, read every patient and check. Never a crash, never one patient's data
/// served as another's or altered, and any change to an authenticated row is named by `check`.
/// `MEDORA_MUTATIONS` sets how many (1,000 in `make test`, more in `make soak`).
final class MutationTests: XCTestCase {
    func testRandomDamageNeverCrashesLeaksOrGoesUnnamed() async throws {
        let count = Int(ProcessInfo.processInfo.environment["MEDORA_MUTATIONS"] ?? "") ?? 1000
        let pristine = try await Pristine.make()
        var rng = SplitMix(seed: UInt64(ProcessInfo.processInfo.environment["MEDORA_MUTATION_SEED"] ?? "") ?? 20261127)
        var applied = 0, opened = 0, refused = 0, detected = 0
        var attempts = 0
        while applied < count && attempts < count * 3 {
            attempts += 1
            let temp = try TempDataDirectory()
            try pristine.write(to: temp.dir)
            guard let mutation = try Mutator.apply(at: temp.dir.databasePath, rng: &rng) else { continue }
            applied += 1
            let store: MedoraStore
            do {
                store = try await temp.open(.keyfile(path: temp.dir.keyfilePath))
            } catch let e as MedoraError {
                // A refusal must be one of the clear ones (damaged file, tampered slot, ...).
                XCTAssertTrue([.corruptDatabase, .tamperedKeySlot, .wrongSecret, .notAccessible, .integrityDamaged]
                              .contains(e.kind), "\(mutation): \(e)")
                refused += 1
                continue
            }
            opened += 1
            try await verifyServedData(store, pristine, mutation)
            let report = try await store.check()
            if !report.isHealthy { detected += 1 }
            if mutation.changedAuthenticatedRow {
                XCTAssertFalse(report.isHealthy, "undetected: \(mutation)")
            }
            try? store.close()
        }
        XCTAssertEqual(applied, count, "enough mutations applied")
        print("mutations: \(applied) applied, \(opened) opened (\(detected) reported by check), \(refused) refused at unlock")
    }

    /// Everything served is exactly what was stored, for its own doctor.
    func verifyServedData(_ store: MedoraStore, _ pristine: Pristine, _ mutation: Mutator.Mutation) async throws {
        for doctor in pristine.doctors {
            var served: [Patient] = []
            do {
                served += try await store.patients.search(ownerID: doctor, query: nil, limit: 200, offset: 0).items
                served += try await store.patients.search(ownerID: doctor, query: "a", limit: 200, offset: 0).items
                for id in pristine.patients.keys {
                    do {
                        if let p = try await store.patients.find(id: id, ownerID: doctor) { served.append(p) }
                    } catch let e as MedoraError where e.kind == .recordDamaged {}
                }
            } catch let e as MedoraError {
                XCTAssertTrue([.corruptDatabase, .notAccessible].contains(e.kind), "\(mutation): \(e)")
            }
            for p in served {
                XCTAssertEqual(p.ownerID, doctor, "\(mutation): served to another doctor")
                XCTAssertEqual(p, pristine.patients[p.id], "\(mutation): served data differs from what was stored")
            }
            // Analyses: only this doctor's patients', exactly as stored.
            for id in pristine.patients.keys {
                do {
                    guard let list = try await store.analyses.list(patientID: id, scope: .owner(doctor)) else { continue }
                    XCTAssertEqual(list.patient.ownerID, doctor, "\(mutation): analyses of another doctor's patient")
                    for a in list.items {
                        XCTAssertEqual(a.patientID, id, "\(mutation): an analysis served under another patient")
                        XCTAssertEqual(a, pristine.analyses[a.id], "\(mutation): served analysis differs from what was stored")
                    }
                } catch let e as MedoraError {
                    XCTAssertTrue([.recordDamaged, .corruptDatabase, .notAccessible].contains(e.kind), "\(mutation): \(e)")
                }
            }
        }
    }
}

