import Foundation
import GRDB
import MedoraCrypto

/// Keeps row MACs and the per-table set digests in step with every write, inside the write's own
/// transaction, so a committed change always carries its MAC and its place in the digest.
///
/// The digest of a table is the sum of one keyed element per row MAC (`SetDigest`). A row rolled
/// back to an older copy keeps a valid MAC but changes the sum; a deleted row removes an element
/// the digest still counts; a row from another file has a MAC under another key. Each table's
/// digest row carries its own MAC: while that MAC fails, writes to the table are refused rather
/// than letting a new MAC vouch for a forged digest.
struct IntegrityLedger: Sendable {
    let auth: RowAuthenticator

    struct Digest: Sendable, Equatable {
        var sum: SetDigest
        var count: Int64
    }

    enum DigestState: Sendable, Equatable {
        case valid(Digest)
        /// No digest row: a table created before integrity existed, or a deleted row.
        case missing
        /// The digest row does not authenticate.
        case forged
    }

    // MARK: Digest rows

    func digest(_ db: Database, _ table: AuthenticatedTable) throws -> DigestState {
        guard let row = try Row.fetchOne(db, sql: "SELECT digest, row_count, mac FROM integrity_digests WHERE table_name = ?",
                                         arguments: [table.name]) else { return .missing }
        guard case .blob(let bytes) = row.storedValue("digest").storage, let sum = SetDigest(bytes: bytes),
              case .int64(let count) = row.storedValue("row_count").storage,
              case .blob(let mac) = row.storedValue("mac").storage,
              KeyedHash.equal(mac, auth.digestMAC(table: table.name, digest: bytes, count: count)) else { return .forged }
        return .valid(Digest(sum: sum, count: count))
    }

    func store(_ db: Database, _ table: AuthenticatedTable, _ d: Digest) throws {
        let bytes = d.sum.bytes
        try db.execute(sql: """
            INSERT INTO integrity_digests (table_name, digest, row_count, mac) VALUES (?, ?, ?, ?)
            ON CONFLICT(table_name) DO UPDATE SET digest = excluded.digest, row_count = excluded.row_count, mac = excluded.mac
            """, arguments: [table.name, bytes, d.count, auth.digestMAC(table: table.name, digest: bytes, count: d.count)])
    }

    /// The digest that writes build on: refused when the stored one is forged.
    private func current(_ db: Database, _ table: AuthenticatedTable) throws -> Digest {
        switch try digest(db, table) {
        case .valid(let d): return d
        case .missing: return Digest(sum: SetDigest(), count: 0)
        case .forged: throw MedoraError(.integrityDamaged, ["table": table.name])
        }
    }

    // MARK: Writes

    /// After inserting or updating the rows with these ids: gives each a fresh MAC and moves the
    /// table's digest from each row's old MAC (if any) to the new one. Returns the rows as stored.
    @discardableResult
    func seal(_ db: Database, _ table: AuthenticatedTable, ids: [UUID]) throws -> [Row] {
        var d = try current(db, table)
        var stored: [Row] = []
        let select = try db.cachedStatement(sql: table.selectAll + " WHERE id = ?")
        let update = try db.cachedStatement(sql: "UPDATE \(table.name) SET row_mac = ? WHERE id = ?")
        for id in ids {
            guard let row = try Row.fetchOne(select, arguments: [id]) else { continue }
            let mac = auth.mac(table, row)
            if case .blob(let old) = table.storedMAC(row) {
                d.sum.subtract(auth.element(table, mac: old))
            } else {
                d.count += 1
            }
            d.sum.add(auth.element(table, mac: mac))
            try update.execute(arguments: [mac, id])
            stored.append(row)
        }
        try store(db, table, d)
        return stored
    }

    /// `seal` for one row; the row as stored, if it exists.
    @discardableResult
    func seal(_ db: Database, _ table: AuthenticatedTable, id: UUID) throws -> Row? {
        try seal(db, table, ids: [id]).first
    }

    /// Deletes the rows `whereClause` selects and takes their MACs out of the digest. Returns how many.
    @discardableResult
    func delete(_ db: Database, _ table: AuthenticatedTable, where whereClause: String,
                arguments: StatementArguments) throws -> Int {
        let macs = try Row.fetchAll(db, sql: "DELETE FROM \(table.name) WHERE \(whereClause) RETURNING row_mac",
                                    arguments: arguments)
        guard !macs.isEmpty else { return 0 }
        var d = try current(db, table)
        for row in macs {
            if case .blob(let old) = row.storedValue("row_mac").storage { d.sum.subtract(auth.element(table, mac: old)) }
            d.count -= 1
        }
        try store(db, table, d)
        return macs.count
    }

