import Foundation
import GRDB
import MedoraCrypto

/// Patients erased for good: their ids and the time, nothing else. Kept in the database
/// (`erasures`, written in the erasure's transaction), in `<data>/erasures` beside it (a file no
/// restore replaces) and in an `erasures` file beside every backup (read by a restore elsewhere). Every open and every restore applies the file to the database, so a patient
/// erased after a backup was made does not come back when that backup (or any older copy of the
/// file) is put in place; and the file is brought up to date from the table, so an erasure whose
/// process died before the file was written is still carried. Each entry carries a MAC (audit
/// subkey): a line added by hand cannot erase anyone.
struct ErasureLedger: Sendable {
    let key: SecureBytes

    struct Entry: Sendable, Hashable {
        var patientID: UUID
        var at: Int64
    }

    init(keyring: Keyring) { key = keyring.subkey(.audit) }

    func mac(_ e: Entry) -> Data {
        var input = Array("medora-erasure-1".utf8)
        withUnsafeBytes(of: e.patientID.uuid) { input += $0 }
        withUnsafeBytes(of: e.at.bigEndian) { input += $0 }
        return Data(KeyedHash.digest(input, key: key))
    }

    // MARK: In the database

    func record(_ db: Database, _ e: Entry) throws {
        try db.execute(sql: "INSERT OR REPLACE INTO erasures (patient_id, erased_at, mac) VALUES (?, ?, ?)",
                       arguments: [e.patientID, e.at, mac(e)])
    }

    /// The table's entries whose MAC holds.
    func stored(_ db: Database) throws -> Set<Entry> {
        var out: Set<Entry> = []
        for row in try Row.fetchAll(db, sql: "SELECT patient_id, erased_at, mac FROM erasures") {
            guard let id = try? row.uuid("patient_id"), case .int64(let at) = row.storedValue("erased_at").storage,
                  case .blob(let tag) = row.storedValue("mac").storage else { continue }
            let e = Entry(patientID: id, at: at)
            if KeyedHash.equal(tag, mac(e)) { out.insert(e) }
        }
        return out
    }

    // MARK: The file beside it

    static func path(_ dir: DataDirectory) -> String { path(in: dir.url.path) }
    static func path(in folder: String) -> String { (folder as NSString).appendingPathComponent("erasures") }

    /// The file's entries whose MAC holds (none when there is no file; unreadable lines are skipped).
    func read(_ dir: DataDirectory) -> Set<Entry> { read(folder: dir.url.path) }

    func read(folder: String) -> Set<Entry> {
        guard let text = try? String(contentsOfFile: Self.path(in: folder), encoding: .utf8) else { return [] }
        var out: Set<Entry> = []
        for line in text.split(separator: "\n").prefix(1_000_000) {
            let parts = line.split(separator: " ")
            guard parts.count == 3, let id = UUID(uuidString: String(parts[0])), let at = Int64(parts[1]),
                  let tag = Hex.decode(String(parts[2])) else { continue }
            let e = Entry(patientID: id, at: at)
            if KeyedHash.equal(tag, mac(e)) { out.insert(e) }
        }
        return out
    }

    /// Rewrites the file with `entries` (durably: temp file, fsync, rename).
    func write(_ entries: Set<Entry>, to dir: DataDirectory) throws { try write(entries, folder: dir.url.path) }

    /// Adds entries to the file (a no-op when it holds them all already).
    func add(_ entries: Set<Entry>, folder: String) throws {
        let current = read(folder: folder)
        guard !entries.isSubset(of: current) else { return }
        try write(current.union(entries), folder: folder)
    }

    func write(_ entries: Set<Entry>, folder: String) throws {
        let lines = entries.sorted { ($0.at, $0.patientID.uuidString) < ($1.at, $1.patientID.uuidString) }.map { e in
            "\(e.patientID.uuidString.lowercased()) \(e.at) \(Hex.encode(mac(e)))\n"
        }
        try DurableFile.write(Data(lines.joined().utf8), to: Self.path(in: folder))
    }
}
