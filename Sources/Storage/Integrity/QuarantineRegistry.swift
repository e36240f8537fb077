import Foundation
import Synchronization

/// The damaged records this process knows of: found at unlock, or when a read fails later (the
/// file edited while the server runs), for the log, `check` and the marks in lists. (Writes do
/// not trust it: they check the row itself, so a damaged record is never overwritten.)
final class QuarantineRegistry: Sendable {
    private let records = Mutex<[String: DamagedRecord]>([:])

    private static func key(_ r: DamagedRecord) -> String { "\(r.table)#\(r.rowNumber)" }

    func add(_ record: DamagedRecord) {
        records.withLock { $0[Self.key(record)] = record }
    }

    func replaceAll(table: String, with damaged: [DamagedRecord]) {
        records.withLock { map in
            map = map.filter { $0.value.table != table }
            for r in damaged { map[Self.key(r)] = r }
        }
    }

    /// Ids of the damaged records of `table` whose stored owner is in `scope`, for marking a list.
    func ids(table: String, scope: PatientScope) -> [UUID] {
        records.withLock { map in map.values.filter { $0.table == table && scope.includes($0.ownerID) }.compactMap(\.id) }
            .sorted { $0.uuidString < $1.uuidString }
    }

    var all: [DamagedRecord] {
        records.withLock { Array($0.values) }.sorted { ($0.table, $0.rowNumber) < ($1.table, $1.rowNumber) }
    }
}
