import Foundation
import GRDB
import Synchronization

extension AppDatabase {
    /// Reads every row of `table` with `select` (which must read from it without a WHERE clause),
    /// split into rowid ranges, each worker on its own reader connection folding its rows into one
    /// `Part`: reading, hashing and decrypting all scale with cores. Parts come back in rowid order.
    func scanInParallel<Part: Sendable>(table: String, select: String, empty: @Sendable () -> Part,
                                        _ fold: @Sendable @escaping (inout Part, Row) throws -> Void) throws -> [Part] {
        let bounds = try readSync { db in try Row.fetchOne(db, sql: "SELECT MIN(rowid) AS low, MAX(rowid) AS high FROM \(table)") }
        let low = bounds.flatMap { try? $0.value("low", as: Int64.self) } ?? 0
        let high = bounds.flatMap { try? $0.value("high", as: Int64.self) } ?? -1
        let parts = max(1, ProcessInfo.processInfo.activeProcessorCount) * 4
        let span = max(1, (high - low) / Int64(parts) + 1)
        let results = Mutex<[Part]>((0..<parts).map { _ in empty() })
        let failure = Mutex<Error?>(nil)
        let (pool, path) = (self.pool, self.path)
        DispatchQueue.concurrentPerform(iterations: parts) { i in
            let from = low + Int64(i) * span, to = min(high, from + span - 1)
            guard from <= to else { return }
            do {
                let part = try pool.read { db in
                    var part = empty()
                    let rows = try Row.fetchCursor(db, sql: select + " WHERE rowid BETWEEN ? AND ?", arguments: [from, to])
                    while let row = try rows.next() { try fold(&part, row) }
                    return part
                }
                results.withLock { $0[i] = part }
            } catch {
                failure.withLock { $0 = AppDatabase.mapError(error, path: path) }
            }
        }
        if let error = failure.withLock({ $0 }) { throw error }
        return results.withLock { $0 }
    }
}
