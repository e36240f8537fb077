import Foundation
import GRDB
import GRDBSQLite
import Synchronization

/// A time limit for database work done on behalf of a request: the HTTP layer sets it for the
/// request's task; every read and write started under it is interrupted by SQLite's progress
/// handler once it passes (`MedoraError(.tooSlow)`, a 503; a write is rolled back). Work outside a
/// request (backups, `check`, migrations) has no limit.
public enum WorkDeadline {
    @TaskLocal public static var current: ContinuousClock.Instant?

    /// Per connection: the deadline of the access running on it (nil: none).
    final class Slot: Sendable {
        let deadline = Mutex<ContinuousClock.Instant?>(nil)
    }

    private static let slots = Mutex<[Int: Slot]>([:])

    /// Installs the progress handler on a new connection (every 10,000 virtual machine steps, a
    /// clock read: far below a percent of the work).
    static func install(on db: Database) {
        guard let connection = db.sqliteConnection else { return }
        let slot = Slot()
        slots.withLock { $0[Int(bitPattern: connection)] = slot }
        sqlite3_progress_handler(connection, 10_000, { context in
            guard let context else { return 0 }
            let slot = Unmanaged<Slot>.fromOpaque(context).takeUnretainedValue()
            guard let deadline = slot.deadline.withLock({ $0 }) else { return 0 }
            return ContinuousClock.now > deadline ? 1 : 0
        }, Unmanaged.passRetained(slot).toOpaque())
    }

    /// Runs `body` on `db` under `deadline`.
    static func run<T>(_ deadline: ContinuousClock.Instant?, on db: Database, _ body: (Database) throws -> T) throws -> T {
        guard let deadline, let connection = db.sqliteConnection, let slot = slots.withLock({ $0[Int(bitPattern: connection)] }) else { return try body(db) }
        slot.deadline.withLock { $0 = deadline }
        defer { slot.deadline.withLock { $0 = nil } }
        do {
            return try body(db)
        } catch let error as DatabaseError where error.resultCode == .SQLITE_INTERRUPT {
            throw MedoraError(.tooSlow)
        }
    }
}
