import Foundation
import GRDB
import MedoraStorage

/// A small clinic's database as written (two doctors, live, edited and deleted patients, their
/// analyses, sessions, the clinic's settings), to be copied and damaged.
public struct Pristine: Sendable {
    public var file: Data
    public var keyfile: Data
    /// The live patients by id, as stored.
    public var patients: [UUID: Patient]
    /// The analyses of the live patients, by id, as stored.
    public var analyses: [UUID: Analysis] = [:]
    public var doctors: [UUID]
    public static let doctorLogins = ["dr.a", "dr.b"]
    public static let password = "doctor-password"

    /// Writes the pristine database and keyfile into `dir`.
    public func write(to dir: DataDirectory) throws {
        try dir.createDirectories()
        FileManager.default.createFile(atPath: dir.databasePath, contents: file)
        FileManager.default.createFile(atPath: dir.keyfilePath, contents: keyfile, attributes: [.posixPermissions: 0o600])
    }

    public static func make() async throws -> Pristine {
        let temp = try TempDataDirectory()
        try await temp.initialize(keyfile: true)
        let store = try await temp.open(.keyfile(path: temp.dir.keyfilePath))
        var generator = SampleNames(seed: 11)
        var doctors: [UUID] = []
        var patients: [UUID: Patient] = [:]
        var analyses: [UUID: Analysis] = [:]
        for login in doctorLogins {
            let d = try await store.users.create(login: login, password: password, displayName: "Doctor \(login)", role: .doctor)
            doctors.append(d.id)
            _ = try await store.sessions.create(userID: d.id, ip: "127.0.0.1", userAgent: "test")
            for i in 0..<10 {
                let p = try await store.patients.create(generator.draft(), ownerID: d.id)
                patients[p.id] = p
                if i % 4 == 1, var edited = patients[p.id] {
                    edited.details[.notes] = "Edited \(i)"
                    patients[p.id] = try await store.patients.update(id: p.id, ownerID: d.id, details: edited.details, expectedVersion: nil)
                }
                if i % 5 == 3 {
                    _ = try await store.patients.delete(id: p.id, ownerID: d.id)
                    patients[p.id] = nil
                } else if i % 3 == 0 {
                    let draft = AnalysisDraft(takenOn: "2025-0\(i % 9 + 1)-1\(i % 9)", lab: "Lab \(i)", results: [
                        LabResult(code: "718-7", value: 11 + Double(i) / 2, unit: "g/dL"), LabResult(code: "2345-7", value: 5.4, unit: "mmol/L")])
                    if let a = try await store.analyses.create(patientID: p.id, scope: .owner(d.id), draft: draft) { analyses[a.id] = a }
                }
            }
        }
        try await store.settings.save(ClinicSettings(clinicName: "Pristine clinic", defaultLanguage: .uz, idleTimeout: 900))
        try store.close()
        let file = FileManager.default.contents(atPath: temp.dir.databasePath) ?? Data()
        let keyfile = FileManager.default.contents(atPath: temp.dir.keyfilePath) ?? Data()
        return Pristine(file: file, keyfile: keyfile, patients: patients, analyses: analyses, doctors: doctors)
    }
}

/// Random damage done through a plain SQLite connection, or to the file's bytes.
public enum Mutator {
    public struct Mutation: CustomStringConvertible, Sendable {
        public var table: String
        public var what: String
        /// The bytes of a row of an authenticated table (or its digest) changed, or a row came or went.
        public var changedAuthenticatedRow: Bool
        public var description: String { "\(table): \(what)" }
    }

    static let tables = ["patients", "users", "sessions", "analyses", "settings", "key_slots", "integrity_digests", "meta"]
    static let authenticated: Set<String> = ["patients", "users", "sessions", "analyses", "settings", "integrity_digests"]

