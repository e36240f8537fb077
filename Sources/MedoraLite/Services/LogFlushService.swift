import Foundation
import Logging

extension PeriodicService {
    /// Writes buffered log lines every 100 ms, and whatever is left at shutdown.
    static func logFlush(_ file: RotatingLogFile, interval: Duration = .milliseconds(100)) -> PeriodicService {
        PeriodicService(name: "log flush", interval: interval, work: { file.flush() }, finally: { file.flush() })
    }

    /// Once a day (and at start): log files older than `days` are removed (rotation alone keeps
    /// five old files of up to 10 MB, however old).
    static func logRetention(_ file: RotatingLogFile, days: Int = 30, logger: Logger) -> PeriodicService {
        PeriodicService(name: "log retention", interval: .seconds(86_400)) {
            let removed = file.removeOldFiles(olderThan: TimeInterval(days) * 86_400)
            if removed > 0 { logger.info("old log files removed", metadata: ["count": .stringConvertible(removed)]) }
        }
    }
}