    // MARK: Whole tables

    /// The digest of the rows as they are (inside a write, for `acceptCurrentSet`).
    func digestOfRows(_ db: Database, _ table: AuthenticatedTable) throws -> Digest {
        var d = Digest(sum: SetDigest(), count: 0)
        let rows = try Row.fetchCursor(db, sql: table.selectAll)
        while let row = try rows.next() { fold(&d, table, row) }
        return d
    }

    /// The digest of the rows as they are and the rows whose MAC fails (as damage), read across cores.
    func scan(_ database: AppDatabase, _ table: AuthenticatedTable) throws -> (digest: Digest, unauthenticated: [DamagedRecord]) {
        let parts = try database.scanInParallel(table: table.name, select: table.selectAll,
                                                empty: { (Digest(sum: SetDigest(), count: 0), [DamagedRecord]()) }) { part, row in
            fold(&part.0, table, row)
            if !auth.verify(table, row) { part.1.append(DamagedRecord(unauthenticated: row, table: table)) }
        }
        var d = Digest(sum: SetDigest(), count: 0)
        for p in parts { d.sum.add(p.0.sum); d.count += p.0.count }
        return (d, parts.flatMap(\.1))
    }

    /// How the stored digest of `table` compares with `actual`: no finding when they agree.
    func findings(_ database: AppDatabase, _ table: AuthenticatedTable, actual: Digest) throws -> [DigestFinding] {
        let stored = try database.readSync { db in try digest(db, table) }
        return try DigestFinding.compare(table.name, stored: stored, actual: actual)
    }

    /// Adds one row read with `table.selectAll` to a digest.
    func fold(_ d: inout Digest, _ table: AuthenticatedTable, _ row: Row) {
        d.count += 1
        if case .blob(let mac) = table.storedMAC(row) { d.sum.add(auth.element(table, mac: mac)) }
    }

    /// Gives every row of `table` a MAC and stores the digest of them all. Only for rows written
    /// before row MACs existed (the migration that adds them).
    func sealAll(_ db: Database, _ table: AuthenticatedTable) throws {
        var d = Digest(sum: SetDigest(), count: 0)
        let rows = try Row.fetchAll(db, sql: table.selectAll)
        for row in rows {
            let mac = auth.mac(table, row)
            try db.execute(sql: "UPDATE \(table.name) SET row_mac = ? WHERE rowid = ?", arguments: [mac, row.storedValue("row_number")])
            d.sum.add(auth.element(table, mac: mac))
            d.count += 1
        }
        try store(db, table, d)
    }

    /// After a migration added columns to `old`'s table: every row that authenticates under the
    /// old column list gets its MAC over the new one, and the stored digest moves from the old MACs
    /// to the new. A row that did not authenticate keeps its MAC (and stays damaged), and whatever
    /// the digest disagreed with before (a deleted or added row) it still disagrees with.
    func remac(_ db: Database, from old: AuthenticatedTable, to new: AuthenticatedTable) throws {
        let state = try digest(db, new)
        var d: Digest? = if case .valid(let d) = state { d } else { nil }
        let rows = try Row.fetchAll(db, sql: new.selectAll + " ORDER BY rowid")
        let oldRows = try Row.fetchAll(db, sql: old.selectAll + " ORDER BY rowid")
        for (row, oldRow) in zip(rows, oldRows) where auth.verify(old, oldRow) {
            guard case .blob(let oldMAC) = old.storedMAC(oldRow) else { continue }
            let mac = auth.mac(new, row)
            try db.execute(sql: "UPDATE \(new.name) SET row_mac = ? WHERE rowid = ?", arguments: [mac, row.storedValue("row_number")])
            d?.sum.subtract(auth.element(old, mac: oldMAC))
            d?.sum.add(auth.element(new, mac: mac))
        }
        if let d { try store(db, new, d) }
    }

    /// Accepts the rows as they now are: stores the digest of the current set (the rows whose own
    /// MAC fails stay damaged). The explicit repair step after an administrator has reviewed
    /// `check`'s report.
    func acceptCurrentSet(_ db: Database, _ table: AuthenticatedTable) throws {
        try store(db, table, try digestOfRows(db, table))
    }
}