    public static func apply(at path: String, rng: inout SplitMix) throws -> Mutation? {
        if rng.below(100) < 3 { return try flipFileByte(at: path, rng: &rng) }
        let queue = try DatabaseQueue(path: path)
        defer { try? queue.close() }
        return try queue.write { db -> Mutation? in
            try db.execute(sql: "PRAGMA ignore_check_constraints = ON; PRAGMA foreign_keys = OFF")
            let table = tables[rng.below(tables.count)]
            let rowids = try Int64.fetchAll(db, sql: "SELECT rowid FROM \(table)")
            guard !rowids.isEmpty else { return nil }
            let rowid = rowids[rng.below(rowids.count)]
            let columns = try Row.fetchAll(db, sql: "PRAGMA table_info(\(table))").compactMap { $0["name"] as String? }
            let column = columns[rng.below(columns.count)]
            let before = try Row.fetchOne(db, sql: "SELECT * FROM \(table) WHERE rowid = ?", arguments: [rowid])
            let kind = rng.below(10)
            var what: String
            do {
                switch kind {
                case 0:
                    what = "flip a bit of \(column)"
                    try db.execute(sql: "UPDATE \(table) SET \(column) = ? WHERE rowid = ?",
                                   arguments: [flipBit(before?[column] as DatabaseValue? ?? .null, rng: &rng), rowid])
                case 1:
                    let values: [DatabaseValue] = ["garbage".databaseValue, 12345.databaseValue, 1.5.databaseValue,
                                                   Data([0]).databaseValue, "".databaseValue]
                    let v = values[rng.below(values.count)]
                    what = "set \(column) to \(v)"
                    try db.execute(sql: "UPDATE \(table) SET \(column) = ? WHERE rowid = ?", arguments: [v, rowid])
                case 2:
                    what = "set \(column) to NULL"
                    try db.execute(sql: "UPDATE \(table) SET \(column) = NULL WHERE rowid = ?", arguments: [rowid])
                case 3:
                    let v = [Int64.max, Int64.min, -1, 0, Int64(Int32.max) + 1][rng.below(5)]
                    what = "set \(column) to \(v)"
                    try db.execute(sql: "UPDATE \(table) SET \(column) = ? WHERE rowid = ?", arguments: [v, rowid])
                case 4:
                    what = "truncate \(column)"
                    try db.execute(sql: "UPDATE \(table) SET \(column) = substr(\(column), 1, length(\(column)) / 2) WHERE rowid = ?",
                                   arguments: [rowid])
                case 5:
                    what = "delete the row"
                    try db.execute(sql: "DELETE FROM \(table) WHERE rowid = ?", arguments: [rowid])
                case 6:
                    what = "duplicate the row under a new key"
                    let key = columns[0]
                    let others = columns.dropFirst().joined(separator: ", ")
                    try db.execute(sql: "INSERT INTO \(table) (\(key), \(others)) SELECT ?, \(others) FROM \(table) WHERE rowid = ?",
                                   arguments: [table == "integrity_digests" || table == "meta" ? "x\(rowid)".databaseValue
                                               : Data((0..<16).map { _ in UInt8(rng.below(256)) }).databaseValue, rowid])
                case 7:
                    let other = rowids[rng.below(rowids.count)]
                    what = "swap \(column) with row \(other)"
                    let a = before?[column] as DatabaseValue? ?? .null
                    let b = try DatabaseValue.fetchOne(db, sql: "SELECT \(column) FROM \(table) WHERE rowid = ?", arguments: [other]) ?? .null
                    try db.execute(sql: "UPDATE \(table) SET \(column) = ? WHERE rowid = ?", arguments: [b, rowid])
                    try db.execute(sql: "UPDATE \(table) SET \(column) = ? WHERE rowid = ?", arguments: [a, other])
                case 8:
                    what = "set \(column) to a huge blob"
                    try db.execute(sql: "UPDATE \(table) SET \(column) = zeroblob(2000000) WHERE rowid = ?", arguments: [rowid])
                default:
                    what = "replace \(column) with random bytes"
                    try db.execute(sql: "UPDATE \(table) SET \(column) = ? WHERE rowid = ?",
                                   arguments: [Data((0..<rng.below(80)).map { _ in UInt8(rng.below(256)) }), rowid])
                }
            } catch is DatabaseError {
                return nil // a constraint SQLite itself enforces (NOT NULL, UNIQUE): not a damage this file can hold
            }
            let after = try Row.fetchOne(db, sql: "SELECT * FROM \(table) WHERE rowid = ?", arguments: [rowid])
            // A digest row for a table that does not exist changes nothing that is checked.
            let changed = (kind == 6 && table != "integrity_digests") || before != after
            return Mutation(table: table, what: what, changedAuthenticatedRow: authenticated.contains(table) && changed)
        }
    }

    static func flipBit(_ value: DatabaseValue, rng: inout SplitMix) -> DatabaseValue {
        switch value.storage {
        case .blob(var d) where !d.isEmpty:
            let i = rng.below(d.count)
            d[d.startIndex + i] ^= UInt8(1 << rng.below(8))
            return d.databaseValue
        case .string(let s) where !s.isEmpty:
            var bytes = Array(s.utf8)
            let i = rng.below(bytes.count)
            bytes[i] ^= UInt8(1 << rng.below(7))
            return String(decoding: bytes, as: UTF8.self).databaseValue
        case .int64(let v): return (v ^ (1 << Int64(rng.below(63)))).databaseValue
        default: return 1.databaseValue
        }
    }

    /// One flipped byte anywhere in the file past its header.
    static func flipFileByte(at path: String, rng: inout SplitMix) throws -> Mutation? {
        guard var bytes = FileManager.default.contents(atPath: path), bytes.count > 200 else { return nil }
        let i = 100 + rng.below(bytes.count - 100)
        bytes[i] ^= 0xFF
        try bytes.write(to: URL(fileURLWithPath: path))
        return Mutation(table: "file", what: "flip byte \(i)", changedAuthenticatedRow: false)
    }
}

/// Varied synthetic names for the pristine clinic.
public struct SampleNames {
    var rng: SplitMix
    public init(seed: UInt64) { rng = SplitMix(seed: seed) }
    static let first = ["Shoxrux", "Gulnora", "Jasur", "Dilnoza", "Malika", "Азиз", "Нодира", "Ivan", "Ольга", "Oʻgʻiloy"]
    static let last = ["Toshmatov", "Karimova", "Qodirov", "Yusupova", "Aliyeva", "Рахимов", "Ким", "Petrov", "Усмонова", "Xolmatov"]
    public mutating func draft() -> PatientDraft {
        PatientDraft(firstName: Self.first[rng.below(10)], lastName: Self.last[rng.below(10)],
                     phone: rng.below(3) == 0 ? nil : "+99890\(1_000_000 + rng.below(8_999_999))",
                     birthDate: "19\(50 + rng.below(49))-0\(1 + rng.below(9))-1\(rng.below(9))",
                     sex: rng.below(2) == 0 ? .male : .female, address: rng.below(2) == 0 ? "Toshkent" : nil,
                     nationalID: rng.below(2) == 0 ? "AB\(rng.below(9_999_999))" : nil, notes: rng.below(4) == 0 ? "Allergy" : nil)
    }
}

extension TempDataDirectory {
    /// Edits the database with a plain SQLite connection, as someone with the file would; `ids`
    /// bind in order, as stored (16-byte blobs).
    public func tamper(_ sql: String, _ ids: UUID...) throws {
        let queue = try DatabaseQueue(path: dir.databasePath)
        defer { try? queue.close() }
        try queue.write { db in try db.execute(sql: sql, arguments: StatementArguments(ids)) }
    }
}
